/**
 * Point-in-time recovery settings as native AWS DynamoDB answered them in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/point_in_time_recovery.json, calls of 2026-09-18). Restores are not
 * implemented (NotImplemented); only the settings' answers are pinned.
 */
import test from 'ava';
import { DescribeContinuousBackupsCommand, UpdateContinuousBackupsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/point_in_time_recovery.json';
let server: Boltstack;
let ddb: DynamoDBClient;
// 15:07:28.147 UTC, the moment seq 13 was sent.
const ENABLED_AT = Date.UTC(2026, 8, 18, 15, 7, 28, 147);
let now = ENABLED_AT;
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

test(`enabling recovery for one day: both bounds are the whole second it was enabled (${SRC} seq 13-14, 2026-09-18)`, async (t) => {
  const TableName = uniqueTable('pitr');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const second = new Date(Math.floor(ENABLED_AT / 1000) * 1000);
  const expected = {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      EarliestRestorableDateTime: second, LatestRestorableDateTime: second, PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 1,
    },
  };
  const enabled = await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 } }));
  // AWS also answers PointInTimeRecoveryWindowDays: 1, a member the SDKs' model does not have.
  t.deepEqual(enabled.ContinuousBackupsDescription, expected, 'seq 13');
  now += 364;
  t.deepEqual((await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription, expected, 'seq 14');
});
