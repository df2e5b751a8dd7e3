/**
 * Point-in-time recovery settings as native AWS DynamoDB answered them in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/point_in_time_recovery.json, calls of 2026-09-18). Restores are not
 * implemented (NotImplemented); only the settings' answers are pinned.
 */
import test from 'ava';
import { DescribeContinuousBackupsCommand, UpdateContinuousBackupsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

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

// radkawar/stackd testdata/aws/dynamodb/continuous_backup_controls.json (AWS us-east-1,
// 2026-09-18): a missing table, a fresh table's defaults, a disable that changes nothing, and an
// enable without RecoveryPeriodInDays (35 days).
const CONTROLS = 'radkawar/stackd testdata/aws/dynamodb/continuous_backup_controls.json';
test.serial(`a missing table; the defaults; disabling when disabled; enabling with the default period (${CONTROLS} seq 2-3, 11-13)`, async (t) => {
  const missing = 'pitr-controls-missing';
  for (const [seq, op, body] of [
    ['seq 2', 'DescribeContinuousBackups', { TableName: missing }],
    ['seq 3', 'UpdateContinuousBackups', { TableName: missing, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
  ] as const) {
    const r = await rawCall(server.endpoint, op, body);
    t.deepEqual([r.status, r.body.__type, r.body.message ?? r.body.Message], [400, 'com.amazonaws.dynamodb.v20120810#TableNotFoundException', `Table not found: ${missing}`], seq);
  }
  const TableName = uniqueTable('pitrcontrols');
  // seq 13 was sent at 15:06:35.794 and answered 15:06:36 for both bounds: the second AWS took as
  // "now" (rounded, or its own later clock; point_in_time_recovery.json's 15:07:28.147 gave 28).
  // boltstack floors its clock, so the clock here is that second.
  now = 1789743996000;
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const off = { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  t.deepEqual((await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription, off, 'seq 11');
  t.deepEqual((await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }))).ContinuousBackupsDescription, off, 'seq 12');
  const second = new Date(1789743996000);
  t.deepEqual((await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }))).ContinuousBackupsDescription, {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: { EarliestRestorableDateTime: second, LatestRestorableDateTime: second, PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35 },
  }, 'seq 13 (AWS also answers PointInTimeRecoveryWindowDays: 35, not in the SDKs\' model)');
  now = ENABLED_AT;
});

test.serial(`retention changes keep the restorable bounds; re-enabling after a disable moves them (${CONTROLS} seq 13-25, 36-42)`, async (t) => {
  const TableName = uniqueTable('pitrperiods');
  now = 1789743996000;
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const enabled = (second: number, RecoveryPeriodInDays: number) => ({
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: { EarliestRestorableDateTime: new Date(second), LatestRestorableDateTime: new Date(second), PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays },
  });
  const off = { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  const update = async (at: number, spec: { PointInTimeRecoveryEnabled: boolean; RecoveryPeriodInDays?: number }) => {
    now = at;
    return (await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: spec }))).ContinuousBackupsDescription;
  };
  // Each answer as AWS gave it (its PointInTimeRecoveryWindowDays, equal to the period, is outside the SDKs' model).
  t.deepEqual(await update(1789743996000, { PointInTimeRecoveryEnabled: true }), enabled(1789743996000, 35), 'seq 13');
  t.deepEqual(await update(1789744008562, { PointInTimeRecoveryEnabled: true }), enabled(1789743996000, 35), 'seq 15: enabled again, nothing moves');
  t.deepEqual(await update(1789744009327, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 }), enabled(1789743996000, 35), 'seq 17');
  t.deepEqual(await update(1789744010061, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 }), enabled(1789743996000, 1), 'seq 19');
  t.deepEqual(await update(1789744010785, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 }), enabled(1789743996000, 7), 'seq 21');
  t.deepEqual(await update(1789744011549, { PointInTimeRecoveryEnabled: true }), enabled(1789743996000, 7), 'seq 23: an omitted period keeps 7');
  now = 1789744022354;
  t.deepEqual((await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription, enabled(1789743996000, 7), 'seq 25');
  t.deepEqual(await update(1789744026104, { PointInTimeRecoveryEnabled: false }), off, 'seq 36');
  t.deepEqual(await update(1789744026821, { PointInTimeRecoveryEnabled: false }), off, 'seq 38');
  t.deepEqual(await update(1789744035543, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 3 }), enabled(1789744035000, 3), 'seq 40: the second it was enabled again');
  now = 1789744044249;
  t.deepEqual((await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription, enabled(1789744035000, 3), 'seq 42: 9 s later, the same bounds');
  now = ENABLED_AT;
});
