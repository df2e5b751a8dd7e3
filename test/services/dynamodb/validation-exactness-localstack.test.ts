/**
 * DynamoDB's answers as localstack's snapshot tests recorded them from AWS
 * (localstack/localstack tests/aws/services/dynamodb/test_dynamodb.snapshot.json, with
 * test_dynamodb.py beside it for the requests and test_dynamodb.validation.json for the date each
 * test last ran against AWS). Botocore records an error as "An error occurred (<code>) when
 * calling the <op> operation: <message>"; the code and message are compared here on the wire, and
 * a success body as the snapshot keeps it (ResponseMetadata aside). This file: refusals and the
 * bodies of item writes and reads; the streams and table shapes are in
 * validation-exactness-localstack-streams.test.ts.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { rawCall, uniqueTable } from './helpers.js';
import { ok } from './moto-tables.js';
import { DDB, VALIDATION } from './exactness-rows.js';

const LS = 'localstack/localstack tests/aws/services/dynamodb/test_dynamodb.py::TestDynamoDB::';
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });
const e = (): string => server.endpoint;
type T = Parameters<typeof ok>[0];
const S = (s: string): { S: string } => ({ S: s });

/** A provisioned (5/5) table keyed by `hash` (S) [+ `range` (S)], as the localstack tests make them. */
async function table(t: T, hash: string, range?: string, extra: Record<string, unknown> = {}): Promise<string> {
  const TableName = uniqueTable('ls');
  const AttributeDefinitions = [{ AttributeName: hash, AttributeType: 'S' }, ...(range ? [{ AttributeName: range, AttributeType: 'S' }] : [])];
  const KeySchema = [{ AttributeName: hash, KeyType: 'HASH' }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' }] : [])];
  await ok(t, e(), 'CreateTable', { TableName, AttributeDefinitions, KeySchema, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, ...extra });
  return TableName;
}

test(`CreateTable of a name in use: ResourceInUseException [${LS}test_create_duplicate_table (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  const r = await rawCall(e(), 'CreateTable', { TableName, AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
  t.is(r.status, 400);
  t.deepEqual(r.body, { __type: DDB('ResourceInUseException'), message: `Table already exists: ${TableName}` });
});

test(`CreateTable PAY_PER_REQUEST with ProvisionedThroughput [${LS}test_dynamodb_pay_per_request (validated 2023-08-23)]`, async (t) => {
  const r = await rawCall(e(), 'CreateTable', { TableName: uniqueTable('ls'), AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, BillingMode: 'PAY_PER_REQUEST' });
  t.is(r.status, 400);
  t.deepEqual(r.body, { __type: VALIDATION,
    message: 'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST' });
});

test(`BatchWriteItem PutRequest without the key: schema mismatch [${LS}test_batch_write_not_matching_schema (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id', 'sortKey');
  const r = await rawCall(e(), 'BatchWriteItem', { RequestItems: { [TableName]: [{ PutRequest: { Item: { nonKey: S('hello') } } }] } });
  t.is(r.status, 400);
  t.deepEqual(r.body, { __type: VALIDATION, message: 'The provided key element does not match the schema' });
});

test(`TransactWriteItems Put on a table that does not exist, empty Item [${LS}test_batch_write_not_existing_table (validated 2023-10-22)]`, async (t) => {
  const r = await rawCall(e(), 'TransactWriteItems', { TransactItems: [{ Put: { TableName: 'non-existing-table', Item: {} } }] });
  t.is(r.status, 400);
  t.deepEqual(r.body, { __type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' });
});

test(`TransactWriteItems cancelled by a ConditionCheck; the Delete beside it is None [${LS}test_transaction_write_canceled (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'Username');
  await ok(t, e(), 'PutItem', { TableName, Item: { Username: S('Fred') } });
  const r = await rawCall(e(), 'TransactWriteItems', { TransactItems: [
    { ConditionCheck: { TableName, ConditionExpression: 'attribute_not_exists(Username)', Key: { Username: S('Fred') } } },
    { Delete: { TableName, Key: { Username: S('Bert') } } },
  ] });
  t.is(r.status, 400);
  t.is(r.body.__type, DDB('TransactionCanceledException'));
  // The snapshot keeps only str(exception); the wire key is "Message" (transaction-conflicts.test.ts).
  t.is(r.body.Message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]');
  t.deepEqual(r.body.CancellationReasons, [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, { Code: 'None' }]);
});

test(`DeleteItem failing its condition with ReturnValuesOnConditionCheckFailure ALL_OLD: the item in the error [${LS}test_return_values_on_conditions_check_failure (validated 2024-01-03)]`, async (t) => {
  const TableName = await table(t, 'id');
  const Item = { id: S('456'), price: { N: '650' }, product: S('sporting goods') };
  await ok(t, e(), 'PutItem', { TableName, Item });
  const r = await rawCall(e(), 'DeleteItem', { TableName, Key: { id: S('456') }, ConditionExpression: 'price between :lo and :hi',
    ExpressionAttributeValues: { ':lo': { N: '500' }, ':hi': { N: '600' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
  t.is(r.status, 400);
  // The snapshot holds Error.Message and Item but no top-level "message", which botocore would
  // have filled from a lower-case wire key: the text comes as "Message", as moto's aws_verified
  // row in validation-exactness-moto-writes.test.ts has it too.
  t.deepEqual(r.body, { __type: DDB('ConditionalCheckFailedException'), Message: 'The conditional request failed', Item });
});

test(`PutItem ReturnValues ALL_OLD: nothing for a new item, the old item after; none without ReturnValues [${LS}test_return_values_in_put_item (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  const item1 = { id: S('id1'), data: S('foobar') };
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: item1, ReturnValues: 'ALL_OLD' }), {});
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: item1, ReturnValues: 'ALL_OLD' }), { Attributes: item1 });
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: { id: S('id1'), data: S('barfoo') }, ReturnValues: 'ALL_OLD' }), { Attributes: item1 });
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: item1 }), {});
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: item1 }), {});
});

test(`PutItem of an empty non-key string and of a binary 0x90 [${LS}test_empty_and_binary_values (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: { id: S('id1'), data: S('') } }), {});
  t.deepEqual(await ok(t, e(), 'PutItem', { TableName, Item: { id: S('id2'), data: { B: 'kA==' } } }), {});
  t.deepEqual((await ok(t, e(), 'GetItem', { TableName, Key: { id: S('id2') } })).Item, { id: S('id2'), data: { B: 'kA==' } });
});

test(`BatchWriteItem of binary values, one not valid UTF-8: UnprocessedItems {} [${LS}test_batch_write_binary (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'PK', 'SK');
  await ok(t, e(), 'PutItem', { TableName, Item: { PK: S('hello'), SK: S('user'), data: { B: Buffer.from('test').toString('base64') } } });
  const r = await ok(t, e(), 'BatchWriteItem', { RequestItems: { [TableName]: [
    { PutRequest: { Item: { PK: S('hello-1'), SK: S('user-1'), data: { B: Buffer.from('test-1').toString('base64') } } } },
    { PutRequest: { Item: { PK: S('hello-2'), SK: S('user-2'), data: { B: Buffer.from([0x74, 0x65, 0x73, 0x74, 0x20, 0xc0, 0x20, 0xed]).toString('base64') } } } },
  ] } });
  t.deepEqual(r, { UnprocessedItems: {} });
});

test(`BatchWriteItem of a Delete and a Put: UnprocessedItems {} [${LS}test_batch_write_items (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  await ok(t, e(), 'PutItem', { TableName, Item: { id: S('Fred') } });
  const r = await ok(t, e(), 'BatchWriteItem', { RequestItems: { [TableName]: [{ DeleteRequest: { Key: { id: S('Fred') } } }, { PutRequest: { Item: { id: S('Bob') } } }] } });
  t.deepEqual(r, { UnprocessedItems: {} });
});

test(`BatchGetItem of a missing key: an empty list under the table, UnprocessedKeys {} [${LS}test_dynamodb_get_batch_items (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'PK');
  const r = await ok(t, e(), 'BatchGetItem', { RequestItems: { [TableName]: { Keys: [{ PK: S('test-key') }] } } });
  t.deepEqual(r, { Responses: { [TableName]: [] }, UnprocessedKeys: {} });
});

test(`TransactWriteItems of a ConditionCheck, Put, Update and Delete: an empty body [${LS}test_transaction_write_items (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  const r = await ok(t, e(), 'TransactWriteItems', { TransactItems: [
    { ConditionCheck: { TableName, ConditionExpression: 'attribute_not_exists(id)', Key: { id: S('test1') } } },
    { Put: { TableName, Item: { id: S('test2') } } },
    { Update: { TableName, Key: { id: S('test3') }, UpdateExpression: 'SET attr1 = :v1, attr2 = :v2', ExpressionAttributeValues: { ':v1': S('value1'), ':v2': S('value2') } } },
    { Delete: { TableName, Key: { id: S('test4') } } },
  ] });
  t.deepEqual(r, {});
});

test(`TransactWriteItems Put of binary data, then GetItem [${LS}test_transaction_write_binary_data (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  const binaryData = { B: Buffer.from('foobar').toString('base64') };
  t.deepEqual(await ok(t, e(), 'TransactWriteItems', { TransactItems: [{ Put: { TableName, Item: { id: S('someUser'), binaryData } } }] }), {});
  t.deepEqual((await ok(t, e(), 'GetItem', { TableName, Key: { id: S('someUser') } })).Item, { binaryData, id: S('someUser') });
});

test(`TransactGetItems of one item: Responses [{Item}] [${LS}test_transact_get_items (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  await ok(t, e(), 'PutItem', { TableName, Item: { id: S('John') } });
  t.deepEqual(await ok(t, e(), 'TransactGetItems', { TransactItems: [{ Get: { Key: { id: S('John') }, TableName } }] }), { Responses: [{ Item: { id: S('John') } }] });
});

test(`TransactWriteItems twice with one ClientRequestToken, the item's attributes in another order: both 200 [${LS}test_dynamodb_idempotent_writing (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id', 'name');
  const write = (Item: Record<string, unknown>): Promise<Record<string, unknown>> => ok(t, e(), 'TransactWriteItems', { ClientRequestToken: 'dedupe_token', TransactItems: [{ Put: { TableName, Item } }] });
  t.deepEqual(await write({ id: S('id1'), name: S('name1') }), {});
  t.deepEqual(await write({ name: S('name1'), id: S('id1') }), {});
});

test(`Query an LSI with Select ALL_ATTRIBUTES: Count, Items, ScannedCount [${LS}test_valid_local_secondary_index (validated 2023-08-23)]`, async (t) => {
  const TableName = uniqueTable('ls');
  await ok(t, e(), 'CreateTable', { TableName, KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }, { AttributeName: 'SK', AttributeType: 'S' }, { AttributeName: 'LSI1SK', AttributeType: 'N' }],
    LocalSecondaryIndexes: [{ IndexName: 'LSI1', KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'LSI1SK', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
  const item = { SK: S('hello'), LSI1SK: { N: '123' }, PK: S('test one') };
  await ok(t, e(), 'PutItem', { TableName, Item: item });
  const r = await ok(t, e(), 'Query', { TableName, IndexName: 'LSI1', KeyConditionExpression: 'PK = :v1', ExpressionAttributeValues: { ':v1': S('test one') }, Select: 'ALL_ATTRIBUTES' });
  t.deepEqual(r, { Count: 1, Items: [item], ScannedCount: 1 });
});

test(`ExecuteTransaction of two INSERTs: Responses [] and both items in a Scan [${LS}test_dynamodb_execute_transaction (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'Username');
  const r = await ok(t, e(), 'ExecuteTransaction', { TransactStatements: [
    { Statement: `INSERT INTO "${TableName}" VALUE {'Username': 'user01'}` }, { Statement: `INSERT INTO "${TableName}" VALUE {'Username': 'user02'}` }] });
  t.deepEqual(r, { Responses: [] });
  const scan = await ok(t, e(), 'Scan', { TableName });
  t.is(scan.Count, 2);
  t.is(scan.ScannedCount, 2);
  t.deepEqual(scan.Items.map((i: any) => i.Username.S).sort(), ['user01', 'user02']);
});

test(`BatchExecuteStatement of an INSERT and an UPDATE: each response only TableName [${LS}test_dynamodb_batch_execute_statement (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'Username');
  await ok(t, e(), 'PutItem', { TableName, Item: { Username: S('user02') } });
  const r = await ok(t, e(), 'BatchExecuteStatement', { Statements: [
    { Statement: `INSERT INTO "${TableName}" VALUE {'Username': 'user01'}` }, { Statement: `UPDATE "${TableName}" SET Age=20 WHERE Username='user02'` }] });
  t.deepEqual(r, { Responses: [{ TableName }, { TableName }] });
  t.deepEqual((await ok(t, e(), 'GetItem', { TableName, Key: { Username: S('user02') } })).Item, { Age: { N: '20' }, Username: S('user02') });
  t.deepEqual((await ok(t, e(), 'GetItem', { TableName, Key: { Username: S('user01') } })).Item, { Username: S('user01') });
});

test(`ExecuteStatement SELECT … IS NOT MISSING finds the item, IS MISSING none [${LS}test_dynamodb_partiql_missing (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'Username');
  await ok(t, e(), 'ExecuteStatement', { Statement: `INSERT INTO "${TableName}" VALUE {'Username': 'Alice123', 'FirstName':'Alice'}` });
  const present = await ok(t, e(), 'ExecuteStatement', { Statement: `SELECT * FROM "${TableName}" WHERE FirstName IS NOT MISSING` });
  t.deepEqual(present.Items, [{ FirstName: S('Alice'), Username: S('Alice123') }]);
  const missing = await ok(t, e(), 'ExecuteStatement', { Statement: `SELECT * FROM "${TableName}" WHERE FirstName IS MISSING` });
  t.deepEqual(missing.Items, []);
});

test(`UpdateContinuousBackups enabling PITR, then DescribeContinuousBackups: the same description [${LS}test_continuous_backup_update (validated 2023-08-23)]`, async (t) => {
  const TableName = await table(t, 'id');
  const check = (r: Record<string, any>): void => {
    const d = r.ContinuousBackupsDescription;
    t.is(d.ContinuousBackupsStatus, 'ENABLED');
    // Recorded in 2023 with these three keys; AWS added RecoveryPeriodInDays (1-35, default 35)
    // to the description in January 2025, after the recording, and boltstack answers it.
    t.deepEqual(Object.keys(d.PointInTimeRecoveryDescription).sort(), ['EarliestRestorableDateTime', 'LatestRestorableDateTime', 'PointInTimeRecoveryStatus', 'RecoveryPeriodInDays']);
    t.is(d.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus, 'ENABLED');
    t.is(typeof d.PointInTimeRecoveryDescription.EarliestRestorableDateTime, 'number');
    t.is(typeof d.PointInTimeRecoveryDescription.LatestRestorableDateTime, 'number');
  };
  check(await ok(t, e(), 'UpdateContinuousBackups', { TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  check(await ok(t, e(), 'DescribeContinuousBackups', { TableName }));
});

test(`CreateTable SSESpecification {Enabled: true}: SSEDescription KMS with a key ARN; disabling answers UPDATING with the key kept [${LS}test_dynamodb_create_table_with_partial_sse_specification (validated 2024-01-10)]`, async (t) => {
  const TableName = uniqueTable('ls');
  const created = await ok(t, e(), 'CreateTable', { TableName, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, SSESpecification: { Enabled: true } });
  const sse = created.TableDescription.SSEDescription;
  t.deepEqual(Object.keys(sse).sort(), ['KMSMasterKeyArn', 'SSEType', 'Status']);
  t.is(sse.SSEType, 'KMS');
  t.is(sse.Status, 'ENABLED');
  t.regex(sse.KMSMasterKeyArn, /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/);
  const updated = await ok(t, e(), 'UpdateTable', { TableName, SSESpecification: { Enabled: false } });
  t.deepEqual(updated.TableDescription.SSEDescription, { KMSMasterKeyArn: sse.KMSMasterKeyArn, SSEType: 'KMS', Status: 'UPDATING' });
  t.false('SSESpecification' in (await ok(t, e(), 'DescribeTable', { TableName })).Table);
});

test(`UpdateTable without an SSESpecification leaves SSEDescription ENABLED (the stored test_dynamodb.py has not this test; the request is a throughput change) [${LS}test_dynamodb_update_table_without_sse_specification_change (recorded 2024-12-09)]`, async (t) => {
  const TableName = uniqueTable('ls');
  const created = await ok(t, e(), 'CreateTable', { TableName, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, SSESpecification: { Enabled: true } });
  const sse = created.TableDescription.SSEDescription;
  const updated = await ok(t, e(), 'UpdateTable', { TableName, ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } });
  t.deepEqual(updated.TableDescription.SSEDescription, { KMSMasterKeyArn: sse.KMSMasterKeyArn, SSEType: 'KMS', Status: 'ENABLED' });
});
