/**
 * Each kind of record in DynamoDB's namespace has a leading letter of its own (keys.ts). Two
 * kinds once shared "p\0" (backups' pending copies and resource policies, landed the same day):
 * the start-up sweep of pending copies took every table's policy for an unfinished copy and
 * deleted it. Every builder's key must fall in its own family's range and in no other's.
 */
import test from 'ava';
import {
  EXPORT_RANGE, IMPORT_RANGE, LEGACY_STATS_RANGE, PENDING_COPY_RANGE, REMOVAL_RANGE, TABLE_RANGE, TABLE_SETTINGS_RANGE, backupKey, backupRange, exportKey, importKey, indexEntryKey,
  insightsKey, itemKey, kinesisDestinationsKey, pendingCopyKey, policyKey, policyRange, removalKey, statsKey, tableKey, tokenKey, tokensBefore,
} from '../../src/services/dynamodb/keys.js';

type Range = { gt?: string; gte?: string; lt: string };
const inRange = (key: string, r: Range): boolean => (r.gt !== undefined ? key > r.gt : key >= r.gte!) && key < r.lt;

const ID = '5d6f1a3c-8a57-4b9e-9c43-0f1e2d3c4b5a';
const families: Record<string, { keys: string[]; range: Range }> = {
  table: { keys: [tableKey('000000000000', 'us-east-1', 'T')], range: TABLE_RANGE },
  item: { keys: [itemKey(ID, 'k'), statsKey(ID)], range: { gt: 'i\u0000', lt: 'i\u0001' } },
  index: { keys: [indexEntryKey(ID, ID, 'a', 'b')], range: { gt: 'x\u0000', lt: 'x\u0001' } },
  removal: { keys: [removalKey(ID), removalKey(ID, ID)], range: REMOVAL_RANGE },
  legacyStats: { keys: [`s\u0000${ID}`], range: LEGACY_STATS_RANGE },
  backup: { keys: [backupKey('000000000000', 'us-east-1', '01789380312797-0a1b2c3d')], range: backupRange('000000000000', 'us-east-1') },
  pendingCopy: { keys: [pendingCopyKey(ID)], range: PENDING_COPY_RANGE },
  token: { keys: [tokenKey(5, '000000000000', 'us-east-1', 'tok')], range: tokensBefore(6) },
  policy: { keys: [policyKey(ID), policyKey(ID, '2026-12-07T00:00:00.000')], range: policyRange(ID) },
  export: { keys: [exportKey('000000000000', 'us-east-1', '01789380312797-0a1b2c3d')], range: EXPORT_RANGE },
  import: { keys: [importKey('000000000000', 'us-east-1', '01789380312797-0a1b2c3d')], range: IMPORT_RANGE },
  tableSettings: { keys: [insightsKey(ID), insightsKey(ID, 'gsi1'), kinesisDestinationsKey(ID)], range: TABLE_SETTINGS_RANGE },
};

test('every DynamoDB record family has its own leading letter and range', (t) => {
  const letters = new Map<string, string>();
  for (const [name, { keys }] of Object.entries(families)) {
    const letter = keys[0]![0]!;
    t.is(letters.get(letter), undefined, `${name} shares "${letter}" with ${letters.get(letter)}`);
    letters.set(letter, name);
  }
  for (const [name, { keys }] of Object.entries(families)) {
    for (const key of keys) {
      for (const [other, { range }] of Object.entries(families)) {
        t.is(inRange(key, range), other === name, `${name} key ${JSON.stringify(key)} ${other === name ? 'outside its own' : `inside ${other}'s`} range`);
      }
    }
  }
});
