/**
 * Legacy global tables (2017.11.29) and replica auto scaling, as AWS answers them in an account
 * without a global table. Sources, named beside each row:
 * - LEGACY: native AWS, radkawar/stackd testdata/aws/dynamodb/legacy_global_controls.json
 *   (us-east-1, 2026-09-19): calls and the CloudTrail records of UpdateGlobalTable.
 * - AUTOSCALING: radkawar/stackd testdata/aws/dynamodb/replica_autoscaling_api.json (2026-09-18).
 * - QUIRKS: the ack-api-quirks DynamoDB findings (generated 2026-10-09 from probes of real AWS).
 * The captures' names and account are used as they are, so messages compare whole.
 */
import test from 'ava';
import { ListGlobalTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, rawCall } from './helpers.js';

const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';
const NAME = 'stackd-ddb-legacy-ctl-20260919003610-5ce231-primary';
const UNSUPPORTED = 'One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy).';
const NOT_FOUND = [400, `${PREFIX}GlobalTableNotFoundException`, `Global table not found: Global table with name: '${NAME}' does not exist.`];

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function answer(operation: string, body: unknown): Promise<unknown[]> {
  const r = await rawCall(server.endpoint, operation, body);
  return r.status === 200 ? [200, r.body] : [r.status, r.body.__type, r.body.message ?? r.body.Message];
}

test.serial('no global table to list or describe (LEGACY seq 2, 14; QUIRKS DDB-GLOBALTABLESETTINGS-001)', async (t) => {
  t.deepEqual(await answer('DescribeGlobalTable', { GlobalTableName: NAME }), NOT_FOUND, 'LEGACY seq 2: no table of that name');
  await createKeyedTable(ddb, NAME, [['pk', 'S']]);
  t.deepEqual(await answer('DescribeGlobalTable', { GlobalTableName: NAME }), NOT_FOUND, 'LEGACY seq 14: a regional table is no global table');
  t.deepEqual((await ddb.send(new ListGlobalTablesCommand({}))).GlobalTables, [], 'LEGACY: ListGlobalTables');
  t.deepEqual(await answer('DescribeGlobalTableSettings', { GlobalTableName: NAME }),
    [400, `${PREFIX}GlobalTableNotFoundException`, `Global table with name: '${NAME}' does not exist.`], 'QUIRKS DDB-GLOBALTABLESETTINGS-001');
});

test.serial('UpdateGlobalTableSettings finds no global table (QUIRKS DDB-GLOBALTABLESETTINGS-001, DDB-GLOBALTABLE-004)', async (t) => {
  const settingsNotFound = [400, `${PREFIX}GlobalTableNotFoundException`, `Global table with name: '${NAME}' does not exist.`];
  t.deepEqual(await answer('UpdateGlobalTableSettings', { GlobalTableName: NAME, GlobalTableBillingMode: 'PAY_PER_REQUEST' }), settingsNotFound, 'GlobalTableBillingMode');
  t.deepEqual(await answer('UpdateGlobalTableSettings', { GlobalTableName: NAME, ReplicaSettingsUpdate: [{ RegionName: 'us-east-1', ReplicaProvisionedReadCapacityUnits: 5 }] }),
    settingsNotFound, 'ReplicaSettingsUpdate');
  t.deepEqual((await answer('UpdateGlobalTableSettings', { GlobalTableName: NAME, GlobalTableProvisionedWriteCapacityUnits: 5 })).slice(0, 1), [501],
    'a shape whose answer is not captured: NotImplemented in strict mode');
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [] }),
    [400, VALIDATION, 'One or more parameter values were invalid'], 'DDB-GLOBALTABLE-004: ReplicaUpdates=[]');
  t.deepEqual(await answer('ListGlobalTables', { RegionName: 'us-east-1', Limit: 1 }), [200, { GlobalTables: [] }], 'DDB-GLOBALTABLE-004: no LastEvaluatedGlobalTableName');
});

test.serial('CreateGlobalTable is refused (LEGACY seq 4-8, 15-16)', async (t) => {
  t.deepEqual(await answer('CreateGlobalTable', { GlobalTableName: NAME, ReplicationGroup: [] }),
    [400, VALIDATION, 'One or more parameter values were invalid: Global table must have atleast one replica'], 'seq 4');
  for (const [seq, ReplicationGroup] of [[5, [{ RegionName: 'us-east-1' }]], [6, [{ RegionName: 'us-east-2' }]], [7, [{ RegionName: 'us-east-1' }, { RegionName: 'us-east-1' }]],
    [16, [{ RegionName: 'us-east-1' }, { RegionName: 'us-east-2' }]]] as const) {
    t.deepEqual(await answer('CreateGlobalTable', { GlobalTableName: NAME, ReplicationGroup }), [400, VALIDATION, UNSUPPORTED], `seq ${seq}`);
  }
});

test.serial('UpdateGlobalTable: adding is refused, removing finds nothing (LEGACY seq 3 and CloudTrail 00:37:45-00:40:05Z)', async (t) => {
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Create: { RegionName: 'us-east-2' } }] }), [400, VALIDATION, UNSUPPORTED], 'seq 3');
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Delete: { RegionName: 'us-east-2' } }, { Create: { RegionName: 'us-west-2' } }] }),
    [400, VALIDATION, UNSUPPORTED], '00:40:05Z: a Create among removals');
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Delete: { RegionName: 'us-east-2' } }] }), NOT_FOUND, '00:37:46Z');
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Delete: { RegionName: 'us-east-2' } }, { Delete: { RegionName: 'us-east-2' } }] }), NOT_FOUND, '00:40:03Z');
  t.deepEqual(await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Create: { RegionName: 'us-east-2' }, Delete: { RegionName: 'us-east-1' } }] }),
    [400, VALIDATION, 'One or more parameter values were invalid: A ReplicaUpdate structure cannot contain both a create replica action and a delete replica action'], '00:37:45Z');
  const bad = await answer('UpdateGlobalTable', { GlobalTableName: NAME, ReplicaUpdates: [{ Create: { RegionName: 'bad-region' } }] });
  t.deepEqual(bad.slice(0, 2), [400, VALIDATION], '00:37:50Z');
  t.true(String(bad[2]).startsWith("One or more parameter values were invalid: 1 validation error detected: Value 'bad-region' at 'replicasToAdd.1.member.regionName' failed to satisfy constraint: Member must satisfy enum value set: [ap-east-2, sa-east-1, us-gov-west-1, "), '00:37:50Z');
  t.true(String(bad[2]).endsWith(', eu-central-2, us-isof-east-1, ap-east-1]'), '00:37:50Z');
});

test.serial('a table without replicas has no replica auto scaling (AUTOSCALING seq 2; QUIRKS DDB-TABLE-187)', async (t) => {
  const absent = 'stackd-ddb-replica-as-20260918224339-d25a37-absent';
  t.deepEqual(await answer('DescribeTableReplicaAutoScaling', { TableName: absent }),
    [400, `${PREFIX}ResourceNotFoundException`, `Global table with name: '${absent}' does not exist.`], 'AUTOSCALING seq 2');
  t.deepEqual(await answer('DescribeTableReplicaAutoScaling', { TableName: NAME }),
    [400, `${PREFIX}ResourceNotFoundException`, `Global table with name: '${NAME}' does not exist.`], 'QUIRKS DDB-TABLE-187: a regional table');
});

test.serial('UpdateTableReplicaAutoScaling checks the request, then finds no global table (AUTOSCALING seq 3, 6; QUIRKS DDB-TABLE-187, 241, 253)', async (t) => {
  const absent = 'stackd-ddb-replica-as-20260918224339-d25a37-absent';
  const failed = `Failed to update settings for global table with name: \u2018${absent}\u2019`;
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: absent }),
    [400, VALIDATION, `${failed} because at least one update parameter must be specified.`], 'AUTOSCALING seq 3');
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: absent, ProvisionedWriteCapacityAutoScalingUpdate: { MinimumUnits: 2, MaximumUnits: 6 } }),
    [400, VALIDATION, `${failed}: Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled.`], 'AUTOSCALING seq 6');
  const policy = { TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } };
  const partial = (settings: Record<string, unknown>) => answer('UpdateTableReplicaAutoScaling', { TableName: absent, ProvisionedWriteCapacityAutoScalingUpdate: settings });
  t.deepEqual(await partial({ ScalingPolicyUpdate: policy }),
    [400, VALIDATION, `${failed}: Parameters 'MaximumUnits', 'MinimumUnits' are required unless auto scaling is being disabled.`], 'DDB-TABLE-241 policy only');
  t.deepEqual(await partial({ MinimumUnits: 1, ScalingPolicyUpdate: policy }),
    [400, VALIDATION, `${failed}: Parameters 'MaximumUnits' are required unless auto scaling is being disabled.`], 'DDB-TABLE-241 min only with policy');
  t.deepEqual(await partial({ MaximumUnits: 5, ScalingPolicyUpdate: policy }),
    [400, VALIDATION, `${failed}: Parameters 'MinimumUnits' are required unless auto scaling is being disabled.`], 'DDB-TABLE-241 max only with policy');
  t.deepEqual(await partial({}),
    [400, VALIDATION, `${failed}: Parameters 'MaximumUnits', 'ScalingPolicyUpdate', 'MinimumUnits' are required unless auto scaling is being disabled.`], 'DDB-TABLE-253 empty_struct');
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: absent, ReplicaUpdates: [{ RegionName: 'us-west-2' }] }),
    [400, VALIDATION, `${failed} because at least one update parameter must be specified for region: \u2018us-west-2\u2019.`], 'DDB-TABLE-253 replica_updates_region_only');
  const rnf = (name: string) => [400, `${PREFIX}ResourceNotFoundException`, `Global table with name: '${name}' does not exist.`];
  t.deepEqual(await partial({ MinimumUnits: 1, MaximumUnits: 5, ScalingPolicyUpdate: policy }), rnf(absent), 'DDB-TABLE-253 update_missing');
  t.deepEqual(await partial({ AutoScalingDisabled: true }), rnf(absent), 'DDB-TABLE-253: a disable needs nothing else');
  t.deepEqual(await answer('UpdateTableReplicaAutoScaling', { TableName: NAME, ProvisionedWriteCapacityAutoScalingUpdate: { MinimumUnits: 1, MaximumUnits: 5, ScalingPolicyUpdate: policy } }),
    rnf(NAME), 'DDB-TABLE-187: a regional table');
});
