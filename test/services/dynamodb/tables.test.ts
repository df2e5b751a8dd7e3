/**
 * DynamoDB's table control plane through the real SDK client: create (with every validation
 * rule), describe as AWS shapes it, list with pagination, delete (gone at once), TTL, PITR, tags,
 * accounts. Exact __type and message are asserted for the refusals.
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteTableCommand, DescribeContinuousBackupsCommand, DescribeEndpointsCommand, DescribeLimitsCommand,
  DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand, ListTagsOfResourceCommand, TagResourceCommand,
  UntagResourceCommand, UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand, waitUntilTableExists, waitUntilTableNotExists,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const simple = (TableName: string, extra: Partial<CreateTableCommandInput> = {}): CreateTableCommandInput => ({
  TableName, BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], ...extra,
});

test('CreateTable answers ACTIVE, DescribeTable shapes it as AWS, the waiter finishes at once', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const name = uniqueTable();
  const created = await ddb.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'g', AttributeType: 'B' }, { AttributeName: 'l', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 } }],
    LocalSecondaryIndexes: [{ IndexName: 'byL', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] } }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    Tags: [{ Key: 'env', Value: 'test' }], DeletionProtectionEnabled: false, TableClass: 'STANDARD',
  }));
  t.is(created.TableDescription!.TableStatus, 'ACTIVE');
  let polls = 0;
  ddb.middlewareStack.add((next) => async (args) => { polls++; return next(args); }, { step: 'initialize', name: 'countPolls' });
  await waitUntilTableExists({ client: ddb, maxWaitTime: 10, minDelay: 1 }, { TableName: name });
  t.is(polls, 1, 'the waiter finished on its first poll');
  ddb.middlewareStack.remove('countPolls');
  const d = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;
  t.is(d.TableArn, `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`);
  t.deepEqual(d.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
  // No summary for a table created PROVISIONED (native AWS, radkawar/stackd testdata/aws/dynamodb/controls.json seq 6, 2026-09-17).
  t.is(d.BillingModeSummary, undefined);
  t.like(d.ProvisionedThroughput, { ReadCapacityUnits: 5, WriteCapacityUnits: 3, NumberOfDecreasesToday: 0 });
  t.is(d.ItemCount, 0);
  t.is(d.TableSizeBytes, 0);
  t.true(d.CreationDateTime instanceof Date);
  t.regex(d.TableId!, /^[0-9a-f-]{36}$/);
  t.like(d.GlobalSecondaryIndexes![0], { IndexName: 'byG', IndexStatus: 'ACTIVE', Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 }, IndexArn: `${d.TableArn}/index/byG` });
  t.like(d.LocalSecondaryIndexes![0], { IndexName: 'byL', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] } });
  t.deepEqual(d.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  t.is(d.LatestStreamArn, `${d.TableArn}/stream/${d.LatestStreamLabel}`);
  t.deepEqual(d.TableClassSummary, { TableClass: 'STANDARD' });
  t.false(d.DeletionProtectionEnabled);
});

test('on-demand tables report 0/0 throughput on the table and every GSI, and the summary', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const name = uniqueTable();
  await ddb.send(new CreateTableCommand(simple(name, {
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  })));
  const d = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;
  t.is(d.BillingModeSummary!.BillingMode, 'PAY_PER_REQUEST');
  t.true(d.BillingModeSummary!.LastUpdateToPayPerRequestDateTime instanceof Date);
  t.like(d.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0, NumberOfDecreasesToday: 0 });
  t.like(d.GlobalSecondaryIndexes![0]!.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
});

const invalid = async (t: import('ava').ExecutionContext, input: CreateTableCommandInput, message: string): Promise<void> => {
  const err = await ddbErrorOf(ddbClient(server.endpoint).send(new CreateTableCommand(input)));
  t.is(err.name, 'ValidationException', message);
  t.is(err.message, message);
};

test('CreateTable refuses what AWS refuses, with its messages', async (t) => {
  const n = uniqueTable();
  await invalid(t, simple('ab'), "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
  await invalid(t, simple('a b c'), "1 validation error detected: Value 'a b c' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  await invalid(t, simple(n, { AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'X' as 'S' }] }),
    "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
  await invalid(t, simple(n, { KeySchema: undefined, BillingMode: 'FREE' as 'PROVISIONED' }),
    "2 validation errors detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null; Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
  await invalid(t, simple(n, { AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'extra', AttributeType: 'S' }] }),
    'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions');
  await invalid(t, simple(n, {
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'user', AttributeType: 'S' }, { AttributeName: 'created_at', AttributeType: 'N' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byUser', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }), 'One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [created_at, id, user], keys used: [id, user]');
  await invalid(t, simple(n, { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }),
    'Invalid KeySchema: Some index key attribute have no definition');
  await invalid(t, simple(n, { KeySchema: [{ AttributeName: 'id', KeyType: 'RANGE' }] }), 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  await invalid(t, simple(n, { BillingMode: 'PROVISIONED' }),
    'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
  await invalid(t, simple(n, { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
    'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  await invalid(t, simple(n, {
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: 'id2', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'id2', AttributeType: 'S' }],
  }), 'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex');
  await invalid(t, simple(n, {
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['a'] } }],
  }), 'One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified');
  await invalid(t, simple(n, {
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }],
  }), 'One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: byG when BillingMode is PAY_PER_REQUEST');
  await invalid(t, simple(n, { Tags: [{ Key: 'aws:x', Value: 'y' }] }), 'Tag Key cannot be prefixed with aws:, Key: aws:x');
  // Nothing was created by the refusals.
  t.is((await ddbErrorOf(ddbClient(server.endpoint).send(new DescribeTableCommand({ TableName: n })))).name, 'ResourceNotFoundException');
});

test('errors carry DynamoDB\'s exact __type on the wire', async (t) => {
  const v = await rawCall(server.endpoint, 'CreateTable', { TableName: 'ab' });
  t.is(v.status, 400);
  t.is(v.body.__type, 'com.amazon.coral.validate#ValidationException');
  const name = uniqueTable('missing');
  const r = await rawCall(server.endpoint, 'DescribeTable', { TableName: name });
  t.deepEqual(r.body, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: `Requested resource not found: Table: ${name} not found` });
  await ddbClient(server.endpoint).send(new CreateTableCommand(simple(name)));
  const dup = await rawCall(server.endpoint, 'CreateTable', simple(name));
  t.deepEqual(dup.body, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceInUseException', message: `Table already exists: ${name}` });
});

test('ListTables pages in name order; DeleteTable removes the table at once', async (t) => {
  const ddb = ddbClient(server.endpoint, { region: 'eu-west-3' });
  const names = ['lt-c', 'lt-a', 'lt-b', 'lt-d', 'lt-e'];
  for (const n of names) await ddb.send(new CreateTableCommand(simple(n)));
  const first = await ddb.send(new ListTablesCommand({ Limit: 2 }));
  t.deepEqual(first.TableNames, ['lt-a', 'lt-b']);
  t.is(first.LastEvaluatedTableName, 'lt-b');
  const rest = await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: 'lt-b' }));
  t.deepEqual(rest.TableNames, ['lt-c', 'lt-d', 'lt-e']);
  t.is(rest.LastEvaluatedTableName, undefined);
  const limit = await ddbErrorOf(ddb.send(new ListTablesCommand({ Limit: 101 })));
  t.is(limit.message, "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
  const deleted = await ddb.send(new DeleteTableCommand({ TableName: 'lt-a' }));
  t.is(deleted.TableDescription!.TableStatus, 'DELETING');
  await waitUntilTableNotExists({ client: ddb, maxWaitTime: 10, minDelay: 1 }, { TableName: 'lt-a' });
  t.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, ['lt-b', 'lt-c', 'lt-d', 'lt-e']);
  const gone = await ddbErrorOf(ddb.send(new DeleteTableCommand({ TableName: 'lt-a' })));
  t.is(gone.name, 'ResourceNotFoundException');
  t.is(gone.message, 'Requested resource not found: Table: lt-a not found');
  // Another region of the same account sees none of them.
  const other = await ddbClient(server.endpoint, { region: 'eu-west-2' }).send(new ListTablesCommand({}));
  t.false((other.TableNames ?? []).some((n) => n.startsWith('lt-')));
});

test('tables are scoped by account (12-digit access keys)', async (t) => {
  const a = ddbClient(server.endpoint, { credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
  const b = ddbClient(server.endpoint, { credentials: { accessKeyId: '444455556666', secretAccessKey: 'x' } });
  const name = uniqueTable('acct');
  const made = await a.send(new CreateTableCommand(simple(name)));
  t.is(made.TableDescription!.TableArn, `arn:aws:dynamodb:us-east-1:111122223333:table/${name}`);
  t.is((await ddbErrorOf(b.send(new DescribeTableCommand({ TableName: name })))).name, 'ResourceNotFoundException');
  await b.send(new CreateTableCommand(simple(name)));
  // By ARN: the owner finds it.
  t.is((await a.send(new DescribeTableCommand({ TableName: made.TableDescription!.TableArn }))).Table!.TableName, name);
});

test('deletion protection refuses DeleteTable with AWS\'s message', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const name = uniqueTable();
  await ddb.send(new CreateTableCommand(simple(name, { DeletionProtectionEnabled: true })));
  const err = await ddbErrorOf(ddb.send(new DeleteTableCommand({ TableName: name })));
  t.is(err.name, 'ValidationException');
  t.is(err.message, 'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
});

test('TTL, point-in-time recovery and tags as Terraform reads them', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const name = uniqueTable();
  const arn = (await ddb.send(new CreateTableCommand(simple(name, { Tags: [{ Key: 'a', Value: '1' }] })))).TableDescription!.TableArn!;
  t.deepEqual((await ddb.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' });
  const ttl = await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } }));
  t.deepEqual(ttl.TimeToLiveSpecification, { AttributeName: 'expires', Enabled: true });
  t.deepEqual((await ddb.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
  t.is((await ddbErrorOf(ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } })))).message, 'TimeToLive is already enabled');
  t.is((await ddbErrorOf(ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: 'other', Enabled: true } })))).message,
    'TimeToLive is active on a different AttributeName: current AttributeName is expires');

  t.is((await ddb.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'DISABLED');
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const pitr = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription!;
  t.is(pitr.ContinuousBackupsStatus, 'ENABLED');
  t.like(pitr.PointInTimeRecoveryDescription, { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35 });
  const missing = await ddbErrorOf(ddb.send(new DescribeContinuousBackupsCommand({ TableName: uniqueTable('none') })));
  t.is(missing.name, 'TableNotFoundException');

  await ddb.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '3' }] }));
  t.deepEqual((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags, [{ Key: 'a', Value: '3' }, { Key: 'b', Value: '2' }]);
  await ddb.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a'] }));
  t.deepEqual((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags, [{ Key: 'b', Value: '2' }]);
  const unknown = await ddbErrorOf(ddb.send(new ListTagsOfResourceCommand({ ResourceArn: `${arn}x` })));
  t.is(unknown.name, 'ResourceNotFoundException');
});

test('DescribeLimits and DescribeEndpoints answer', async (t) => {
  const ddb = ddbClient(server.endpoint);
  t.like(await ddb.send(new DescribeLimitsCommand({})), { AccountMaxReadCapacityUnits: 80000, TableMaxWriteCapacityUnits: 40000 });
  const endpoints = (await ddb.send(new DescribeEndpointsCommand({}))).Endpoints!;
  t.is(endpoints[0]!.CachePeriodInMinutes, 1440);
  t.is(endpoints[0]!.Address, new URL(server.endpoint).host);
});
