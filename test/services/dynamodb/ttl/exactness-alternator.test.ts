/**
 * Time to Live as ScyllaDB Alternator's test/alternator/test_ttl.py asserts it (tests that pass
 * on AWS DynamoDB), the parts validation-exactness-alternator-tables.test.ts does not already hold
 * (it has the UpdateTimeToLive refusals). Every test cites its source test; the server's clock is
 * moved instead of waiting (streams-harness.ts). boltstack hides an expired item from reads at once
 * (ttl/expiry.ts) where AWS may show it for a while: Alternator's tests wait until it is gone, so
 * both pass them; only the stream record needs the background sweeper, and is waited for.
 */
import anyTest, { type TestFn } from 'ava';
import { startHarness, type Answer, type Harness } from '../streams/streams-harness.js';
import { uniqueTable } from '../helpers.js';

const test = anyTest as TestFn<{ h: Harness }>;
const ALT = 'scylladb/scylladb test/alternator/test_ttl.py';
test.before(async (t) => { t.context.h = await startHarness(); });
test.after.always(async (t) => { await t.context.h?.stop(); });

type V = Record<string, unknown>;
const nowS = (): number => Math.floor(Date.now() / 1000);
const N = (n: number | string) => ({ N: String(n) });
const S = (s: string) => ({ S: s });
const ok = (r: Answer): Record<string, any> => { if (r.status !== 200) throw new Error(JSON.stringify(r.body)); return r.body; };

/** A table keyed by `keys` ([name, type], hash first) with `extra` CreateTable members; its name. */
async function table(h: Harness, keys: Array<[string, string]>, extra: V = {}, more: Array<[string, string]> = []): Promise<string> {
  const TableName = uniqueTable('ttlx');
  ok(await h.ddb('CreateTable', { TableName, BillingMode: 'PAY_PER_REQUEST', ...extra,
    AttributeDefinitions: [...keys, ...more].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keys.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })) }));
  return TableName;
}
const enable = async (h: Harness, TableName: string, AttributeName = 'expiration') =>
  ok(await h.ddb('UpdateTimeToLive', { TableName, TimeToLiveSpecification: { AttributeName, Enabled: true } }));
const put = async (h: Harness, TableName: string, Item: V) => ok(await h.ddb('PutItem', { TableName, Item }));
const alive = async (h: Harness, TableName: string, Key: V): Promise<boolean> => 'Item' in ok(await h.ddb('GetItem', { TableName, Key, ConsistentRead: true }));

test(`DescribeTimeToLive of a table without TTL: ${ALT} test_describe_ttl_without_ttl`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S']]);
  t.deepEqual(ok(await h.ddb('DescribeTimeToLive', { TableName: name })), { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
});

test(`UpdateTimeToLive answers the specification; DescribeTimeToLive recalls it: ${ALT} test_ttl_enable`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S']]);
  t.deepEqual(await enable(h, name), { TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } });
  t.deepEqual(ok(await h.ddb('DescribeTimeToLive', { TableName: name })), { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiration' } });
});

test(`disabling with the right attribute passes or is refused as "multiple times": ${ALT} test_ttl_disable_errors / test_ttl_disable`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S']]);
  await enable(h, name);
  const r = await h.ddb('UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: false } });
  if (r.status === 200) {
    // test_ttl_disable: once the disable goes through, DescribeTimeToLive says DISABLED and names no attribute.
    t.deepEqual(ok(await h.ddb('DescribeTimeToLive', { TableName: name })), { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
  } else {
    t.regex(`${r.body.__type} ${r.body.message}`, /ValidationException.*multiple times/);
  }
});

test(`UpdateTimeToLive refusals: ${ALT} test_update_ttl_errors (unknown table; wrong JSON types)`, async (t) => {
  const { h } = t.context;
  const missing = await h.ddb('UpdateTimeToLive', { TableName: uniqueTable('ttlnone'), TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } });
  t.is(missing.status, 400);
  t.regex(String(missing.body.__type), /ResourceNotFoundException$/);
  const name = await table(h, [['p', 'S']]);
  // "The error type is ... in DynamoDB (SerializationException)" for a string Enabled; the test only asks for an error.
  for (const spec of [{ AttributeName: 'hello', Enabled: 'dog' }, { AttributeName: 3, Enabled: true }]) {
    const r = await h.ddb('UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: spec });
    t.is(r.status, 400, JSON.stringify(spec));
  }
  t.deepEqual(ok(await h.ddb('DescribeTimeToLive', { TableName: name })), { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
});

test.serial(`which items expire: ${ALT} test_ttl_expiration`, async (t) => {
  const { h } = t.context;
  const delta = 5;
  const name = await table(h, [['p', 'S']]);
  await put(h, name, { p: S('p0'), expiration: N(nowS() - 60) }); // written before TTL was enabled
  t.deepEqual(await enable(h, name), { TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } });
  await put(h, name, { p: S('p1') }); // no expiration attribute: never
  await put(h, name, { p: S('p2'), expiration: N(nowS() - 60) });
  await put(h, name, { p: S('p3'), expiration: N(162777600) }); // more than five years ago: never
  await put(h, name, { p: S('p4'), expiration: N(nowS() + delta) });
  await put(h, name, { p: S('p5'), expiration: N(nowS() + delta) }); // pushed back below before it expires
  await put(h, name, { p: S('p6'), expiration: N(nowS() + 1200 * 2) });
  await put(h, name, { p: S('p7'), expiration: S(String(nowS() + delta)) }); // a string: never
  await put(h, name, { p: S('p8'), expiration: { N: `${Math.floor((nowS() - 60) / 10)}e1` } });
  await put(h, name, { p: S('p9'), expiration: N(`${Date.now() / 1000 - 60}`) }); // a fraction of a second
  ok(await h.ddb('UpdateItem', { TableName: name, Key: { p: S('p5') }, AttributeUpdates: { expiration: { Value: N(nowS() + 3600), Action: 'PUT' } } }));
  h.advance((delta + 2) * 1000);
  try {
    const states: Record<string, boolean> = {};
    for (let i = 0; i <= 9; i++) states[`p${i}`] = await alive(h, name, { p: S(`p${i}`) });
    t.deepEqual(states, { p0: false, p1: true, p2: false, p3: true, p4: false, p5: true, p6: true, p7: true, p8: false, p9: false });
  } finally {
    h.advance(-(delta + 2) * 1000);
  }
});

test(`an item of a table with a sort key expires: ${ALT} test_ttl_expiration_with_rangekey`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S'], ['c', 'S']]);
  await enable(h, name);
  await put(h, name, { p: S('p1'), c: S('c1') });
  await put(h, name, { p: S('p2'), c: S('c2'), expiration: N(nowS() - 60) });
  t.true(await alive(h, name, { p: S('p1'), c: S('c1') }));
  t.false(await alive(h, name, { p: S('p2'), c: S('c2') }));
});

test(`the partition key as the TTL attribute: ${ALT} test_ttl_expiration_hash`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'N']]);
  await enable(h, name, 'p');
  const p1 = nowS() - 60;
  const p2 = nowS() + 3600;
  await put(h, name, { p: N(p1) });
  await put(h, name, { p: N(p2) });
  t.false(await alive(h, name, { p: N(p1) }));
  t.true(await alive(h, name, { p: N(p2) }));
});

test(`the sort key as the TTL attribute: ${ALT} test_ttl_expiration_range`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S'], ['c', 'N']]);
  await enable(h, name, 'c');
  const c1 = nowS() - 60;
  const c2 = nowS() + 3600;
  await put(h, name, { p: S('p'), c: N(c1) });
  await put(h, name, { p: S('p'), c: N(c2) });
  t.false(await alive(h, name, { p: S('p'), c: N(c1) }));
  t.true(await alive(h, name, { p: S('p'), c: N(c2) }));
});

test(`a string partition key as the TTL attribute is accepted and never expires: ${ALT} test_ttl_expiration_hash_wrong_type`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S']]);
  t.deepEqual(await enable(h, name, 'p'), { TimeToLiveSpecification: { AttributeName: 'p', Enabled: true } });
  const p1 = String(nowS() - 60);
  await put(h, name, { p: S(p1) });
  t.true(await alive(h, name, { p: S(p1) }));
});

test(`an expired item leaves the GSI and the LSI too: ${ALT} test_ttl_expiration_gsi_lsi`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S'], ['c', 'S']], {
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }, [['g', 'S'], ['l', 'S']]);
  t.deepEqual(await enable(h, name), { TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } });
  const state = async () => [
    await alive(h, name, { p: S('p'), c: S('c') }),
    ok(await h.ddb('Query', { TableName: name, IndexName: 'gsi', KeyConditionExpression: 'g=:g', ExpressionAttributeValues: { ':g': S('g') } })).Items.length > 0,
    ok(await h.ddb('Query', { TableName: name, IndexName: 'lsi', KeyConditionExpression: 'p=:p and l=:l', ExpressionAttributeValues: { ':p': S('p'), ':l': S('l') } })).Items.length > 0,
  ];
  await put(h, name, { p: S('p'), c: S('c'), g: S('g'), l: S('l') });
  t.deepEqual(await state(), [true, true, true]);
  await put(h, name, { p: S('p'), c: S('c'), g: S('g'), l: S('l'), expiration: N(nowS() - 60) });
  t.deepEqual(await state(), [false, false, false]);
});

test(`an LSI sort key as the TTL attribute: ${ALT} test_ttl_expiration_lsi_key`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S'], ['c', 'S']], {
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }, [['l', 'N']]);
  t.deepEqual(await enable(h, name, 'l'), { TimeToLiveSpecification: { AttributeName: 'l', Enabled: true } });
  await put(h, name, { p: S('p'), c: S('c'), l: N(nowS() - 60) });
  t.false(await alive(h, name, { p: S('p'), c: S('c') }));
});

test(`an expiry is a REMOVE record with the service identity, the keys and the old image: ${ALT} test_ttl_expiration_streams`, async (t) => {
  const { h } = t.context;
  const name = await table(h, [['p', 'S'], ['c', 'S']], { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  await enable(h, name);
  const arn = ok(await h.ddb('DescribeTable', { TableName: name })).Table.LatestStreamArn as string;
  t.is(ok(await h.streams('DescribeStream', { StreamArn: arn })).StreamDescription.StreamStatus, 'ENABLED');
  const expiration = nowS() - 60;
  await put(h, name, { p: S('p'), c: S('c'), animal: S('dog'), expiration: N(expiration) });
  let removal: Record<string, any> | undefined;
  for (let i = 0; i < 80 && removal === undefined; i++) {
    removal = (await h.records(arn)).find((r) => r.userIdentity !== undefined);
    if (removal === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.false(await alive(h, name, { p: S('p'), c: S('c') }));
  t.deepEqual(removal?.userIdentity, { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });
  t.is(removal?.eventName, 'REMOVE');
  t.deepEqual(removal?.dynamodb.Keys, { p: S('p'), c: S('c') });
  t.deepEqual(removal?.dynamodb.OldImage, { p: S('p'), c: S('c'), animal: S('dog'), expiration: N(expiration) });
});

test(`a table of many partitions is swept through every page: ${ALT} test_ttl_expiration_long (N=5, not 400)`, async (t) => {
  const { h } = t.context;
  const partitions = 5;
  const name = await table(h, [['p', 'N'], ['c', 'N']]);
  await enable(h, name);
  const items: V[] = [];
  for (let p = 0; p < partitions; p++) for (let c = 0; c < 100; c++) items.push({ p: N(p), c: N(c), expiration: N(c === 0 ? nowS() - 60 : nowS() + 3600) });
  for (let i = 0; i < items.length; i += 25) {
    ok(await h.ddb('BatchWriteItem', { RequestItems: { [name]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  let count = 0;
  let start: V | undefined;
  do {
    const page = ok(await h.ddb('Scan', { TableName: name, ConsistentRead: true, Select: 'COUNT', ...(start && { ExclusiveStartKey: start }) }));
    count += page.Count as number;
    start = page.LastEvaluatedKey;
  } while (start);
  t.is(count, 99 * partitions);
});

test(`enabling TTL adds no visible tag: ${ALT} test_ttl_tag_is_invisible`, async (t) => {
  const { h } = t.context;
  const tags = [{ Key: 'animal', Value: 'dog' }];
  const name = await table(h, [['p', 'S']], { Tags: tags });
  await h.ddb('UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: 'x', Enabled: true } });
  t.deepEqual(ok(await h.ddb('DescribeTimeToLive', { TableName: name })), { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'x' } });
  const arn = ok(await h.ddb('DescribeTable', { TableName: name })).Table.TableArn;
  t.deepEqual(ok(await h.ddb('ListTagsOfResource', { ResourceArn: arn })).Tags, tags);
});
