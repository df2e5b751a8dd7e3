/**
 * Kinesis streaming destinations, as AWS answers them for streams that do not exist (boltstack
 * has no Kinesis): Enable is accepted and fails a moment later; nothing is streamed.
 * Source of every row: native AWS, radkawar/stackd testdata/aws/dynamodb/kinesis_destination.json
 * (us-east-1, 2026-09-19), sequence numbers beside each; its table name and account are used as
 * they are, so messages compare whole. The clock is the test's.
 */
import test from 'ava';
import { DeleteTableCommand, DescribeKinesisStreamingDestinationCommand, EnableKinesisStreamingDestinationCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

const STACKD = 'stackd kinesis_destination.json';
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';
const STATE = 'Table is not in a valid state to enable Kinesis Streaming Destination: ';
const TABLE = 'stackd-ddbkds-20260919010542-252254';
const STREAM = `arn:aws:kinesis:us-east-1:000000000000:stream/${TABLE}`;
const MISSING_STREAM = `${STREAM}-missing`;
const DDB_STREAM = `arn:aws:dynamodb:us-east-1:000000000000:stream/${TABLE}`;
const NO_PERMISSION = 'User does not have a permission to use kinesis stream';
const NOT_ACTIVE = 'The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state';

let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 8, 19, 1, 5, 57);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return r.status === 200 ? [200, r.body] : [r.status, r.body.__type, r.body.message ?? r.body.Message];
}

test.serial(`a missing table (${STACKD} seq 10-13)`, async (t) => {
  const TableName = `${TABLE}-missing`;
  const gone = [400, `${PREFIX}ResourceNotFoundException`, `Requested resource not found: Table: ${TableName} not found`];
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), gone, 'seq 10');
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: STREAM }), gone, 'seq 11');
  t.deepEqual(await answer('DisableKinesisStreamingDestination', { TableName, StreamArn: STREAM }), gone, 'seq 12');
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: STREAM }), gone, 'seq 13');
});

test.serial(`one table's destinations from none to failed (${STACKD} seq 14-53, 100-102, 389-393)`, async (t) => {
  const TableName = TABLE;
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [200, { KinesisDataStreamDestinations: [], TableName }], 'seq 14');
  t.deepEqual(await answer('DisableKinesisStreamingDestination', { TableName, StreamArn: STREAM }),
    [400, VALIDATION, `${STATE}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.`], 'seq 15');
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: STREAM, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } }),
    [400, VALIDATION, `${STATE}No streaming destination with streamArn: ${STREAM} found for table with tableName: ${TableName}`], 'seq 16');
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: 'not-an-arn' }), [400, VALIDATION,
    "1 validation error detected: Value 'not-an-arn' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37"], 'seq 21');
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: STREAM, EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'SECOND' } }), [400, VALIDATION,
    "1 validation error detected: Value 'SECOND' at 'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]"], 'seq 23');
  t.deepEqual(await answer('DisableKinesisStreamingDestination', { TableName: 'x' }), [400, VALIDATION,
    "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
    + "Value null at 'streamArn' failed to satisfy constraint: Member must not be null"], 'API: StreamArn is required; members checked together');
  const noConfig = [400, VALIDATION, 'Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values'];
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: STREAM }), noConfig, 'seq 100');
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: STREAM, UpdateKinesisStreamingConfiguration: {} }), noConfig, 'seq 101');
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: STREAM, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'SECOND' } }), [400, VALIDATION,
    "1 validation error detected: Value 'SECOND' at 'updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]"], 'seq 102');

  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: MISSING_STREAM }),
    [200, { DestinationStatus: 'ENABLING', EnableKinesisStreamingConfiguration: {}, StreamArn: MISSING_STREAM, TableName }], 'seq 17: accepted');
  const busy = [400, VALIDATION, `${STATE}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.`];
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: 'arn:aws:kinesis:us-east-1:111111111111:stream/' + TABLE }), busy, 'seq 18: another one ENABLING');
  t.deepEqual(await answer('UpdateKinesisStreamingDestination', { TableName, StreamArn: MISSING_STREAM, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MILLISECOND' } }),
    [400, VALIDATION, `${STATE}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: ${TableName}, kdsArn: ${MISSING_STREAM}`], 'seq 53');
  now += 1_500;
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: DDB_STREAM }),
    [200, { DestinationStatus: 'ENABLING', EnableKinesisStreamingConfiguration: {}, StreamArn: DDB_STREAM, TableName }], 'seq 20: accepted once the first failed');
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [200, { KinesisDataStreamDestinations: [
    { DestinationStatus: 'ENABLING', StreamArn: DDB_STREAM },
    { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: NO_PERMISSION, StreamArn: MISSING_STREAM },
  ], TableName }], 'seq 30');
  t.deepEqual(await answer('DisableKinesisStreamingDestination', { TableName, StreamArn: DDB_STREAM }),
    [400, VALIDATION, `${STATE}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.`], 'seq 40: ENABLING is not ACTIVE');
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: STREAM }), busy, 'seq 28');
  now += 61_000;
  t.is((await ddb.send(new DescribeKinesisStreamingDestinationCommand({ TableName }))).KinesisDataStreamDestinations![0]!.DestinationStatus, 'ENABLING', 'seq 375: still ENABLING after 61 s');
  now += 2_000;
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [200, { KinesisDataStreamDestinations: [
    { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: NOT_ACTIVE, StreamArn: DDB_STREAM },
    { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: NO_PERMISSION, StreamArn: MISSING_STREAM },
  ], TableName }], 'seq 47');

  const otherRegion = `arn:aws:kinesis:us-west-2:000000000000:stream/${TABLE}`;
  await answer('EnableKinesisStreamingDestination', { TableName, StreamArn: otherRegion });
  now += 1_000;
  t.is((await ddb.send(new DescribeKinesisStreamingDestinationCommand({ TableName }))).KinesisDataStreamDestinations![0]!.DestinationStatus, 'ENABLING', 'seq 361');
  now += 2_500;
  t.deepEqual((await ddb.send(new DescribeKinesisStreamingDestinationCommand({ TableName }))).KinesisDataStreamDestinations![0],
    { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: 'The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region', StreamArn: otherRegion }, 'seq 362');

  const tableArn = `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}`;
  t.deepEqual(await answer('EnableKinesisStreamingDestination', { TableName: tableArn, StreamArn: MISSING_STREAM, EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } }),
    [200, { DestinationStatus: 'ENABLING', EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' }, StreamArn: MISSING_STREAM, TableName }], 'seq 392: table ARN, configuration echoed');
  const listed = await answer('DescribeKinesisStreamingDestination', { TableName: tableArn });
  t.deepEqual((listed[1] as { KinesisDataStreamDestinations: unknown[] }).KinesisDataStreamDestinations,
    [{ ApproximateCreationDateTimePrecision: 'MICROSECOND', DestinationStatus: 'ENABLING', StreamArn: MISSING_STREAM },
      { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: 'The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region', StreamArn: otherRegion },
      { DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: NOT_ACTIVE, StreamArn: DDB_STREAM }], 'seq 389, 393: a re-enabled destination moves to the top');
  await ddb.send(new DeleteTableCommand({ TableName }));
});

test.serial(`a table deleted and created again has no destination (${STACKD} seq 14)`, async (t) => {
  const TableName = uniqueTable('kdsdel');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName, StreamArn: MISSING_STREAM }));
  await ddb.send(new DeleteTableCommand({ TableName }));
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  t.deepEqual(await answer('DescribeKinesisStreamingDestination', { TableName }), [200, { KinesisDataStreamDestinations: [], TableName }]);
});

test('destinations survive a restart', async (t) => {
  const tmp = await tempDir();
  let clock = Date.UTC(2026, 8, 19, 1, 5, 57);
  try {
    const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => clock });
    try {
      const client = ddbClient(first.endpoint);
      await createKeyedTable(client, 'kdsrestart', [['pk', 'S']]);
      await client.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'kdsrestart', StreamArn: MISSING_STREAM }));
    } finally {
      await first.stop();
    }
    clock += 5_000;
    const second = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => clock });
    try {
      const got = await ddbClient(second.endpoint).send(new DescribeKinesisStreamingDestinationCommand({ TableName: 'kdsrestart' }));
      t.deepEqual(got.KinesisDataStreamDestinations, [{ DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: NO_PERMISSION, StreamArn: MISSING_STREAM }]);
    } finally {
      await second.stop();
    }
  } finally {
    await tmp.remove();
  }
});
