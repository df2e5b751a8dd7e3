/**
 * Key values at the top of the code space, through the SDK against the real server: string hash
 * and range values that begin with or consist of U+10FFFF, U+FFFF, U+E000 and U+10000 (a
 * surrogate pair in UTF-16, above U+FFFF in UTF-8), and binary values of 0xFF bytes.
 *
 * DynamoDB orders S keys by their UTF-8 bytes and B keys by unsigned bytes (AWS API reference,
 * Query, ScanIndexForward: "Query results are always sorted by the sort key value. If the data
 * type of the sort key is Number, the results are returned in numeric order; otherwise, the
 * results are returned in order of UTF-8 bytes"; binary "compared as unsigned"). Every answer
 * below comes from a model that sorts by those bytes and filters by the operator's meaning.
 *
 * The defect these pin (hostile-input pass, session 19): a key range ended at `prefix + U+10FFFF`,
 * below every key that goes on with U+10FFFF, so Query, Scan, a GSI backfill, the TTL sweep and
 * DeleteTable's removal missed such items; and ExclusiveStartKey was compared with JS `<`, which
 * puts U+10000 below U+E000, so paging past a surrogate-pair key restarted the range.
 */
import test, { type ExecutionContext } from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  BatchWriteItemCommand, CreateTableCommand, DeleteTableCommand, DescribeTableCommand, QueryCommand, ScanCommand, UpdateTableCommand,
  UpdateTimeToLiveCommand, type AttributeValue, type DynamoDBClient, type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { DDB_NS, afterPrefix } from '../../../src/services/dynamodb/keys.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { ddbClient, uniqueTable } from './helpers.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 11, 7, 12, 0, 0);

test.before(async () => {
  server = await startBoltstack({ clock: () => now });
  ddb = ddbClient(server.endpoint);
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

/** A key type in the model: values as text (S the string, B lower-case hex), ordered as DynamoDB orders them. */
interface Kind {
  type: 'S' | 'B';
  av(x: string): AttributeValue;
  of(av: AttributeValue): string;
  cmp(x: string, y: string): number;
}
const S_KIND: Kind = {
  type: 'S',
  av: (x) => ({ S: x }),
  of: (av) => av.S!,
  cmp: (x, y) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8')),
};
const B_KIND: Kind = {
  type: 'B',
  av: (x) => ({ B: Buffer.from(x, 'hex') }),
  of: (av) => Buffer.from(av.B!).toString('hex'),
  cmp: (x, y) => (x < y ? -1 : x > y ? 1 : 0), // lower-case hex of bytes orders as the bytes
};

const MAX = '\u{10FFFF}';
const STRINGS = ['a', 'c', '\uE000', '\uFFFF', '\u{10000}', '\uFFFF\u{10FFFF}', MAX, `${MAX}q`, MAX + MAX, `${MAX}\u{10000}`];
const BINARIES = ['00', 'fe', 'feff', 'ff', 'ff00', 'ffff', 'ffffff'];

type Op = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';
interface Condition { op: Op; a: string; b?: string }

function holds(kind: Kind, v: string, c: Condition): boolean {
  const d = kind.cmp(v, c.a);
  switch (c.op) {
    case 'EQ': return d === 0;
    case 'LT': return d < 0;
    case 'LE': return d <= 0;
    case 'GT': return d > 0;
    case 'GE': return d >= 0;
    case 'BETWEEN': return d >= 0 && kind.cmp(v, c.b!) <= 0;
    case 'BEGINS_WITH': return v.startsWith(c.a);
  }
}

function expression(c: Condition): string {
  switch (c.op) {
    case 'EQ': return '#s = :a';
    case 'LT': return '#s < :a';
    case 'LE': return '#s <= :a';
    case 'GT': return '#s > :a';
    case 'GE': return '#s >= :a';
    case 'BETWEEN': return '#s BETWEEN :a AND :b';
    case 'BEGINS_WITH': return 'begins_with(#s, :a)';
  }
}

/** Every condition on `values` (and a few operands no item has), BETWEEN on ordered pairs. */
function conditions(kind: Kind, values: string[], extra: string[]): Condition[] {
  const operands = [...values, ...extra];
  const out: Condition[] = [];
  for (const op of ['EQ', 'LT', 'LE', 'GT', 'GE', 'BEGINS_WITH'] as const) for (const a of operands) out.push({ op, a });
  const sorted = [...operands].sort(kind.cmp);
  for (let i = 0; i < sorted.length; i += 2) for (let j = i; j < sorted.length; j += 3) out.push({ op: 'BETWEEN', a: sorted[i]!, b: sorted[j]! });
  return out;
}

async function putAll(TableName: string, items: Array<Record<string, AttributeValue>>): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

/** A Query run to its end, page by page (at most 100 pages: a restarting range shows as a failure, not a hang). */
async function queryAll(input: QueryCommandInput): Promise<Array<Record<string, AttributeValue>>> {
  const out: Array<Record<string, AttributeValue>> = [];
  let start: Record<string, AttributeValue> | undefined;
  for (let page = 0; page < 100; page++) {
    const answer = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...answer.Items!);
    start = answer.LastEvaluatedKey;
    if (start === undefined) return out;
  }
  throw new Error('the Query did not end within 100 pages');
}

async function scanAll(TableName: string, extra: { Limit?: number; Segment?: number; TotalSegments?: number; IndexName?: string } = {}): Promise<Array<Record<string, AttributeValue>>> {
  const out: Array<Record<string, AttributeValue>> = [];
  let start: Record<string, AttributeValue> | undefined;
  for (let page = 0; page < 200; page++) {
    const answer = await ddb.send(new ScanCommand({ TableName, ...extra, ExclusiveStartKey: start }));
    out.push(...answer.Items!);
    start = answer.LastEvaluatedKey;
    if (start === undefined) return out;
  }
  throw new Error('the Scan did not end within 200 pages');
}

async function keyedTable(kind: Kind): Promise<string> {
  const TableName = uniqueTable('edge');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: kind.type }, { AttributeName: 'sk', AttributeType: kind.type }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  return TableName;
}

/** Query every condition on each partition, forward and backward, whole and in pages of 2, against the model. */
async function checkQueries(t: ExecutionContext, kind: Kind, TableName: string, partitions: string[], values: string[], extra: string[]): Promise<void> {
  for (const pk of partitions) {
    for (const c of [undefined, ...conditions(kind, values, extra)]) {
      const wanted = values.filter((v) => c === undefined || holds(kind, v, c)).sort(kind.cmp);
      for (const forward of [true, false]) {
        const input: QueryCommandInput = {
          TableName, ScanIndexForward: forward,
          KeyConditionExpression: c === undefined ? '#p = :p' : `#p = :p AND ${expression(c)}`,
          ExpressionAttributeNames: c === undefined ? { '#p': 'pk' } : { '#p': 'pk', '#s': 'sk' },
          ExpressionAttributeValues: { ':p': kind.av(pk), ...(c ? { ':a': kind.av(c.a) } : {}), ...(c?.b !== undefined ? { ':b': kind.av(c.b) } : {}) },
        };
        const expect = forward ? wanted : [...wanted].reverse();
        const what = `pk ${JSON.stringify(pk)} ${c ? `${c.op} ${JSON.stringify(c.a)}${c.b === undefined ? '' : ` ${JSON.stringify(c.b)}`}` : '(no sort condition)'} ${forward ? 'forward' : 'backward'}`;
        const whole = (await ddb.send(new QueryCommand(input))).Items!.map((i) => kind.of(i.sk!));
        if (JSON.stringify(whole) !== JSON.stringify(expect)) return void t.deepEqual(whole, expect, what);
        const paged = (await queryAll({ ...input, Limit: 2 })).map((i) => kind.of(i.sk!));
        if (JSON.stringify(paged) !== JSON.stringify(expect)) return void t.deepEqual(paged, expect, `${what}, Limit 2`);
      }
    }
  }
  t.pass();
}

test('afterPrefix is the smallest string above every string with the prefix, in UTF-8 order', (t) => {
  const utf8 = (x: string): Buffer => Buffer.from(x, 'utf8');
  const rows: Array<[string, string]> = [
    ['i\u0000t\u0000', 'i\u0000t\u0001'], // a NUL-terminated prefix: one character up
    ['p!', 'p"'], ['p~', 'p\u007f'], ['p\uD7FF', 'p\uE000'], ['p\uFFFF', 'p\u{10000}'], ['p\u{10000}', 'p\u{10001}'],
    [`p${MAX}`, 'q'], [`p${MAX}${MAX}`, 'q'], [`p\uFFFF${MAX}`, 'p\u{10000}'],
  ];
  for (const [prefix, bound] of rows) {
    t.is(afterPrefix(prefix), bound, JSON.stringify(prefix));
    for (const tail of ['', '\u0000', MAX, MAX + MAX + MAX, '\uFFFF']) t.true(Buffer.compare(utf8(prefix + tail), utf8(bound)) < 0, `${JSON.stringify(prefix + tail)} below`);
  }
});

test('Query on string keys at the top of the code space: every operator, both directions, paged, matches UTF-8 order', async (t) => {
  const TableName = await keyedTable(S_KIND);
  const pks = ['b', MAX, MAX + MAX, '\uFFFF', '\u{10000}'];
  await putAll(TableName, pks.flatMap((pk) => STRINGS.map((sk) => ({ pk: { S: pk }, sk: { S: sk } }))));
  await checkQueries(t, S_KIND, TableName, ['b', MAX, '\u{10000}'], STRINGS, ['d', MAX + MAX + MAX, '\uE001', '\u{10001}']);
  // The partitions themselves: a Query on each hash value sees exactly its own items.
  for (const pk of pks) {
    const got = await queryAll({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: pk } }, Limit: 3 });
    t.is(got.length, STRINGS.length, `partition ${JSON.stringify(pk)}`);
    t.true(got.every((i) => i.pk!.S === pk));
  }
});

test('Query on binary keys of 0xFF bytes: every operator, both directions, paged, matches byte order', async (t) => {
  const TableName = await keyedTable(B_KIND);
  const pks = ['00', 'ff', 'ffff'];
  await putAll(TableName, pks.flatMap((pk) => BINARIES.map((sk) => ({ pk: B_KIND.av(pk), sk: B_KIND.av(sk) }))));
  await checkQueries(t, B_KIND, TableName, pks, BINARIES, ['01', 'fffffff0']);
});

test('Scan sees every item whose hash value begins with U+10FFFF: whole, paged and in parallel segments', async (t) => {
  const TableName = await keyedTable(S_KIND);
  const pks = ['a', '\uE000', '\uFFFF', '\u{10000}', MAX, `${MAX}z`, MAX + MAX];
  const items = pks.flatMap((pk) => ['c', MAX].map((sk) => ({ pk: { S: pk }, sk: { S: sk } })));
  await putAll(TableName, items);
  const ids = (list: Array<Record<string, AttributeValue>>): string[] => list.map((i) => `${i.pk!.S}|${i.sk!.S}`).sort();
  const all = ids(items);
  t.deepEqual(ids(await scanAll(TableName)), all);
  t.deepEqual(ids(await scanAll(TableName, { Limit: 3 })), all, 'paged with ExclusiveStartKey');
  const segments: Array<Record<string, AttributeValue>> = [];
  for (let Segment = 0; Segment < 4; Segment++) segments.push(...await scanAll(TableName, { Segment, TotalSegments: 4, Limit: 2 }));
  t.deepEqual(ids(segments), all, 'four segments together, no item twice');
  t.is((await ddb.send(new ScanCommand({ TableName, Select: 'COUNT' }))).Count, items.length);
});

test('a GSI added over such items backfills them all, and Query and Scan on it find them', async (t) => {
  const TableName = uniqueTable('edge-gsi');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const pks = ['a', '\uFFFF', '\u{10000}', MAX, `${MAX}q`, MAX + MAX];
  const gs = ['same', MAX];
  const hs = ['c', '\uE000', '\u{10000}', MAX, `${MAX}q`];
  const items = pks.flatMap((pk, i) => gs.map((g, j) => ({ pk: { S: j === 0 ? pk : `${pk}-${MAX}` }, g: { S: g }, h: { S: hs[(i + j) % hs.length]! } })));
  await putAll(TableName, items);
  await ddb.send(new UpdateTableCommand({
    TableName,
    AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }, { AttributeName: 'h', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'h', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } } }],
  }));
  for (let i = 0; i < 100; i++) {
    const index = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes![0]!;
    if (index.IndexStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.is((await scanAll(TableName, { IndexName: 'byG', Limit: 2 })).length, items.length, 'every item has its index entry');
  const order = (x: Record<string, AttributeValue>, y: Record<string, AttributeValue>): number => S_KIND.cmp(x.h!.S!, y.h!.S!) || S_KIND.cmp(x.pk!.S!, y.pk!.S!);
  const key = (i: Record<string, AttributeValue>): string => `${i.h!.S}|${i.pk!.S}`;
  for (const g of gs) {
    for (const c of [undefined, ...conditions(S_KIND, hs, ['d'])]) {
      const wanted = items.filter((i) => i.g.S === g && (c === undefined || holds(S_KIND, i.h.S, c))).sort(order).map(key);
      for (const forward of [true, false]) {
        const input: QueryCommandInput = {
          TableName, IndexName: 'byG', ScanIndexForward: forward, Limit: 2,
          KeyConditionExpression: c === undefined ? 'g = :g' : `g = :g AND ${expression(c).replace('#s', 'h')}`,
          ExpressionAttributeValues: { ':g': { S: g }, ...(c ? { ':a': { S: c.a } } : {}), ...(c?.b !== undefined ? { ':b': { S: c.b } } : {}) },
        };
        const got = (await queryAll(input)).map(key);
        const expect = forward ? wanted : [...wanted].reverse();
        if (JSON.stringify(got) !== JSON.stringify(expect)) return void t.deepEqual(got, expect, `g ${JSON.stringify(g)} ${c ? `${c.op} ${JSON.stringify(c.a)} ${JSON.stringify(c.b)}` : ''} ${forward}`);
      }
    }
  }
});

test('the TTL sweep deletes expired items whose hash value begins with U+10FFFF', async (t) => {
  const TableName = uniqueTable('edge-ttl');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true } }));
  const exp = { N: String(Math.floor(now / 1000) + 60) };
  const pks = ['a', '\uFFFF', '\u{10000}', MAX, `${MAX}q`, MAX + MAX];
  await putAll(TableName, pks.map((pk) => ({ pk: { S: pk }, exp })));
  t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount, pks.length);
  now += 61_000;
  // The sweeper runs about every second and deletes expired items physically (ItemCount drops).
  let count: number | undefined;
  for (let i = 0; i < 60; i++) {
    count = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount;
    if (count === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.is(count, 0);
});

test('DeleteTable\'s background removal leaves no item or index entry whose key begins with U+10FFFF', async (t) => {
  const tmp = await tempDir();
  try {
    const own = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    const client = ddbClient(own.endpoint);
    try {
      const TableName = 'edge-removal';
      await client.send(new CreateTableCommand({
        TableName, BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }));
      const pks = ['a', '\u{10000}', MAX, `${MAX}q`];
      await client.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: pks.map((pk) => ({ PutRequest: { Item: { pk: { S: pk }, g: { S: pk } } } })) } }));
      await client.send(new DeleteTableCommand({ TableName }));
      await new Promise((r) => setTimeout(r, 500)); // the removal runs in the background, a few keys take milliseconds
    } finally {
      client.destroy();
      await own.stop();
    }
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    try {
      const ns = db.sublevel<string, string>(DDB_NS, {});
      const left = (await ns.keys().all()).filter((k) => /^[ixd]\u0000/.test(k));
      t.deepEqual(left.map((k) => JSON.stringify(k)), [], 'no item, index entry or pending removal is left');
    } finally {
      await db.close();
    }
  } finally {
    await tmp.remove();
  }
});
