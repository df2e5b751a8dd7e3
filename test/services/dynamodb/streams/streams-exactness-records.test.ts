/**
 * Stream records: which item writes leave one, its event name, images and shape, row by row
 * against what real AWS answered (sources as in streams-exactness-api.test.ts):
 *   ALT  ScyllaDB's test/alternator/test_streams.py (do_updates_1 and the image tests pass on AWS)
 *   DOCS API_streams_GetRecords.html sample response, API_streams_Record.html / StreamRecord.html
 *   PB   a real GetRecords answer pasted at https://pastebin.com/Anu9nCzN (2019)
 *   GUIDE the Streams developer guide (Streams.html): "If you perform a PutItem or UpdateItem
 *        operation that does not change any data in an item, DynamoDB Streams does not write a
 *        stream record for that operation."
 */
import anyTest, { type TestFn } from 'ava';
import { av, startHarness, type Plain, type Harness } from './streams-harness.js';

const test = anyTest as TestFn<{ h: Harness }>;
const ALT = 'scylladb/scylladb test/alternator/test_streams.py';

test.before(async (t) => { t.context.h = await startHarness(); });
test.after.always(async (t) => { await t.context.h?.stop(); });


/** [eventName, Keys, OldImage, NewImage] as compare_events reads a record (ALT). */
const event = (r: Record<string, any>): unknown[] => [r.eventName, r.dynamodb.Keys, r.dynamodb.OldImage, r.dynamodb.NewImage];

/** ALT do_updates_1: every write kind on one item; the no-op put and the absent delete leave nothing. */
async function doUpdates1(h: Harness, name: string): Promise<void> {
  const key = { p: 'p1', c: 'c1' };
  const put = (item: Plain) => h.ddb('PutItem', { TableName: name, Item: av(item) });
  const set = (expr: string, v: number) => h.ddb('UpdateItem', { TableName: name, Key: av(key), UpdateExpression: expr, ExpressionAttributeValues: { ':v': { N: String(v) } } });
  await put({ ...key, x: 2 });
  await put({ ...key, x: 2 }); // "a second put_item of the *same* key and same value, doesn't appear in the log at all!"
  await put({ ...key, y: 3 });
  await h.ddb('DeleteItem', { TableName: name, Key: av(key) });
  await h.ddb('DeleteItem', { TableName: name, Key: av(key) }); // "deleting a non-existent item doesn't appear in the log at all"
  await set('SET b = :v', 4);
  await set('SET x = :v', 5);
  await h.ddb('BatchWriteItem', { RequestItems: { [name]: [{ PutRequest: { Item: av({ ...key, x: 5 }) } }] } });
}

const K = av({ p: 'p1', c: 'c1' });
const EXPECTED_1: Array<[string, Plain | undefined, Plain | undefined]> = [
  ['INSERT', undefined, { p: 'p1', c: 'c1', x: 2 }],
  ['MODIFY', { p: 'p1', c: 'c1', x: 2 }, { p: 'p1', c: 'c1', y: 3 }],
  ['REMOVE', { p: 'p1', c: 'c1', y: 3 }, undefined],
  ['INSERT', undefined, { p: 'p1', c: 'c1', b: 4 }],
  ['MODIFY', { p: 'p1', c: 'c1', b: 4 }, { p: 'p1', c: 'c1', b: 4, x: 5 }],
  ['MODIFY', { p: 'p1', c: 'c1', b: 4, x: 5 }, { p: 'p1', c: 'c1', x: 5 }],
];

for (const viewType of ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY']) {
  test(`do_updates_1 on ${viewType}: ${ALT} test_streams_1_${viewType.toLowerCase()}`, async (t) => {
    const { h } = t.context;
    const { name, arn } = await h.table(viewType, { range: true });
    await doUpdates1(h, name);
    const records = await h.records(arn!);
    const withOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
    const withNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
    t.deepEqual(records.map(event), EXPECTED_1.map(([e, o, n]) => [e, K, withOld && o ? av(o) : undefined, withNew && n ? av(n) : undefined]));
    for (const r of records) t.is(r.dynamodb.StreamViewType, viewType);
  });
}

test(`NEW_IMAGE keeps the whole item and its keys; REMOVE has no NewImage: ${ALT} test_streams_new_image`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_IMAGE', { range: true });
  const key = { p: 'p', c: 'c' };
  const upd = (UpdateExpression: string, v?: number) => h.ddb('UpdateItem', { TableName: name, Key: av(key), UpdateExpression, ...(v !== undefined && { ExpressionAttributeValues: { ':v': { N: String(v) } } }) });
  await upd('SET x = :v', 2);
  await upd('SET y = :v', 3);
  await upd('REMOVE x, y');
  await h.ddb('DeleteItem', { TableName: name, Key: av(key) });
  t.deepEqual((await h.records(arn!)).map(event), [
    ['INSERT', av(key), undefined, av({ ...key, x: 2 })],
    ['MODIFY', av(key), undefined, av({ ...key, x: 2, y: 3 })],
    ['MODIFY', av(key), undefined, av(key)],
    ['REMOVE', av(key), undefined, undefined],
  ]);
});

test(`OLD_IMAGE of an item holding only its key: ${ALT} test_streams_updateitem_old_image_empty_item`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('OLD_IMAGE', { range: true });
  const key = { p: 'p', c: 'c' };
  await h.ddb('UpdateItem', { TableName: name, Key: av(key) }); // creates an item with just the key
  await h.ddb('UpdateItem', { TableName: name, Key: av(key), UpdateExpression: 'SET y = :v', ExpressionAttributeValues: { ':v': { N: '3' } } });
  t.deepEqual((await h.records(arn!)).map(event), [
    ['INSERT', av(key), undefined, undefined],
    ['MODIFY', av(key), av(key), undefined],
  ]);
});

test('an UpdateItem that changes nothing writes no record: GUIDE', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_AND_OLD_IMAGES');
  const key = av({ p: 'p' });
  const set = () => h.ddb('UpdateItem', { TableName: name, Key: key, UpdateExpression: 'SET x = :v', ExpressionAttributeValues: { ':v': { N: '1' } } });
  await set();
  await set();
  await h.ddb('UpdateItem', { TableName: name, Key: key, UpdateExpression: 'REMOVE absent' });
  t.deepEqual((await h.records(arn!)).map((r) => r.eventName), ['INSERT']);
});

test('a refused conditional write writes no record: GUIDE (no data changed)', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY');
  const r = await h.ddb('PutItem', { TableName: name, Item: av({ p: 'p' }), ConditionExpression: 'attribute_exists(p)' });
  t.is(r.status, 400);
  t.deepEqual(await h.records(arn!), []);
});

test(`record shape: DOCS GetRecords sample response (KEYS_ONLY, SizeBytes 41), Record / StreamRecord; ${ALT} compare_events`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY', { keys: ['ForumName', 'Subject'] });
  const before = Math.floor(Date.now() / 1000);
  await h.ddb('PutItem', { TableName: name, Item: { ForumName: { S: 'DynamoDB' }, Subject: { S: 'DynamoDB Thread 3' }, Message: { S: 'not in a KEYS_ONLY record' } } });
  const [r] = await h.records(arn!);
  t.deepEqual(Object.keys(r!).sort(), ['awsRegion', 'dynamodb', 'eventID', 'eventName', 'eventSource', 'eventVersion']); // no userIdentity for a user's write
  // eventVersion: the pastebin answer below says 1.1 (the API reference's 2015 sample still says 1.0).
  t.like(r, { awsRegion: 'us-east-1', eventName: 'INSERT', eventSource: 'aws:dynamodb', eventVersion: '1.1' });
  t.regex(r!.eventID, /^[0-9a-f]{32}$/); // sample "e2fd9c34eff2d779b297b26f5fef4206"
  t.deepEqual(Object.keys(r!.dynamodb).sort(), ['ApproximateCreationDateTime', 'Keys', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
  t.deepEqual(r!.dynamodb.Keys, { ForumName: { S: 'DynamoDB' }, Subject: { S: 'DynamoDB Thread 3' } });
  t.is(r!.dynamodb.SizeBytes, 41); // the sample's record for these keys
  t.is(r!.dynamodb.StreamViewType, 'KEYS_ONLY');
  t.regex(r!.dynamodb.SequenceNumber, /^\d{21,40}$/); // ALT #7158: numeric characters only; DOCS length 21..40
  t.true(Number.isInteger(r!.dynamodb.ApproximateCreationDateTime)); // sample 1.46480431E9: epoch seconds
  t.true(Math.abs(r!.dynamodb.ApproximateCreationDateTime - before) <= 2);
});

test('SizeBytes of Keys + NewImage {id: "test"} is 12: localstack tests/aws/services/dynamodbstreams/test_dynamodb_streams.snapshot.json (recorded 2024-01-30)', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_IMAGE', { keys: ['id'] });
  await h.ddb('PutItem', { TableName: name, Item: { id: { S: 'test' } } });
  const [r] = await h.records(arn!);
  t.deepEqual(r!.dynamodb.NewImage, { id: { S: 'test' } });
  t.is(r!.dynamodb.SizeBytes, 12);
});

test('SizeBytes on NEW_AND_OLD_IMAGES (keys + the images carried): a real GetRecords answer, https://pastebin.com/Anu9nCzN (ap-southeast-1, 2019: INSERT 22, REMOVE 22)', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_AND_OLD_IMAGES', { keys: ['ID', 'Title'] });
  const item = { ID: { S: '2' }, Title: { S: 'aaa' } };
  await h.ddb('PutItem', { TableName: name, Item: item });
  await h.ddb('DeleteItem', { TableName: name, Key: item });
  const records = await h.records(arn!);
  t.deepEqual(records.map(event), [['INSERT', item, undefined, item], ['REMOVE', item, item, undefined]]);
  t.deepEqual(records.map((r) => r.dynamodb.SizeBytes), [22, 22]);
  t.deepEqual(records.map((r) => r.eventVersion), ['1.1', '1.1']);
});

test('SizeBytes of a MODIFY carrying both images: a Lambda DynamoDB event captured from AWS (@incdevco/framework lambda/dynamodb-stream/example-event.json, 2016: MODIFY 27, INSERT 17)', async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('NEW_AND_OLD_IMAGES', { keys: ['id'] });
  await h.ddb('PutItem', { TableName: name, Item: { id: { S: '1' }, key: { S: 'value' } } });
  await h.ddb('PutItem', { TableName: name, Item: { id: { S: '1' }, key: { S: 'updated' } } });
  await h.ddb('PutItem', { TableName: name, Item: { id: { S: '2' }, key: { S: 'original' } } });
  const records = await h.records(arn!);
  t.deepEqual(records.map((r) => [r.eventName, r.dynamodb.SizeBytes]), [['INSERT', 3 + 11], ['MODIFY', 27], ['INSERT', 17]]);
});
