/**
 * A GSI backfill that fails (here: the store refuses the batches that write index entries) is
 * logged as an error and run again after a pause, and the index turns ACTIVE once the store takes
 * writes again, every item in it once and counted once. It once logged a warning and left the
 * index CREATING for good (and its table undeletable).
 */
import test from 'ava';
import type { MetaOp } from '../../../src/storage/meta-store.js';
import { MemoryMetaStore } from '../../../src/storage/memory/index.js';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import type { RequestContext } from '../../../src/services/types.js';
import { createDynamoDbService } from '../../../src/services/dynamodb/index.js';
import { DDB_NS } from '../../../src/services/dynamodb/keys.js';

/** A store that refuses the next `failures` batches writing an index entry (keys.ts: `x\0...`). */
class FailingIndexWrites extends MemoryMetaStore {
  failures = 0;
  override async batch(ops: MetaOp[]): Promise<void> {
    if (this.failures > 0 && ops.some((op) => op.ns === DDB_NS && op.key.startsWith('x\u0000'))) {
      this.failures--;
      throw new Error('no space left on device (test)');
    }
    return super.batch(ops);
  }
}

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const TableName = 'orders';

test('a failed backfill is logged as an error and run again until the index is ACTIVE', async (t) => {
  const meta = new FailingIndexWrites();
  const lines: Array<{ level: string; msg: string }> = [];
  const log = createLogger('warn', (line) => { lines.push(JSON.parse(line) as { level: string; msg: string }); });
  const ddb = await createDynamoDbService({ meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log, durability: 'process' });
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await ddb.operations[op]!(ctx, input) as T;
  try {
    await call('CreateTable', { TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
    for (let i = 0; i < 50; i++) await call('PutItem', { TableName, Item: { pk: { S: `k${i}` }, g: { S: `g${i % 2}` } } });
    meta.failures = 1;
    await call('UpdateTable', {
      TableName, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    });
    type Described = { Table: { GlobalSecondaryIndexes: Array<{ IndexStatus: string; ItemCount: number }> } };
    const gsi = async (): Promise<{ IndexStatus: string; ItemCount: number }> => (await call<Described>('DescribeTable', { TableName })).Table.GlobalSecondaryIndexes[0]!;
    const end = Date.now() + 5000;
    while ((await gsi()).IndexStatus !== 'ACTIVE' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    t.is(meta.failures, 0, 'the backfill met the failure');
    const failed = lines.filter((l) => l.msg.includes('GSI backfill failed'));
    t.deepEqual(failed.map((l) => l.level), ['error'], 'logged once, as an error');
    t.regex(failed[0]!.msg, /stays CREATING, tried again in 1 s and at the next start/);
    const done = await gsi();
    t.is(done.IndexStatus, 'ACTIVE', 'run again once the store takes writes');
    t.is(done.ItemCount, 50, 'each item counted once');
    for (const g of ['g0', 'g1']) {
      const page = await call<{ Count: number }>('Query', { TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: g } } });
      t.is(page.Count, 25, `${g}: each item once`);
    }
  } finally {
    await ddb.close?.();
  }
});
