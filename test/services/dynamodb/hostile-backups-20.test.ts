/**
 * Hostile pass 20 over DynamoDB backups (src/services/dynamodb/backups/*). Every probe held up;
 * these rows pin the most valuable ones. Answers as the backup sources record them (backup-arn.ts,
 * list-backups.ts: radkawar/stackd testdata/aws/dynamodb/backups.json, backup_arn_grammar.json,
 * 2026-09-18); where AWS has no recorded answer (the races), the rule held is the brief's: never
 * a 500, never a partial backup or table.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
// One fixed instant: every backup below is created in the same millisecond.
const NOW = Date.UTC(2026, 8, 18, 10, 0, 0, 0);
test.before(async () => { server = await startBoltstack({ clock: () => NOW }); });
test.after.always(async () => { await server?.stop(); });

const call = (op: string, body: unknown) => rawCall(server.endpoint, op, body);

async function table(prefix: string, items = 0): Promise<string> {
  const name = uniqueTable(prefix);
  await createKeyedTable(ddbClient(server.endpoint), name, [['pk', 'S']]);
  for (let i = 0; i < items; i++) await call('PutItem', { TableName: name, Item: { pk: { S: `k${i}` }, g: { S: `g${i % 3}` } } });
  return name;
}

test('six backups in one millisecond page one by one with Limit 1: each listed once, in ARN order', async (t) => {
  const name = await table('hostile-bk-ms');
  const arns: string[] = [];
  for (let i = 0; i < 6; i++) arns.push(((await call('CreateBackup', { TableName: name, BackupName: 'same' })).body.BackupDetails as { BackupArn: string }).BackupArn);
  const seen: string[] = [];
  let start: string | undefined;
  for (let page = 0; page < 10; page++) {
    const r = await call('ListBackups', { TableName: name, Limit: 1, ...(start ? { ExclusiveStartBackupArn: start } : {}) });
    seen.push(...(r.body.BackupSummaries as Array<{ BackupArn: string }>).map((b) => b.BackupArn));
    start = r.body.LastEvaluatedBackupArn as string | undefined;
    if (start === undefined) break;
  }
  t.deepEqual(seen, [...arns].sort());
  // A page may start after a backup deleted since: it goes on from where that one was.
  await call('DeleteBackup', { BackupArn: seen[2] });
  const rest = await call('ListBackups', { TableName: name, ExclusiveStartBackupArn: seen[2] });
  t.deepEqual((rest.body.BackupSummaries as Array<{ BackupArn: string }>).map((b) => b.BackupArn), seen.slice(3));
});

test('BackupName: 3 and 255 characters pass; 2, 256, non-ASCII, a space, a percent sign are ValidationException', async (t) => {
  const name = await table('hostile-bk-name');
  for (const ok of ['abc', 'a'.repeat(255), 'a.b-c_d']) t.is((await call('CreateBackup', { TableName: name, BackupName: ok })).status, 200, ok);
  for (const bad of ['ab', 'a'.repeat(256), 'név', 'a b', 'a%41b', '']) {
    const r = await call('CreateBackup', { TableName: name, BackupName: bad });
    t.is(r.status, 400, bad);
    t.is(r.body.__type, 'com.amazon.coral.validate#ValidationException', bad);
  }
});

test('backup ARNs percent-encoded, with a trailing slash, unicode in the table name or another case: 400s, never a 500', async (t) => {
  const name = await table('hostile-bk-arn');
  const arn = ((await call('CreateBackup', { TableName: name, BackupName: 'bkp' })).body.BackupDetails as { BackupArn: string }).BackupArn;
  const rows: Array<[string, string, string]> = [
    [arn.replace('backup/', 'backup%2F'), 'com.amazon.coral.validate#ValidationException', 'Invalid Request: BackupArn is not valid'],
    [`${arn}/`, 'com.amazon.coral.validate#ValidationException', 'Invalid Request: BackupArn is not valid'],
    [arn.replace(name, `${name}é`), 'com.amazon.coral.validate#ValidationException', 'Invalid Backup ARN'],
    [arn.replace(/[0-9a-f]{8}$/, (hex) => hex.toUpperCase()), 'com.amazonaws.dynamodb.v20120810#BackupNotFoundException', ''],
  ];
  for (const [BackupArn, type, message] of rows) {
    const r = await call('DescribeBackup', { BackupArn });
    t.is(r.status, 400, BackupArn);
    t.is(r.body.__type, type, BackupArn);
    if (message !== '') t.is(r.body.message, message, BackupArn);
  }
});

test('CreateBackup racing DeleteTable: a whole backup or TableNotFound; RestoreTableFromBackup racing DeleteTable of its target name: a new whole table', async (t) => {
  const source = await table('hostile-bk-race', 30);
  const answers = await Promise.all([call('CreateBackup', { TableName: source, BackupName: 'race1' }), call('DeleteTable', { TableName: source }), call('CreateBackup', { TableName: source, BackupName: 'race2' })]);
  t.is(answers[1]!.status, 200);
  for (const a of [answers[0]!, answers[2]!]) {
    if (a.status === 200) {
      const arn = (a.body.BackupDetails as { BackupArn: string }).BackupArn;
      const described = await call('DescribeBackup', { BackupArn: arn });
      t.is((described.body.BackupDescription as { SourceTableDetails: { ItemCount: number } }).SourceTableDetails.ItemCount, 30);
    } else {
      t.is(a.body.__type, 'com.amazonaws.dynamodb.v20120810#TableNotFoundException', JSON.stringify(a.body));
    }
  }
  const other = await table('hostile-bk-src', 12);
  const backup = ((await call('CreateBackup', { TableName: other, BackupName: 'bkp' })).body.BackupDetails as { BackupArn: string }).BackupArn;
  const target = await table('hostile-bk-target', 5);
  const [deleted, restored] = await Promise.all([call('DeleteTable', { TableName: target }), call('RestoreTableFromBackup', { BackupArn: backup, TargetTableName: target })]);
  t.is(deleted.status, 200);
  t.true(restored.status === 200 || restored.body.__type === 'com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException', JSON.stringify(restored.body));
  if (restored.status === 200) {
    const scan = await call('Scan', { TableName: target, Select: 'COUNT' });
    t.is(scan.body.Count, 12, 'the restored items only, none of the deleted table\'s');
  }
});

test('CreateBackup racing an UpdateTable that creates a GSI: the restore\'s index holds exactly the items the backup does', async (t) => {
  const name = await table('hostile-bk-gsi', 30);
  const [updated, created] = await Promise.all([
    call('UpdateTable', { TableName: name, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }], GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }] }),
    call('CreateBackup', { TableName: name, BackupName: 'gsi' }),
  ]);
  t.is(updated.status, 200, JSON.stringify(updated.body));
  t.is(created.status, 200, JSON.stringify(created.body));
  const arn = (created.body.BackupDetails as { BackupArn: string }).BackupArn;
  const target = `${name}-r`;
  t.is((await call('RestoreTableFromBackup', { BackupArn: arn, TargetTableName: target })).status, 200);
  const described = await call('DescribeTable', { TableName: target });
  const gsis = (described.body.Table as { GlobalSecondaryIndexes?: Array<{ IndexName: string }> }).GlobalSecondaryIndexes ?? [];
  if (gsis.length === 0) { t.pass('the backup was taken before the index'); return; }
  let total = 0;
  for (const g of ['g0', 'g1', 'g2']) {
    const q = await call('Query', { TableName: target, IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: g } }, Select: 'COUNT' });
    total += q.body.Count as number;
  }
  t.is(total, 30);
});
