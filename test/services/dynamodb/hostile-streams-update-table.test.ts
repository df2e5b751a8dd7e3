/**
 * Hostile input to the DynamoDB code paths of the seventeenth session (wire sequence numbers,
 * UpdateTable's decrease/switch limits and warm throughput): each answer is a 4xx with an AWS
 * error type, never a 5xx, a hang or a crash (the health check answers after every table). Raw
 * JSON 1.0, so values the SDK would refuse (non-strings, 40 digits, fractions) reach the server.
 * Found by the fuzzx helper: every row below already answered a 4xx; they stay pinned here.
 * Messages are AWS's where a source gives one (see the rows' comments); otherwise the closest
 * existing boltstack validation answer.
 */
import test from 'ava';
import { startHarness, VALIDATION, type Harness } from './streams/streams-harness.js';

let h: Harness;
test.before(async () => { h = await startHarness(); });
test.after.always(async () => { await h?.stop(); });

const SERIALIZATION = 'com.amazon.coral.service#SerializationException';
const RESOURCE_NOT_FOUND = 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException';
const LIMIT_EXCEEDED = 'com.amazonaws.dynamodb.v20120810#LimitExceededException';

async function healthy(): Promise<number> {
  return (await fetch(`${h.server.endpoint}/_boltstack/health`)).status;
}

test('GetShardIterator AT_/AFTER_SEQUENCE_NUMBER: hostile sequence numbers are ValidationException or SerializationException', async (t) => {
  const { name, arn } = await h.table('KEYS_ONLY');
  const other = await h.table('KEYS_ONLY');
  t.is((await h.ddb('PutItem', { TableName: name, Item: { p: { S: 'a' } } })).status, 200);
  t.is((await h.ddb('PutItem', { TableName: other.name, Item: { p: { S: 'a' } } })).status, 200);
  const shard = await h.shard(arn!);
  const start = shard.SequenceNumberRange.StartingSequenceNumber;
  // [sequence number, expected __type, message fragment]. Length 21..40 is the model's
  // constraint (dynamodbstreams SequenceNumber, Coral's words as in validate.ts); digits only.
  const rows: Array<[unknown, string, string]> = [
    ['', VALIDATION, "Value '' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21"],
    ['0', VALIDATION, 'Member must have length greater than or equal to 21'],
    ['9'.repeat(41), VALIDATION, 'Member must have length less than or equal to 40'],
    ['-1' + '0'.repeat(20), VALIDATION, 'Invalid SequenceNumber: -1'],
    ['1e21' + '0'.repeat(18), VALIDATION, 'Invalid SequenceNumber: 1e21'],
    ['abcdefghijklmnopqrstuvw', VALIDATION, 'Invalid SequenceNumber: abc'],
    ['\u0661'.repeat(22), VALIDATION, 'Invalid SequenceNumber: '], // Arabic-Indic digits
    ['\uff11'.repeat(22), VALIDATION, 'Invalid SequenceNumber: '], // full-width digits
    [' '.repeat(22), VALIDATION, 'Invalid SequenceNumber: '],
    [`+${start}`, VALIDATION, 'Invalid SequenceNumber: +'],
    [`${start} `, VALIDATION, 'Invalid SequenceNumber: '],
    ['0x' + '1'.repeat(20), VALIDATION, 'Invalid SequenceNumber: 0x'],
    ['1.' + '0'.repeat(21), VALIDATION, 'Invalid SequenceNumber: 1.'],
    ['\u0000'.repeat(22), VALIDATION, 'Invalid SequenceNumber: '],
    ['0'.repeat(21), VALIDATION, 'is not in the range of shard'],
    ['0'.repeat(40), VALIDATION, 'is not in the range of shard'],
    ['1' + '0'.repeat(21), VALIDATION, 'is not in the range of shard'],
    [(BigInt(start) - 1n).toString(), VALIDATION, 'is not in the range of shard'],
    [123, SERIALIZATION, 'NUMBER_VALUE cannot be converted to String'],
    [true, SERIALIZATION, 'cannot be converted to String'],
    [{}, SERIALIZATION, 'Start of structure or map found where not expected'],
    [[start], SERIALIZATION, 'Unrecognized collection type class java.lang.String'],
  ];
  for (const type of ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER']) {
    for (const [sequence, want, fragment] of rows) {
      const r = await h.streams('GetShardIterator', { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: type, SequenceNumber: sequence });
      const label = `${type} ${JSON.stringify(sequence).slice(0, 50)}`;
      t.is(r.status, 400, label);
      t.is(r.body.__type, want, label);
      t.true(String(r.body.message ?? r.body.Message).includes(fragment), `${label}: ${JSON.stringify(r.body)}`);
    }
  }
  // Numbers the shard can take: another shard's record, leading zeros, 40 digits past the end of
  // an open shard. Each answers an iterator, and GetRecords on it answers (no 5xx).
  const otherRecord = (await h.records(other.arn!))[0]!.dynamodb.SequenceNumber as string;
  for (const sequence of [otherRecord, `00${start}`, '9'.repeat(40), '9'.repeat(22), '1'.repeat(21)]) {
    const r = await h.streams('GetShardIterator', { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: sequence });
    t.is(r.status, 200, `${sequence}: ${JSON.stringify(r.body)}`);
    t.is((await h.streams('GetRecords', { ShardIterator: r.body.ShardIterator })).status, 200, sequence);
  }
  // DescribeStream ExclusiveStartShardId oddities: length is the model's 28..65; anything else
  // (another stream's shard, a shard id that sorts first, NULs) lists no shard after it.
  for (const [id, status] of [['', 400], ['x', 400], ['a'.repeat(66), 400], [5, 400], [{}, 400], [other.arn ? (await h.shard(other.arn)).ShardId : '', 200],
    ['shardId-00000000000000000000', 200], ['\u0000'.repeat(30), 200]] as Array<[unknown, number]>) {
    const r = await h.streams('DescribeStream', { StreamArn: arn, ExclusiveStartShardId: id });
    t.is(r.status, status, `ExclusiveStartShardId ${JSON.stringify(id)}: ${JSON.stringify(r.body)}`);
  }
  // A closed shard refuses a number past its end; a tampered iterator is Invalid ShardIterator.
  t.is((await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: false } })).status, 200);
  const closed = await h.streams('GetShardIterator', { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: '9'.repeat(40) });
  t.is(closed.status, 400);
  t.true(String(closed.body.message).includes('is not in the range of shard'), JSON.stringify(closed.body));
  for (const payload of [{ s: shard.ShardId, q: '', i: 1, t: Date.now() }, { s: shard.ShardId, q: '1'.repeat(21), i: 1, t: null }, null, [], 'x']) {
    const iterator = `${arn}|1|${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const r = await h.streams('GetRecords', { ShardIterator: iterator });
    t.is(r.status, 400, JSON.stringify(payload));
    t.is(r.body.message, 'Invalid ShardIterator', JSON.stringify(payload));
  }
  t.is(await healthy(), 200);
});

/** A PROVISIONED table keyed `p` with `gsis` GSIs `idx0`.. keyed `g0`.., all 5/5. */
async function provisioned(name: string, gsis: number): Promise<void> {
  const r = await h.ddb('CreateTable', {
    TableName: name, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }, ...Array.from({ length: gsis }, (_, i) => ({ AttributeName: `g${i}`, AttributeType: 'S' }))],
    KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }],
    ...(gsis > 0 && { GlobalSecondaryIndexes: Array.from({ length: gsis }, (_, i) => ({
      IndexName: `idx${i}`, KeySchema: [{ AttributeName: `g${i}`, KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    })) }),
  });
  if (r.status !== 200) throw new Error(`CreateTable: ${JSON.stringify(r.body)}`);
}

test('UpdateTable: hostile units, index names, classes and switches answer 4xx in AWS types', async (t) => {
  const name = `hostile-ut-${process.pid}-${Date.now().toString(36)}`;
  await provisioned(name, 1);
  const gsi = (u: unknown): unknown => ({ TableName: name, GlobalSecondaryIndexUpdates: [u] });
  const units = (r: unknown, w: unknown = 5): unknown => ({ TableName: name, ProvisionedThroughput: { ReadCapacityUnits: r, WriteCapacityUnits: w } });
  // [label, input, expected __type, message fragment]. Sources: the model's ranges (Coral's
  // words); "out of bounds": architect/dynalite test/updateTable.js; index not found and the
  // one-update-per-index rule: dynalite test/updateTable.js and DynamoDB's API reference.
  const rows: Array<[string, unknown, string, string]> = [
    ['units 0', units(0), VALIDATION, "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    ['units -1', units(-1), VALIDATION, 'Member must have value greater than or equal to 1'],
    ['units 1e-300', units(1e-300), VALIDATION, 'Member must have value greater than or equal to 1'],
    ['units 1e300', units(1e300), VALIDATION, 'for ReadCapacityUnits is out of bounds'],
    ['units 2^63', units(2 ** 63), VALIDATION, 'for ReadCapacityUnits is out of bounds'],
    ['units "9223372036854775808"', units('9223372036854775808'), SERIALIZATION, 'STRING_VALUE cannot be converted to Integer'],
    ['units "x"', units('x'), SERIALIZATION, 'cannot be converted to Integer'],
    ['units null', units(null), VALIDATION, 'Member must not be null'],
    ['gsi units 0', gsi({ Update: { IndexName: 'idx0', ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 0 } } }), VALIDATION, 'writeCapacityUnits'],
    ['gsi units 1e300', gsi({ Update: { IndexName: 'idx0', ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 1e300 } } }), VALIDATION, 'out of bounds'],
    ['gsi not there', gsi({ Update: { IndexName: 'nope', ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } } }), RESOURCE_NOT_FOUND, 'Requested resource not found: Index: nope not found'],
    ['gsi empty name', gsi({ Update: { IndexName: '', ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } } }), RESOURCE_NOT_FOUND, 'Index:  not found'],
    ['gsi NUL name', gsi({ Update: { IndexName: 'idx0\u0000', ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } } }), RESOURCE_NOT_FOUND, 'not found'],
    ['gsi 256-char name', gsi({ Update: { IndexName: 'a'.repeat(256), ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } } }), '', ''],
    ['gsi null name', gsi({ Update: { IndexName: null, ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } } }), VALIDATION, 'Member must not be null'],
    ['gsi delete not there', gsi({ Delete: { IndexName: 'nope' } }), RESOURCE_NOT_FOUND, 'Index: nope not found'],
    ['gsi empty entry', gsi({}), VALIDATION, 'One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create'],
    ['gsi two actions', gsi({ Update: { IndexName: 'idx0', ProvisionedThroughput: { ReadCapacityUnits: 9, WriteCapacityUnits: 9 } }, Delete: { IndexName: 'idx0' } }), VALIDATION, 'Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object'],
    ['gsi list empty', { TableName: name, GlobalSecondaryIndexUpdates: [] }, VALIDATION, 'List of GlobalSecondaryIndexUpdates is empty'],
    ['gsi updated twice', { TableName: name, GlobalSecondaryIndexUpdates: [
      { Update: { IndexName: 'idx0', ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 7 } } },
      { Delete: { IndexName: 'idx0' } }] }, VALIDATION, 'Only one global secondary index update per index is allowed simultaneously. Index: idx0'],
    ['class lower case', { TableName: name, TableClass: 'standard' }, VALIDATION, "Value 'standard' at 'tableClass' failed to satisfy constraint: Member must satisfy enum value set"],
    ['class unknown', { TableName: name, TableClass: 'GLACIER' }, VALIDATION, 'Member must satisfy enum value set'],
    ['class empty', { TableName: name, TableClass: '' }, VALIDATION, 'Member must satisfy enum value set'],
    ['class number', { TableName: name, TableClass: 5 }, SERIALIZATION, 'cannot be converted to String'],
    ['on-demand maximum 0', { TableName: name, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 0 } }, VALIDATION, 'Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range'],
    ['on-demand maximum "x"', { TableName: name, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 'x' } }, SERIALIZATION, 'cannot be converted to Integer'],
  ];
  for (const [label, input, want, fragment] of rows) {
    const r = await h.ddb('UpdateTable', input);
    t.true(r.status >= 400 && r.status < 500, `${label}: ${r.status} ${JSON.stringify(r.body)}`);
    if (want !== '') t.is(r.body.__type, want, `${label}: ${JSON.stringify(r.body)}`);
    if (fragment !== '') t.true(String(r.body.message ?? r.body.Message).includes(fragment), `${label}: ${JSON.stringify(r.body)}`);
  }
  // A maximum past a Long (1e300, 2^63) is no number AWS stores (the member is a Long): it was
  // stored and described as 1e+300, which typed SDKs (Java long, Go int64) cannot read back, so
  // the table could no longer be described to them. Now the range refusal AWS gives 0 and -2
  // (radkawar/stackd testdata/aws/dynamodb/on_demand_limits.json seq 39-45), for the table and
  // for an index; the table keeps its settings.
  const od = `hostile-od-${process.pid}-${Date.now().toString(36)}`;
  t.is((await h.ddb('CreateTable', { TableName: od, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }], GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }] })).status, 200);
  for (const [member, value] of [['MaxReadRequestUnits', 1e300], ['MaxWriteRequestUnits', 2 ** 63], ['MaxReadRequestUnits', 1e20 * 1e5]] as const) {
    const table = await h.ddb('UpdateTable', { TableName: od, OnDemandThroughput: { [member]: value } });
    t.is(table.status, 400, `${member} ${value}: ${JSON.stringify(table.body)}`);
    t.is(table.body.message, `One or more parameter values were invalid: Requested ${member} for OnDemandThroughput for table is outside of valid range`);
    const index = await h.ddb('UpdateTable', { TableName: od, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'gsi', OnDemandThroughput: { [member]: value } } }] });
    t.is(index.status, 400, `${member} ${value}: ${JSON.stringify(index.body)}`);
    t.is(index.body.message, `One or more parameter values were invalid: Requested ${member} for OnDemandThroughput for index: gsi is outside of valid range`);
    const created = await h.ddb('CreateTable', { TableName: `${od}-c`, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }], OnDemandThroughput: { [member]: value } });
    t.is(created.status, 400, `CreateTable ${member} ${value}: ${JSON.stringify(created.body)}`);
  }
  const odTable = (await h.ddb('DescribeTable', { TableName: od })).body.Table;
  t.is(odTable.OnDemandThroughput, undefined);
  t.is(odTable.GlobalSecondaryIndexes[0].OnDemandThroughput, undefined);
  // Nothing above changed the table.
  const described = (await h.ddb('DescribeTable', { TableName: name })).body.Table;
  t.deepEqual([described.ProvisionedThroughput.ReadCapacityUnits, described.GlobalSecondaryIndexes[0].ProvisionedThroughput.WriteCapacityUnits, described.BillingModeSummary], [5, 5, undefined]);
  t.is(await healthy(), 200);
});

test('UpdateTable: switches back and forth with 20 GSIs, then decreases past the quota, stay 4xx and keep the table whole', async (t) => {
  const name = `hostile-sw-${process.pid}-${Date.now().toString(36)}`;
  await provisioned(name, 20);
  const back = (read: number): unknown => ({
    TableName: name, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: 1 },
    GlobalSecondaryIndexUpdates: Array.from({ length: 20 }, (_, k) => ({ Update: { IndexName: `idx${k}`, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } })),
  });
  // Four switches to on-demand a rolling day, the fifth LimitExceededException (radkawar/stackd
  // testdata/aws/dynamodb/billing_mode_limits.json seq 205, native AWS 2026-09-18).
  for (let i = 0; i < 4; i++) {
    t.is((await h.ddb('UpdateTable', { TableName: name, BillingMode: 'PAY_PER_REQUEST' })).status, 200, `switch ${i}`);
    t.is((await h.ddb('UpdateTable', back(1 + i))).status, 200, `back ${i}`);
  }
  const fifth = await h.ddb('UpdateTable', { TableName: name, BillingMode: 'PAY_PER_REQUEST' });
  t.is(fifth.status, 400);
  t.is(fifth.body.__type, LIMIT_EXCEEDED);
  // Every GSI has been switched 4 times: counted as decreases, so a fifth decrease of one is the
  // quota's LimitExceededException (decrease_limits.json seq 306).
  const idx7 = (read: number): unknown => ({ TableName: name, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'idx7', ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: 1 } } }] });
  t.is((await h.ddb('UpdateTable', idx7(2))).status, 200);
  const decrease = await h.ddb('UpdateTable', idx7(1));
  t.is(decrease.status, 400);
  t.is(decrease.body.__type, LIMIT_EXCEEDED, JSON.stringify(decrease.body));
  t.true(String(decrease.body.message).includes('Number of decreases today: 4'), JSON.stringify(decrease.body));
  const table = (await h.ddb('DescribeTable', { TableName: name })).body.Table;
  t.is(table.GlobalSecondaryIndexes.length, 20);
  t.is(table.BillingModeSummary.BillingMode, 'PROVISIONED');
  for (const g of table.GlobalSecondaryIndexes) {
    t.is(g.WarmThroughput.ReadUnitsPerSecond, 12000, g.IndexName);
    t.is(g.ProvisionedThroughput.ReadCapacityUnits, g.IndexName === 'idx7' ? 2 : 1, g.IndexName);
  }
  // A GSI created on a provisioned table and then switched: on-demand and back ask its units.
  const c = `hostile-gc-${process.pid}-${Date.now().toString(36)}`;
  await provisioned(c, 0);
  t.is((await h.ddb('UpdateTable', { TableName: c, AttributeDefinitions: [{ AttributeName: 'q', AttributeType: 'S' }], GlobalSecondaryIndexUpdates: [{ Create: {
    IndexName: 'new', KeySchema: [{ AttributeName: 'q', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 3 },
  } }] })).status, 200);
  t.is((await h.ddb('UpdateTable', { TableName: c, BillingMode: 'PAY_PER_REQUEST' })).status, 200);
  const bare = await h.ddb('UpdateTable', { TableName: c, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } });
  t.is(bare.status, 400);
  t.is(bare.body.message, 'One or more parameter values were invalid: ProvisionedThroughput must be specified for index: new');
  t.is((await h.ddb('UpdateTable', { TableName: c, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'new', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } }] })).status, 200);
  t.is(await healthy(), 200);
});
