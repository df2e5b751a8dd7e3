/**
 * A deleted table's Contributor Insights and Kinesis destinations (keys.ts c\0) are dropped by the
 * background removal with its items: nothing else removes them, and a table id is never reused,
 * so left behind they would only pile up. Another table's are kept.
 */
import test from 'ava';
import { createLogger } from '../../src/log.js';
import { MemoryMetaStore } from '../../src/storage/memory/index.js';
import { BackgroundRemoval } from '../../src/services/dynamodb/background-removal.js';
import { DDB_NS, TABLE_SETTINGS_RANGE, insightsKey, kinesisDestinationsKey, removalKey } from '../../src/services/dynamodb/keys.js';

const GONE = '5d6f1a3c-8a57-4b9e-9c43-0f1e2d3c4b5a';
const KEPT = '5d6f1a3c-8a57-4b9e-9c43-0f1e2d3c4b5b';

test('the removal of a table drops its c\\0 records and only its', async (t) => {
  const meta = new MemoryMetaStore();
  for (const id of [GONE, KEPT]) {
    await meta.batch([insightsKey(id), insightsKey(id, 'gsi1'), kinesisDestinationsKey(id)].map((key) => ({ type: 'put' as const, ns: DDB_NS, key, value: '{}' })));
  }
  await meta.put(DDB_NS, removalKey(GONE), '');
  const removal = new BackgroundRemoval(meta, createLogger('silent'));
  removal.kick();
  await removal.idle();
  const left: string[] = [];
  for await (const [key] of meta.iterate(DDB_NS, TABLE_SETTINGS_RANGE)) left.push(key);
  t.deepEqual(left, [insightsKey(KEPT), insightsKey(KEPT, 'gsi1'), kinesisDestinationsKey(KEPT)]);
});
