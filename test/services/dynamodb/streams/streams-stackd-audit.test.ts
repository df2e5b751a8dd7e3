/**
 * Stream records and stream lifecycle answers replayed from a real AWS capture:
 * radkawar/stackd testdata/aws/dynamodb/audit.json (AWS us-east-1, 2026-09-17; its
 * streams_replay.json names the rows replayed), cited as `seq N`. A table keyed by pk (S) with a
 * NEW_AND_OLD_IMAGES stream. AWS spread the records over four shards; boltstack has one, so the
 * records are compared by key, each key's order kept (as streams_replay.json's normalization says).
 * Record IDs, sequence numbers and times are compared by shape, not value.
 */
import anyTest, { type TestFn } from 'ava';
import { av, startHarness, type Harness } from './streams-harness.js';

const test = anyTest as TestFn<{ h: Harness }>;

test.before(async (t) => { t.context.h = await startHarness(); });
test.after.always(async (t) => { await t.context.h?.stop(); });

/** A record without the members that differ per run (eventID, time, sequence number). */
const stable = (r: Record<string, any>): Record<string, any> => {
  const { ApproximateCreationDateTime: _t, SequenceNumber: _s, ...dynamodb } = r.dynamodb as Record<string, unknown>;
  const { eventID: _id, ...rest } = r;
  return { ...rest, dynamodb };
};

const record = (eventName: string, keys: Record<string, unknown>, images: { NewImage?: Record<string, unknown>; OldImage?: Record<string, unknown> }, SizeBytes: number, StreamViewType = 'NEW_AND_OLD_IMAGES') => ({
  eventName, eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1',
  dynamodb: { Keys: keys, ...images, SizeBytes, StreamViewType },
});

test.serial('records, images and SizeBytes of every kind of write; disable, rotation, and the stream after DeleteTable (seq 15-69)', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_AND_OLD_IMAGES', { keys: ['pk'] });
  const ordered1 = av({ pk: 'ordered', payload: 'NONKEY_SECRET_MARKER_1', n: 1 });
  const ordered2 = av({ pk: 'ordered', payload: 'NONKEY_SECRET_MARKER_2', n: 2 });
  const key = (pk: string) => ({ pk: { S: pk } });
  await h.ddb('PutItem', { TableName: name, Item: ordered1 }); // seq 15
  await h.ddb('UpdateItem', { TableName: name, Key: key('ordered'), UpdateExpression: 'SET payload = :p, n = :n', ExpressionAttributeValues: { ':p': { S: 'NONKEY_SECRET_MARKER_2' }, ':n': { N: '2' } }, ReturnValues: 'ALL_OLD' }); // seq 17
  const rejected = await h.ddb('PutItem', { TableName: name, Item: ordered1, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }); // seq 18
  t.is(rejected.status, 400, 'seq 18: refused, no record');
  await h.ddb('DeleteItem', { TableName: name, Key: key('ordered'), ReturnValues: 'ALL_OLD' }); // seq 19
  const batch = (pk: string) => ({ PutRequest: { Item: av({ pk, payload: 'BATCH_NONKEY' }) } });
  await h.ddb('BatchWriteItem', { RequestItems: { [name]: [batch('batch1'), batch('batch2')] } }); // seq 20
  await h.ddb('TransactWriteItems', { TransactItems: [{ Put: { TableName: name, Item: av({ pk: 'txn1', payload: 'TXN_NONKEY' }) } }, { Delete: { TableName: name, Key: key('batch2') } }] }); // seq 21
  await h.ddb('ExecuteStatement', { Statement: `INSERT INTO "${name}" VALUE {'pk':?,'payload':?}`, Parameters: [{ S: 'partiql1' }, { S: 'PARTIQL_NONKEY' }] }); // seq 22
  const records = await h.records(arn!);
  const byKey = (pk: string) => records.filter((r) => r.dynamodb.Keys.pk.S === pk).map(stable);
  // seq 29-32, the four shards' records by key.
  t.deepEqual(byKey('ordered'), [
    record('INSERT', key('ordered'), { NewImage: ordered1 }, 50),
    record('MODIFY', key('ordered'), { NewImage: ordered2, OldImage: ordered1 }, 91),
    record('REMOVE', key('ordered'), { OldImage: ordered2 }, 50),
  ], 'seq 30: ordered');
  t.deepEqual(byKey('batch1'), [record('INSERT', key('batch1'), { NewImage: av({ pk: 'batch1', payload: 'BATCH_NONKEY' }) }, 35)], 'seq 31-32: batch1');
  t.deepEqual(byKey('batch2'), [
    record('INSERT', key('batch2'), { NewImage: av({ pk: 'batch2', payload: 'BATCH_NONKEY' }) }, 35),
    record('REMOVE', key('batch2'), { OldImage: av({ pk: 'batch2', payload: 'BATCH_NONKEY' }) }, 35),
  ], 'seq 30: batch2');
  t.deepEqual(byKey('txn1'), [record('INSERT', key('txn1'), { NewImage: av({ pk: 'txn1', payload: 'TXN_NONKEY' }) }, 29)], 'seq 29: txn1');
  t.deepEqual(byKey('partiql1'), [record('INSERT', key('partiql1'), { NewImage: av({ pk: 'partiql1', payload: 'PARTIQL_NONKEY' }) }, 41)], 'seq 30: partiql1');
  for (const r of records) {
    t.regex(r.eventID, /^[0-9a-f]{32}$/, 'eventID: 32 hex digits (seq 29-30)');
    t.true(Number.isInteger(r.dynamodb.ApproximateCreationDateTime), 'whole seconds (seq 29-30: "09:49:23+01:00")');
    t.regex(r.dynamodb.SequenceNumber, /^[1-9]\d{21}$/, 'decimal, 22 digits (seq 29-30: "1200003261316805598902")');
  }

  // seq 33: the view cannot change while the stream is enabled.
  const change = await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
  t.deepEqual([change.status, change.body.message ?? change.body.Message], [400, `Table already has an enabled stream: TableName: ${name}`], 'seq 33');
  // seq 34: disabling drops StreamSpecification from the description; the latest stream stays named.
  const disabled = await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: false } });
  const d = disabled.body.TableDescription;
  t.deepEqual([d.StreamSpecification, d.LatestStreamArn], [undefined, arn], 'seq 34');
  // seq 37: the disabled stream is DISABLED, its view kept, its shard closed.
  const described = (await h.streams('DescribeStream', { StreamArn: arn })).body.StreamDescription;
  t.deepEqual([described.StreamStatus, described.StreamViewType, described.TableName, described.KeySchema], ['DISABLED', 'NEW_AND_OLD_IMAGES', name, [{ AttributeName: 'pk', KeyType: 'HASH' }]], 'seq 37');
  t.true(described.Shards.every((s: any) => typeof s.SequenceNumberRange.EndingSequenceNumber === 'string'), 'seq 37: every shard has its EndingSequenceNumber');
  // seq 38: ListStreams still lists it.
  const listed = (await h.streams('ListStreams', { TableName: name })).body.Streams;
  t.deepEqual(listed, [{ StreamArn: arn, TableName: name, StreamLabel: arn!.split('/stream/')[1] }], 'seq 38');

  // seq 39-53: a write while disabled leaves no record; re-enabling as KEYS_ONLY starts a new stream.
  await h.ddb('PutItem', { TableName: name, Item: av({ pk: 'disabled', payload: 'NO_STREAM_EXPECTED' }) }); // seq 39
  h.advance(1000); // a new label needs a later millisecond
  const reenabled = (await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } })).body.TableDescription;
  t.deepEqual(reenabled.StreamSpecification, { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, 'seq 40');
  const rotated = reenabled.LatestStreamArn as string;
  t.not(rotated, arn, 'seq 40: a new stream ARN');
  await h.ddb('PutItem', { TableName: name, Item: av({ pk: 'rotated', payload: 'KEYS_ONLY_EXPECTED' }) }); // seq 44
  const again = (await h.streams('DescribeStream', { StreamArn: rotated })).body.StreamDescription;
  t.deepEqual([again.StreamStatus, again.StreamViewType], ['ENABLED', 'KEYS_ONLY'], 'seq 45');
  t.deepEqual((await h.records(rotated)).map(stable), [record('INSERT', key('rotated'), {}, 9, 'KEYS_ONLY')], 'seq 50-53: keys only, SizeBytes 9');
  // seq 54-63: both streams listed; the old one still reads its own records and nothing written since.
  const both = (await h.streams('ListStreams', { TableName: name })).body.Streams.map((x: any) => x.StreamArn).sort();
  t.deepEqual(both, [arn, rotated].sort(), 'seq 54');
  const old = await h.streams('GetRecords', { ShardIterator: await h.iterator(arn!, 'TRIM_HORIZON'), Limit: 100 });
  t.deepEqual(old.body.Records.map(stable), records.map(stable), 'seq 60-63: the old records, none for the disabled or rotated writes');
  t.false('NextShardIterator' in old.body, 'seq 60: a closed shard read to its end answers no NextShardIterator');

  // seq 64: DeleteTable still describes the enabled stream; seq 69: the stream outlives its table, DISABLED.
  const deleted = (await h.ddb('DeleteTable', { TableName: name })).body.TableDescription;
  t.deepEqual([deleted.StreamSpecification, deleted.LatestStreamArn], [{ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, rotated], 'seq 64');
  const after = await h.streams('DescribeStream', { StreamArn: rotated });
  t.is(after.status, 200, 'seq 69: DescribeStream after DeleteTable succeeds');
  const last = after.body.StreamDescription;
  t.deepEqual([last.StreamStatus, last.StreamViewType, last.TableName, last.KeySchema], ['DISABLED', 'KEYS_ONLY', name, [{ AttributeName: 'pk', KeyType: 'HASH' }]], 'seq 69');
  t.true(last.Shards.every((x: any) => typeof x.SequenceNumberRange.EndingSequenceNumber === 'string'), 'seq 69: its shards closed');
});
