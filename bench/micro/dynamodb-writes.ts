/**
 * Micro benchmark: what an item write costs inside the DynamoDB service on the real store
 * (classic-level), without the HTTP path: PutItem of a 1 KiB item to one key and to distinct
 * keys, one at a time and 16 in flight, and BatchWriteItem of 25 small items, 16 in flight.
 * Reports process CPU (all threads: LevelDB writes on libuv's pool count) and wall time per item.
 * With 16 in flight the writes share LevelDB batches (services/dynamodb/group-commit.ts): a
 * one-operation batch costs 60-95 µs of CPU, a shared one a fraction of that per write.
 * Prints JSON.   node dist/bench/micro/dynamodb-writes.js [--items 4000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LevelMetaStore } from '../../native-store/level-meta-store.js';
import { createLogger } from '../../src/log.js';
import { createDynamoDbService } from '../../src/services/dynamodb/index.js';
import type { RequestContext, ServiceDeps } from '../../src/services/types.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const items = arg('--items', 4000);
const round = (x: number): number => Math.round(x * 10) / 10;

const dir = await mkdtemp(join(tmpdir(), 'bench-ddb-writes-'));
const meta = await LevelMetaStore.open(dir, 'process');
const service = await createDynamoDbService({ meta, features: { mode: 'strict' }, log: createLogger('silent') } as unknown as ServiceDeps);
const ctx = { requestId: 'bench', accountId: '000000000000', region: 'us-east-1', host: 'localhost', ignored: [], signal: new AbortController().signal } as unknown as RequestContext;
const call = (operation: string, input: Record<string, unknown>): Promise<unknown> => service.operations[operation]!(ctx, input);

const TableName = 'bench-writes';
await call('CreateTable', { TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] });
const data = 'x'.repeat(1024);

/** `count` calls of `make`, `inFlight` at a time: CPU and wall µs per item. */
async function measure(inFlight: number, count: number, perCall: number, make: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await make(i);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => { while (next < count) await make(next++); }));
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  const n = count * perCall;
  return { inFlight, cpuUsPerItem: round((cpu.user + cpu.system) / n), wallUsPerItem: round((wallMs * 1000) / n) };
}

const results: Record<string, unknown>[] = [];
try {
  for (const inFlight of [1, 16]) {
    results.push({ name: 'PutItem 1 KiB, one key', ...await measure(inFlight, items, 1, () => call('PutItem', { TableName, Item: { id: { S: 'same' }, data: { S: data } } })) });
    results.push({ name: 'PutItem 1 KiB, distinct keys', ...await measure(inFlight, items, 1, (i) => call('PutItem', { TableName, Item: { id: { S: `k${i % 1000}` }, data: { S: data } } })) });
  }
  let batch = 0;
  results.push({
    name: 'BatchWriteItem 25 items', ...await measure(16, Math.ceil(items / 10), 25, () => {
      const n = batch++;
      return call('BatchWriteItem', { RequestItems: { [TableName]: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { id: { S: `load-${n}-${j}` }, n: { N: String(n * 25 + j) }, v: { S: 'w'.repeat(64) } } } })) } });
    }),
  });
} finally {
  await service.close?.();
  await meta.close();
  await rm(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify({ benchmark: 'dynamodb-writes', items, results }, null, 2)}\n`);
