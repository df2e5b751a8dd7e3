/**
 * Provisioned-throughput decreases as native AWS DynamoDB counted and refused them in 2026
 * (radkawar/stackd testdata/aws/dynamodb/decrease_limits.json, calls of 2026-09-18): four
 * decreases a UTC day, then one an hour; increases and the unchanged-value refusal go on as before.
 */
import test from 'ava';
import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/decrease_limits.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 8, 18, 8, 14, 55, 922);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

test(`a table's fifth decrease within the hour is LimitExceededException; an increase is not; answers give the capacity being left (${SRC} seq 20-42)`, async (t) => {
  const TableName = uniqueTable('decrease');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  }));
  const update = (ReadCapacityUnits: number, WriteCapacityUnits: number) =>
    ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } }));
  // seq 20, 24, 28, 32: read only, write only, both, and a decrease with an increase. Each
  // answer ("immediate") still gives the capacity and count it is leaving, with the new times.
  const steps = [[1789719326573, 15, 16, 0, 16, 16], [1789719332016, 15, 15, 1, 15, 16], [1789719337464, 14, 14, 2, 15, 15], [1789719344169, 13, 15, 3, 14, 14]] as const;
  for (const [at, read, write, count, oldRead, oldWrite] of steps) {
    now = at;
    const answered = (await update(read, write)).TableDescription!.ProvisionedThroughput;
    t.deepEqual(answered, {
      LastDecreaseDateTime: new Date(at), ...(read > oldRead || write > oldWrite ? { LastIncreaseDateTime: new Date(at) } : {}),
      NumberOfDecreasesToday: count, ReadCapacityUnits: oldRead, WriteCapacityUnits: oldWrite,
    }, `the answer to the decrease at ${at}`);
  }
  now = 1789719348057;
  const fifth = await ddbErrorOf(update(12, 15));
  t.deepEqual([fifth.name, fifth.message, fifth.$metadata.httpStatusCode], ['LimitExceededException',
    'Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, each subsequent decrease '
    + 'in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. Last decrease at Friday, September 18, 2026 '
    + 'at 8:15:44 AM Coordinated Universal Time. Next decrease can be made at Friday, September 18, 2026 at 9:15:44 AM Coordinated Universal Time', 400], 'seq 36');
  now = 1789719351122;
  const same = await ddbErrorOf(update(13, 15));
  t.is(same.message, 'The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits '
    + 'provisioned for the table: 13. Requested ReadCapacityUnits: 13. Current WriteCapacityUnits provisioned for the table: 15. Requested WriteCapacityUnits: 15. '
    + 'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.', 'seq 39');
  now = 1789719354161;
  await update(14, 16);
  const settled = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ProvisionedThroughput!;
  t.like(settled, { NumberOfDecreasesToday: 4, ReadCapacityUnits: 14, WriteCapacityUnits: 16 }, 'seq 42, settled');
});

// seq 306: a GSI keeps its own quota under the table's rule and wording. Its index `quota` had
// made 5 decreases that day, the last at 8:21:45.466 (the capture's summary: LastDecreaseDateTime
// 1789719705.466); the next one, at 8:25:07, was refused. Here its first four are an hour earlier.
test.serial(`a GSI's decreases are counted and refused as a table's, on its own count (${SRC} seq 303-307)`, async (t) => {
  const TableName = uniqueTable('gsidecrease');
  now = Date.UTC(2026, 8, 18, 7, 0, 0);
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'quota', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 } }],
  }));
  const gsi = (ReadCapacityUnits: number) => ddb.send(new UpdateTableCommand({
    TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'quota', ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits: 18 } } }],
  }));
  for (const [i, minute] of [1, 2, 3, 4].entries()) { now = Date.UTC(2026, 8, 18, 7, minute, 0); await gsi(15 - i); }
  now = 1789719705466; // 8:21:45 AM: more than an hour after the fourth, so allowed
  await gsi(11);
  now = 1789719907016; // 8:25:07 AM
  const refused = await ddbErrorOf(gsi(10));
  t.deepEqual([refused.name, refused.message, refused.$metadata.httpStatusCode], ['LimitExceededException',
    'Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, each subsequent decrease '
    + 'in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 5. Last decrease at Friday, September 18, 2026 '
    + 'at 8:21:45 AM Coordinated Universal Time. Next decrease can be made at Friday, September 18, 2026 at 9:21:45 AM Coordinated Universal Time', 400], 'seq 306');
  const described = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.like(described.GlobalSecondaryIndexes![0]!.ProvisionedThroughput, { NumberOfDecreasesToday: 5, LastDecreaseDateTime: new Date(1789719705466), ReadCapacityUnits: 11 }, 'seq 307: unchanged by the refusal');
  t.like(described.ProvisionedThroughput, { NumberOfDecreasesToday: 0, ReadCapacityUnits: 16 }, 'seq 307: the table\'s count is its own');
});

// seq 96-307: the round trip through on-demand. The switch does not count for the table (seq 218
// settled: its count 4 and change times unchanged, units 0), so back on PROVISIONED its next
// decrease is refused on that count (seq 303); each GSI's switch counts as a decrease, past the
// quota too (`quota` 4 → 5, `sibling` 0 → 1; AWS dated them when each index finished switching,
// 1789719590.152 and 1789719705.466; boltstack switches at once, so at the switch). The answers
// give the table the switch's time and the GSIs their history as it was (seq 96, 220 "immediate").
test.serial(`switching to on-demand and back: the table keeps its count, each GSI counts one decrease (${SRC} seq 96-307)`, async (t) => {
  const TableName = uniqueTable('roundtrip');
  now = 1789719295922;
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    GlobalSecondaryIndexes: ['quota', 'sibling'].map((IndexName) => ({
      IndexName, KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'KEYS_ONLY' as const }, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    })),
  }));
  const table = (ReadCapacityUnits: number, WriteCapacityUnits: number) => ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } }));
  const quota = (ReadCapacityUnits: number, WriteCapacityUnits: number) => ddb.send(new UpdateTableCommand({
    TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'quota', ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } } }],
  }));
  // The state before the switch (seq 95): the table's four decreases, the last at 1789719344.169,
  // and an increase at 1789719355.115; `quota`'s four, the last at 1789719381.769, and an increase
  // at 1789719392.849; `sibling` untouched.
  for (const [at, r, w] of [[1789719326573, 15, 16], [1789719332016, 15, 15], [1789719337464, 14, 14], [1789719344169, 13, 15], [1789719355115, 14, 16]] as const) { now = at; await table(r, w); }
  for (const [at, r, w] of [[1789719360000, 15, 16], [1789719365000, 15, 15], [1789719370000, 14, 14], [1789719381769, 13, 15], [1789719392849, 14, 16]] as const) { now = at; await quota(r, w); }
  const pt = (lastDecrease: number | undefined, lastIncrease: number | undefined, count: number, read: number, write: number) => ({
    ...(lastDecrease !== undefined ? { LastDecreaseDateTime: new Date(lastDecrease) } : {}),
    ...(lastIncrease !== undefined ? { LastIncreaseDateTime: new Date(lastIncrease) } : {}),
    NumberOfDecreasesToday: count, ReadCapacityUnits: read, WriteCapacityUnits: write,
  });
  const shape = (d: { ProvisionedThroughput?: unknown; GlobalSecondaryIndexes?: Array<{ IndexName?: string; ProvisionedThroughput?: unknown }> }) => ({
    table: d.ProvisionedThroughput,
    ...Object.fromEntries((d.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.ProvisionedThroughput])),
  });
  const described = async () => shape((await ddb.send(new DescribeTableCommand({ TableName }))).Table!);

  const toOnDemand = 1789719418146;
  now = toOnDemand;
  const switched = (await ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }))).TableDescription!;
  t.deepEqual(shape(switched), {
    table: pt(toOnDemand, 1789719355115, 4, 0, 0), quota: pt(1789719381769, 1789719392849, 4, 0, 0), sibling: pt(undefined, undefined, 0, 0, 0),
  }, 'seq 96: the answer');
  t.deepEqual([switched.TableStatus, ...switched.GlobalSecondaryIndexes!.map((i) => i.IndexStatus)], ['UPDATING', 'UPDATING', 'UPDATING'], 'seq 96: every index switching');
  t.deepEqual(switched.BillingModeSummary, { BillingMode: 'PAY_PER_REQUEST' }, 'seq 96: no LastUpdateToPayPerRequestDateTime until the first switch settles');
  now = 1789719430000;
  t.deepEqual(await described(), {
    table: pt(1789719344169, 1789719355115, 4, 0, 0), quota: pt(toOnDemand, 1789719392849, 5, 0, 0), sibling: pt(toOnDemand, undefined, 1, 0, 0),
  }, 'seq 218: settled');

  const back = 1789719709472;
  now = back;
  const roundtrip = await ddb.send(new UpdateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 18 },
    GlobalSecondaryIndexUpdates: ['quota', 'sibling'].map((IndexName) => ({ Update: { IndexName, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 18 } } })),
  }));
  t.deepEqual(shape(roundtrip.TableDescription!), {
    table: pt(1789719344169, back, 4, 16, 18), quota: pt(toOnDemand, 1789719392849, 5, 16, 18), sibling: pt(toOnDemand, undefined, 1, 16, 18),
  }, 'seq 220: the answer');
  // AWS dated it when the switch settled (1789719558.116); boltstack's switch settles at once.
  t.deepEqual(roundtrip.TableDescription!.BillingModeSummary, { BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: new Date(toOnDemand) }, 'seq 220');
  now = 1789719899762;
  t.deepEqual(await described(), {
    table: pt(1789719344169, 1789719355115, 4, 16, 18), quota: pt(toOnDemand, back, 5, 16, 18), sibling: pt(toOnDemand, back, 1, 16, 18),
  }, 'seq 301: settled');

  now = 1789719900000;
  const refused = await ddbErrorOf(table(15, 18));
  t.deepEqual([refused.name, refused.message], ['LimitExceededException',
    'Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, each subsequent decrease '
    + 'in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. Last decrease at Friday, September 18, 2026 '
    + 'at 8:15:44 AM Coordinated Universal Time. Next decrease can be made at Friday, September 18, 2026 at 9:15:44 AM Coordinated Universal Time'], 'seq 303');
  now = 1789719907016;
  const gsiRefused = await ddbErrorOf(quota(15, 18));
  t.regex(gsiRefused.message, /Number of decreases today: 5\. Last decrease at Friday, September 18, 2026 at 8:16:58 AM/, 'seq 306, dated at boltstack\'s switch');

  // Back on PROVISIONED, every GSI needs its own units again.
  now = 1789720000000;
  await ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }));
  const bare = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 18 } })));
  t.regex(bare.message, /^One or more parameter values were invalid: ProvisionedThroughput must be specified for index: (quota|sibling)$/);
});

// seq 48-57 "immediate": a GSI's throughput update leaves the table ACTIVE and answers the index
// UPDATING with the throughput it is leaving; DescribeTable then shows the new one.
test.serial(`a GSI throughput update: the same units refused; the index UPDATING with what it is leaving, the table ACTIVE (${SRC} seq 17, 49-55)`, async (t) => {
  const TableName = uniqueTable('gsianswer');
  now = 1789719295922;
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 14, WriteCapacityUnits: 16 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    GlobalSecondaryIndexes: ['quota', 'sibling'].map((IndexName) => ({
      IndexName, KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'KEYS_ONLY' as const }, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    })),
  }));
  const quota = (ReadCapacityUnits: number, WriteCapacityUnits: number) => ddb.send(new UpdateTableCommand({
    TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'quota', ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } } }],
  }));
  const view = (d: { TableStatus?: string; GlobalSecondaryIndexes?: Array<{ IndexName?: string; IndexStatus?: string; ProvisionedThroughput?: unknown }> }) => ({
    table: d.TableStatus, ...Object.fromEntries((d.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, [i.IndexStatus, i.ProvisionedThroughput]])),
  });
  const untouched = ['ACTIVE', { NumberOfDecreasesToday: 0, ReadCapacityUnits: 16, WriteCapacityUnits: 16 }];
  const same = await ddbErrorOf(quota(16, 16));
  t.deepEqual([same.name, same.message], ['ValidationException', 'The provisioned throughput for the index quota will not change. The requested value equals the current value. '
    + 'Current ReadCapacityUnits provisioned for index quota: 16. Requested ReadCapacityUnits: 16. Current WriteCapacityUnits provisioned for index quota: 16. '
    + 'Requested WriteCapacityUnits: 16. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.'], 'seq 17');
  now = 1789719364431;
  t.deepEqual(view((await quota(15, 16)).TableDescription!), {
    table: 'ACTIVE', quota: ['UPDATING', { NumberOfDecreasesToday: 0, ReadCapacityUnits: 16, WriteCapacityUnits: 16 }], sibling: untouched,
  }, 'seq 49: the answer');
  const first = { LastDecreaseDateTime: new Date(1789719364431), NumberOfDecreasesToday: 1, ReadCapacityUnits: 15, WriteCapacityUnits: 16 };
  t.deepEqual(view((await ddb.send(new DescribeTableCommand({ TableName }))).Table!), { table: 'ACTIVE', quota: ['ACTIVE', first], sibling: untouched }, 'seq 51: settled');
  now = 1789719370993;
  t.deepEqual(view((await quota(15, 15)).TableDescription!), { table: 'ACTIVE', quota: ['UPDATING', first], sibling: untouched }, 'seq 53: the answer');
  t.deepEqual(view((await ddb.send(new DescribeTableCommand({ TableName }))).Table!).quota,
    ['ACTIVE', { LastDecreaseDateTime: new Date(1789719370993), NumberOfDecreasesToday: 2, ReadCapacityUnits: 15, WriteCapacityUnits: 15 }], 'seq 55: settled');
});
