/**
 * Seeded random model test (issue #8): thousands of random writes, conditional writes, updates,
 * deletes, batch writes and transactions against a table with a GSI and an LSI, through the
 * real SDK client, mirrored on an in-memory model. After every step GetItem of the touched
 * items, one Query (table, GSI or LSI, in either direction) and a full Scan must equal what the
 * model says, and at the end DescribeTable's ItemCount. The seed is printed with every failure:
 *   DDB_MODEL_SEED=1234 [DDB_MODEL_STEPS=2000] npx ava dist/test/services/dynamodb/random-model.test.js
 */
import test from 'ava';
import {
  BatchWriteItemCommand, CreateTableCommand, DeleteItemCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, QueryCommand,
  ScanCommand, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, uniqueTable } from './helpers.js';
import { mulberry32 } from '../../../src/bench/workload/prng.js';

type Item = Record<string, AttributeValue>;

const seed = Number(process.env.DDB_MODEL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const steps = Number(process.env.DDB_MODEL_STEPS ?? 1000);
const PARTITIONS = ['a', 'b', 'c'];
const SORTS = 8;

let server: Boltstack;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  TableName = uniqueTable('model');
  await ddbClient(server.endpoint).send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' },
      { AttributeName: 'g', AttributeType: 'S' }, { AttributeName: 'l', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    LocalSecondaryIndexes: [{ IndexName: 'byL', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
});
test.after.always(async () => { await server?.stop(); });

const keyOf = (pk: string, sk: number): string => `${pk}#${sk}`;
const keyItem = (pk: string, sk: number): Item => ({ pk: { S: pk }, sk: { N: String(sk) } });
const byTableKey = (a: Item, b: Item): number => (a.pk!.S! < b.pk!.S! ? -1 : a.pk!.S! > b.pk!.S! ? 1 : Number(a.sk!.N) - Number(b.sk!.N));

/** What one step does, to the model and to the server. */
interface Step { describe: string; touched: Array<[string, number]>; run(ddb: DynamoDBClient): Promise<boolean>; apply(model: Map<string, Item>): boolean }

function makeStep(next: () => number, model: Map<string, Item>): Step {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const pk = pick(PARTITIONS);
  const sk = Math.floor(next() * SORTS);
  const key = keyOf(pk, sk);
  const newItem = (p = pk, s = sk): Item => {
    const item: Item = { ...keyItem(p, s), v: { N: String(Math.floor(next() * 100) - 50) } };
    if (next() < 0.7) item.g = { S: pick(['x', 'y', 'z']) };
    if (next() < 0.7) item.l = { S: pick(['l1', 'l2', 'l3', 'l4']) };
    if (next() < 0.3) item.tags = { SS: ['t1', 't2', 't3'].filter(() => next() < 0.6).concat('t0') };
    return item;
  };
  const failed = (err: unknown): boolean => {
    const name = (err as Error).name;
    if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') return false;
    throw err;
  };
  const kind = next();
  if (kind < 0.25) {
    const item = newItem();
    const conditional = next() < 0.4;
    return {
      describe: `PutItem ${key}${conditional ? ' if absent' : ''}`, touched: [[pk, sk]],
      run: (ddb) => ddb.send(new PutItemCommand({ TableName, Item: item, ...(conditional ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) })).then(() => true, failed),
      apply: (m) => { if (conditional && m.has(key)) return false; m.set(key, item); return true; },
    };
  }
  if (kind < 0.5) {
    const delta = Math.floor(next() * 10) - 5;
    const g = pick(['x', 'y', 'z', undefined]);
    const floor = Math.floor(next() * 40) - 20;
    const conditional = next() < 0.4;
    return {
      describe: `UpdateItem ${key} v += ${delta}, g = ${g ?? 'REMOVE'}${conditional ? ` if v > ${floor}` : ''}`, touched: [[pk, sk]],
      run: (ddb) => ddb.send(new UpdateItemCommand({
        TableName, Key: keyItem(pk, sk),
        UpdateExpression: `SET v = if_not_exists(v, :zero) + :d${g ? ', g = :g' : ''} ADD n :one${g ? '' : ' REMOVE g'}`,
        ExpressionAttributeValues: { ':zero': { N: '0' }, ':d': { N: String(delta) }, ':one': { N: '1' }, ...(g ? { ':g': { S: g } } : {}), ...(conditional ? { ':f': { N: String(floor) } } : {}) },
        ...(conditional ? { ConditionExpression: 'v > :f' } : {}),
      })).then(() => true, failed),
      apply: (m) => {
        const old = m.get(key);
        if (conditional && !(old?.v && Number(old.v.N) > floor)) return false;
        const item: Item = { ...(old ?? keyItem(pk, sk)) };
        item.v = { N: String(Number(old?.v?.N ?? 0) + delta) };
        item.n = { N: String(Number(old?.n?.N ?? 0) + 1) };
        if (g) item.g = { S: g }; else delete item.g;
        m.set(key, item);
        return true;
      },
    };
  }
  if (kind < 0.65) {
    const conditional = next() < 0.4;
    return {
      describe: `DeleteItem ${key}${conditional ? ' if v < 0' : ''}`, touched: [[pk, sk]],
      run: (ddb) => ddb.send(new DeleteItemCommand({ TableName, Key: keyItem(pk, sk), ...(conditional ? { ConditionExpression: 'v < :z', ExpressionAttributeValues: { ':z': { N: '0' } } } : {}) })).then(() => true, failed),
      apply: (m) => { const old = m.get(key); if (conditional && !(old?.v && Number(old.v.N) < 0)) return false; m.delete(key); return true; },
    };
  }
  // Several distinct items at once: a batch write, or a transaction that may be cancelled.
  const keys = new Map<string, [string, number]>();
  const size = 2 + Math.floor(next() * 4);
  while (keys.size < size) { const p = pick(PARTITIONS); const s = Math.floor(next() * SORTS); keys.set(keyOf(p, s), [p, s]); }
  const actions = [...keys.values()].map(([p, s]) => ({ p, s, put: next() < 0.6 ? newItem(p, s) : undefined, mustExist: next() < 0.3 }));
  if (kind < 0.8) {
    return {
      describe: `BatchWriteItem ${actions.map((a) => `${a.put ? 'put' : 'del'} ${keyOf(a.p, a.s)}`).join(', ')}`, touched: [...keys.values()],
      run: async (ddb) => {
        const out = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: actions.map((a) => (a.put ? { PutRequest: { Item: a.put } } : { DeleteRequest: { Key: keyItem(a.p, a.s) } })) } }));
        if (Object.keys(out.UnprocessedItems ?? {}).length > 0) throw new Error('unprocessed items');
        return true;
      },
      apply: (m) => { for (const a of actions) { if (a.put) m.set(keyOf(a.p, a.s), a.put); else m.delete(keyOf(a.p, a.s)); } return true; },
    };
  }
  return {
    describe: `TransactWriteItems ${actions.map((a) => `${a.put ? 'put' : 'del'} ${keyOf(a.p, a.s)}${a.mustExist ? ' if present' : ''}`).join(', ')}`, touched: [...keys.values()],
    run: (ddb) => ddb.send(new TransactWriteItemsCommand({
      TransactItems: actions.map((a) => {
        const condition = a.mustExist ? { ConditionExpression: 'attribute_exists(pk)' } : {};
        return a.put ? { Put: { TableName, Item: a.put, ...condition } } : { Delete: { TableName, Key: keyItem(a.p, a.s), ...condition } };
      }),
    })).then(() => true, failed),
    apply: (m) => {
      if (actions.some((a) => a.mustExist && !m.has(keyOf(a.p, a.s)))) return false;
      for (const a of actions) { if (a.put) m.set(keyOf(a.p, a.s), a.put); else m.delete(keyOf(a.p, a.s)); }
      return true;
    },
  };
}

/** Sets compare regardless of order (DynamoDB keeps no order in SS). */
function normalise(items: Item[]): Item[] {
  return items.map((item) => {
    const out: Item = {};
    for (const name of Object.keys(item).sort()) {
      const v = item[name]!;
      out[name] = v.SS ? { SS: [...v.SS].sort() } : v;
    }
    return out;
  });
}

async function queryAll(ddb: DynamoDBClient, input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

test(`random writes, updates, deletes, batches and transactions match an in-memory model (seed ${seed})`, async (t) => {
  t.timeout(170_000);
  const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
  const next = mulberry32(seed);
  const model = new Map<string, Item>();
  const reproduce = `reproduce with DDB_MODEL_SEED=${seed}`;
  for (let step = 0; step < steps; step++) {
    const s = makeStep(next, model);
    const at = `step ${step} (${s.describe}); ${reproduce}`;
    const applied = await s.run(ddb);
    t.is(applied, s.apply(model), `${at}: the server and the model disagree on whether the write applied`);
    for (const [p, k] of s.touched) {
      const got = await ddb.send(new GetItemCommand({ TableName, Key: keyItem(p, k), ConsistentRead: true }));
      const want = model.get(keyOf(p, k));
      t.deepEqual(normalise(got.Item ? [got.Item] : []), normalise(want ? [want] : []), `${at}: GetItem ${keyOf(p, k)}`);
    }
    const all = [...model.values()];
    const forward = next() < 0.5;
    const which = next();
    if (which < 0.4) {
      const p = PARTITIONS[step % PARTITIONS.length]!;
      const low = Math.floor(next() * SORTS);
      const got = await queryAll(ddb, { TableName, KeyConditionExpression: 'pk = :p AND sk >= :low', ExpressionAttributeValues: { ':p': { S: p }, ':low': { N: String(low) } }, ScanIndexForward: forward, Limit: 3 });
      const want = all.filter((i) => i.pk!.S === p && Number(i.sk!.N) >= low).sort(byTableKey);
      if (!forward) want.reverse();
      t.deepEqual(normalise(got), normalise(want), `${at}: Query table ${p} sk >= ${low}`);
    } else if (which < 0.7) {
      const g = ['x', 'y', 'z'][step % 3]!;
      const got = await queryAll(ddb, { TableName, IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: g } }, ScanIndexForward: forward });
      const sorts = got.map((i) => Number(i.sk!.N));
      t.deepEqual(sorts, [...sorts].sort((a, b) => (forward ? a - b : b - a)), `${at}: GSI order`);
      t.deepEqual(normalise(got.sort(byTableKey)), normalise(all.filter((i) => i.g?.S === g).sort(byTableKey)), `${at}: Query GSI g = ${g}`);
    } else {
      const p = PARTITIONS[step % PARTITIONS.length]!;
      const got = await queryAll(ddb, { TableName, IndexName: 'byL', KeyConditionExpression: 'pk = :p AND l >= :l', ExpressionAttributeValues: { ':p': { S: p }, ':l': { S: 'l2' } }, ScanIndexForward: forward, Limit: 2 });
      const ls = got.map((i) => i.l!.S!);
      t.deepEqual(ls, [...ls].sort((a, b) => (forward ? (a < b ? -1 : a > b ? 1 : 0) : (a < b ? 1 : a > b ? -1 : 0))), `${at}: LSI order`);
      t.deepEqual(normalise(got.sort(byTableKey)), normalise(all.filter((i) => i.pk!.S === p && i.l !== undefined && i.l.S! >= 'l2').sort(byTableKey)), `${at}: Query LSI ${p} l >= l2`);
    }
    const scanned = await ddb.send(new ScanCommand({ TableName, ConsistentRead: true }));
    t.deepEqual(normalise((scanned.Items ?? []).sort(byTableKey)), normalise(all.sort(byTableKey)), `${at}: Scan`);
  }
  const described = await ddb.send(new DescribeTableCommand({ TableName }));
  t.is(described.Table!.ItemCount, model.size, `ItemCount after ${steps} steps; ${reproduce}`);
  t.log(`${steps} steps, seed ${seed}, ${model.size} items at the end`);
});
