/**
 * Global tables version 2017.11.29 (Legacy), as AWS answers them for an account that has none:
 * AWS no longer creates legacy global tables (CreateGlobalTable and UpdateGlobalTable's Create are
 * refused everywhere), so no name ever describes one. boltstack has no replication at all; replica
 * auto scaling is in replica-auto-scaling.ts.
 *
 * Sources:
 * - LEGACY: native AWS, radkawar/stackd testdata/aws/dynamodb/legacy_global_controls.json
 *   (us-east-1, 2026-09-19): seq 2-8, 14-16 and its CloudTrail records of UpdateGlobalTable.
 * - QUIRKS: ack-api-quirks DDB-GLOBALTABLESETTINGS-001 and DDB-GLOBALTABLE-004 (real AWS, verified
 *   2026-10-09): the settings operations' message (without DescribeGlobalTable's "Global table not
 *   found: " prefix), UpdateGlobalTable with no update, ListGlobalTables' empty answer.
 */
import type {
  CreateGlobalTableInput, CreateGlobalTableOutput, DescribeGlobalTableInput, DescribeGlobalTableOutput, DescribeGlobalTableSettingsInput,
  DescribeGlobalTableSettingsOutput, ListGlobalTablesInput, ListGlobalTablesOutput, UpdateGlobalTableInput, UpdateGlobalTableOutput,
  UpdateGlobalTableSettingsInput, UpdateGlobalTableSettingsOutput,
} from '../../../model/generated/dynamodb-types.js';
import type { AwsError } from '../../../errors/aws-error.js';
import { notImplemented } from '../../../errors/common.js';
import { Constraints } from '../constraints.js';
import { type DdbHandler, unsupported as unsupportedMembers } from '../context.js';
import { ddbErrors } from '../errors.js';
import { checkTableName } from '../table-constraints.js';

const notFound = (name: string, prefix: string): AwsError => ddbErrors.globalTableNotFound(name, prefix);

/** LEGACY seq 5-8, 15-16 and the CloudTrail UpdateGlobalTable Create records. */
const unsupported = (): AwsError => ddbErrors.invalidParameter(
  'DynamoDB global tables version 2017.11.29 is not supported. We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy).');

/** The RegionName enum as AWS printed it for UpdateGlobalTable (LEGACY CloudTrail, 00:37:50Z), in its order. */
const REGIONS = ['ap-east-2', 'sa-east-1', 'us-gov-west-1', 'ca-west-1', 'us-west-1', 'us-isob-east-1', 'us-west-2', 'me-central-1', 'cn-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'af-south-1', 'ca-central-1', 'ap-northeast-3', 'us-iso-west-1', 'eu-north-1', 'il-central-1', 'us-gov-east-1',
  'ap-southeast-1', 'us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-west-2', 'us-east-2', 'ap-southeast-3', 'eu-west-3', 'ap-southeast-4', 'ap-south-1',
  'eu-south-1', 'ap-southeast-5', 'ap-south-2', 'us-isob-west-1', 'us-isof-south-1', 'eu-south-2', 'ap-southeast-6', 'cn-northwest-1', 'ap-southeast-7',
  'mx-central-1', 'us-northeast-1', 'us-iso-east-1', 'eu-central-1', 'me-south-1', 'eu-central-2', 'us-isof-east-1', 'ap-east-1'];

function checkGlobalName(name: string | undefined): void {
  const c = new Constraints();
  checkTableName(c, 'globalTableName', name);
  c.check();
}

/** Nothing to list: no legacy global table can exist (LEGACY, ListGlobalTables after seq 2-16). */
export const listGlobalTables: DdbHandler<ListGlobalTablesInput, ListGlobalTablesOutput> = async (_deps, _ctx, input) => {
  const c = new Constraints();
  c.range('limit', input.Limit, 1);
  if (input.ExclusiveStartGlobalTableName !== undefined) checkTableName(c, 'exclusiveStartGlobalTableName', input.ExclusiveStartGlobalTableName);
  c.check();
  return { GlobalTables: [] };
};

/** LEGACY seq 2 (no table of that name) and seq 14 (a regional table of that name). */
export const describeGlobalTable: DdbHandler<DescribeGlobalTableInput, DescribeGlobalTableOutput> = async (_deps, _ctx, input) => {
  checkGlobalName(input.GlobalTableName);
  throw notFound(input.GlobalTableName, 'Global table not found: ');
};

/** QUIRKS DDB-GLOBALTABLESETTINGS-001: a regional table, a missing name and a 2019.11.21 global table all answer so. */
export const describeGlobalTableSettings: DdbHandler<DescribeGlobalTableSettingsInput, DescribeGlobalTableSettingsOutput> = async (_deps, _ctx, input) => {
  checkGlobalName(input.GlobalTableName);
  throw notFound(input.GlobalTableName, '');
};

/**
 * QUIRKS DDB-GLOBALTABLESETTINGS-001 / DDB-GLOBALTABLE-004: with GlobalTableBillingMode or
 * ReplicaSettingsUpdate, the settings' not-found answer. AWS's answer to the other shapes is not
 * captured, so they are NotImplemented in strict mode (and answered so in loose mode).
 */
export const updateGlobalTableSettings: DdbHandler<UpdateGlobalTableSettingsInput, UpdateGlobalTableSettingsOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkTableName(c, 'globalTableName', input.GlobalTableName);
  c.oneOf('globalTableBillingMode', input.GlobalTableBillingMode, ['PROVISIONED', 'PAY_PER_REQUEST']);
  c.check();
  if (input.GlobalTableBillingMode === undefined && input.ReplicaSettingsUpdate === undefined) {
    const others = ['GlobalTableProvisionedWriteCapacityUnits', 'GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate', 'GlobalTableGlobalSecondaryIndexSettingsUpdate'];
    unsupportedMembers(deps, ctx, 'UpdateGlobalTableSettings', input, others);
    if (!others.some((m) => (input as unknown as Record<string, unknown>)[m] !== undefined)) {
      throw notImplemented('DynamoDB', 'UpdateGlobalTableSettings', 'a request without any setting');
    }
  }
  throw notFound(input.GlobalTableName, '');
};

/** LEGACY seq 4 (no replica) before seq 5-8, 15-16 (any replica group: version not supported). */
export const createGlobalTable: DdbHandler<CreateGlobalTableInput, CreateGlobalTableOutput> = async (_deps, _ctx, input) => {
  const c = new Constraints();
  checkTableName(c, 'globalTableName', input.GlobalTableName);
  c.notNull('replicationGroup', input.ReplicationGroup);
  c.check();
  if (input.ReplicationGroup.length === 0) throw ddbErrors.invalidParameter('Global table must have atleast one replica');
  throw unsupported();
};

/**
 * One update holding both actions is refused first; then a Create's region must be known, and
 * any Create is the unsupported version; removals alone find no global table (LEGACY seq 3 and
 * its CloudTrail records of 00:37:45-00:40:05Z).
 */
export const updateGlobalTable: DdbHandler<UpdateGlobalTableInput, UpdateGlobalTableOutput> = async (_deps, _ctx, input) => {
  const c = new Constraints();
  checkTableName(c, 'globalTableName', input.GlobalTableName);
  if (c.notNull('replicaUpdates', input.ReplicaUpdates)) {
    input.ReplicaUpdates.forEach((u, i) => {
      // A null member (raw JSON `[null]`): Coral's not-null refusal, not a TypeError (a 500).
      if (!c.notNull(`replicaUpdates.${i + 1}.member`, u)) return;
      if (u.Create) c.notNull(`replicaUpdates.${i + 1}.member.create.regionName`, u.Create.RegionName);
      if (u.Delete) c.notNull(`replicaUpdates.${i + 1}.member.delete.regionName`, u.Delete.RegionName);
    });
  }
  c.check();
  // QUIRKS DDB-GLOBALTABLE-004: "One or more parameter values were invalid" with no detail.
  if (input.ReplicaUpdates.length === 0) throw ddbErrors.validation('One or more parameter values were invalid');
  if (input.ReplicaUpdates.some((u) => u.Create && u.Delete)) {
    throw ddbErrors.invalidParameter('A ReplicaUpdate structure cannot contain both a create replica action and a delete replica action');
  }
  const creates = input.ReplicaUpdates.filter((u) => u.Create).map((u) => u.Create!.RegionName);
  const unknown = creates.findIndex((region) => !REGIONS.includes(region));
  if (unknown >= 0) {
    throw ddbErrors.invalidParameter(`1 validation error detected: Value '${creates[unknown]}' at 'replicasToAdd.${unknown + 1}.member.regionName' failed to satisfy constraint: Member must satisfy enum value set: [${REGIONS.join(', ')}]`);
  }
  if (creates.length > 0) throw unsupported();
  throw notFound(input.GlobalTableName, 'Global table not found: ');
};
