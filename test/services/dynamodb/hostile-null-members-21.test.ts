/**
 * A null where a list holds structures (raw JSON `[null]`: the SDKs never send one, a hand-made
 * request can) in the operations added this session: each answered 500 InternalFailure (a
 * TypeError reading a member of null). Now Coral's not-null refusal, the answer every other
 * DynamoDB member gets ("1 validation error detected: Value null at '<path>' failed to satisfy
 * constraint: Member must not be null", paths as Coral writes them, list members 1-based). No
 * capture shows AWS's answer to a null list member of these operations: the not-null refusal is
 * the safest answer. ImportTable's HeaderList members: the API reference's CsvHeader constraints
 * (API_CsvOptions.html: length 1 to 65536, pattern [\x20-\x21\x23-\x2B\x2D-\x7E]*).
 */
import test from 'ava';
import { CreateTableCommand, type DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

const VALIDATION = 'com.amazon.coral.validate#ValidationException';
const notNull = (path: string): unknown[] => [400, VALIDATION, `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`];

let server: Boltstack;
let ddb: DynamoDBClient;
let table: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  table = uniqueTable('nulls');
  await ddb.send(new CreateTableCommand({ TableName: table, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
});
test.after.always(async () => { await server?.stop(); });

async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return [r.status, r.body.__type, r.body.message];
}

test('UpdateGlobalTable: a null ReplicaUpdates member', async (t) => {
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: 'abc', ReplicaUpdates: [null] }), notNull('replicaUpdates.1.member'));
});

test('UpdateTableReplicaAutoScaling: a null member of ReplicaUpdates, GlobalSecondaryIndexUpdates or a replica\'s index updates', async (t) => {
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: table, ReplicaUpdates: [null] }), notNull('replicaUpdates.1.member'));
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: table, GlobalSecondaryIndexUpdates: [null] }), notNull('globalSecondaryIndexUpdates.1.member'));
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: table, ReplicaUpdates: [{ RegionName: 'us-east-1', ReplicaGlobalSecondaryIndexUpdates: [null] }] }),
    notNull('replicaUpdates.1.member.replicaGlobalSecondaryIndexUpdates.1.member'));
});

test('RestoreTableToPointInTime: a null index override, and no table is made', async (t) => {
  const TargetTableName = uniqueTable('nulls');
  t.deepEqual(await answer('RestoreTableToPointInTime', { SourceTableName: table, TargetTableName, UseLatestRestorableTime: true, GlobalSecondaryIndexOverride: [null] }),
    notNull('globalSecondaryIndexOverride.1.member'));
  t.deepEqual(await answer('RestoreTableToPointInTime', { SourceTableName: table, TargetTableName, UseLatestRestorableTime: true, LocalSecondaryIndexOverride: [null] }),
    notNull('localSecondaryIndexOverride.1.member'));
  t.is((await answer('DescribeTable', { TableName: TargetTableName }))[0], 400);
});

test('ImportTable: a HeaderList member null, empty, or holding a quote or a comma is refused, and no import starts', async (t) => {
  const request = (HeaderList: unknown[]) => ({
    S3BucketSource: { S3Bucket: 'no-such-bucket-here' }, InputFormat: 'CSV', InputFormatOptions: { Csv: { HeaderList } }, ClientToken: `nulls-${JSON.stringify(HeaderList)}`,
    TableCreationParameters: { TableName: uniqueTable('nulls'), BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },
  });
  // Before: 200 and an import whose column was named "null".
  t.deepEqual(await answer('ImportTable', request(['pk', null])), notNull('inputFormatOptions.csv.headerList.2.member'));
  const pattern = 'Member must satisfy regular expression pattern: [\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]*';
  t.deepEqual(await answer('ImportTable', request(['pk', 'a,b'])),
    [400, VALIDATION, `1 validation error detected: Value 'a,b' at 'inputFormatOptions.csv.headerList.2.member' failed to satisfy constraint: ${pattern}`]);
  t.deepEqual(await answer('ImportTable', request(['say"'])),
    [400, VALIDATION, `1 validation error detected: Value 'say"' at 'inputFormatOptions.csv.headerList.1.member' failed to satisfy constraint: ${pattern}`]);
  t.deepEqual(await answer('ImportTable', request([''])),
    [400, VALIDATION, "1 validation error detected: Value '' at 'inputFormatOptions.csv.headerList.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
  t.is((await answer('ImportTable', request(['pk', 'ok name!'])))[0], 200);
});
