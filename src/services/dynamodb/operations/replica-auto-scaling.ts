/**
 * DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling: replica auto scaling exists
 * only for global tables (version 2019.11.21), and boltstack has no replicas, so every table
 * answers as a regional one does in AWS: ResourceNotFoundException "Global table with name: 'X'
 * does not exist.", after Update's own checks of the request's shape.
 *
 * Sources:
 * - radkawar/stackd testdata/aws/dynamodb/replica_autoscaling_api.json (us-east-1, 2026-09-18):
 *   seq 2 (Describe, missing table), seq 3 and 6 (Update's shape checks on a missing table).
 * - ack-api-quirks DDB-TABLE-187 (a regional table answers as a missing one), DDB-TABLE-253
 *   ('update_missing', 'empty_struct', 'replica_updates_region_only', 'disabled_true_never_enabled'),
 *   DDB-TABLE-241 (which parameters a partial settings update misses, and in what order).
 */
import type {
  DescribeTableReplicaAutoScalingInput, DescribeTableReplicaAutoScalingOutput, GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate as SettingsUpdate,
  UpdateTableReplicaAutoScalingInput, UpdateTableReplicaAutoScalingOutput,
} from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { resolveTableName } from '../table-lookup.js';

const noGlobalTable = (name: string) => ddbErrors.noGlobalTable(name);

export const describeTableReplicaAutoScaling: DdbHandler<DescribeTableReplicaAutoScalingInput, DescribeTableReplicaAutoScalingOutput> = async (_deps, ctx, input) => {
  throw noGlobalTable(resolveTableName(ctx, input.TableName).name);
};

export const updateTableReplicaAutoScaling: DdbHandler<UpdateTableReplicaAutoScalingInput, UpdateTableReplicaAutoScalingOutput> = async (_deps, ctx, input) => {
  const { name } = resolveTableName(ctx, input.TableName);
  refuseNullMembers(input);
  // AWS quotes the name with curly quotes in these messages (and straight ones in the not-found one).
  const failed = `Failed to update settings for global table with name: \u2018${name}\u2019`;
  const replicas = input.ReplicaUpdates ?? [];
  const indexes = input.GlobalSecondaryIndexUpdates ?? [];
  if (!input.ProvisionedWriteCapacityAutoScalingUpdate && indexes.length === 0 && replicas.length === 0) {
    throw ddbErrors.validation(`${failed} because at least one update parameter must be specified.`);
  }
  checkSettings(failed, input.ProvisionedWriteCapacityAutoScalingUpdate);
  for (const index of indexes) checkSettings(failed, index.ProvisionedWriteCapacityAutoScalingUpdate);
  for (const replica of replicas) {
    const replicaIndexes = replica.ReplicaGlobalSecondaryIndexUpdates ?? [];
    if (!replica.ReplicaProvisionedReadCapacityAutoScalingUpdate && replicaIndexes.length === 0) {
      throw ddbErrors.validation(`${failed} because at least one update parameter must be specified for region: \u2018${replica.RegionName}\u2019.`);
    }
    checkSettings(failed, replica.ReplicaProvisionedReadCapacityAutoScalingUpdate);
    for (const index of replicaIndexes) checkSettings(failed, index.ProvisionedReadCapacityAutoScalingUpdate);
  }
  throw noGlobalTable(name);
};

/**
 * A null list member (raw JSON `[null]`) is refused as Coral refuses any null member, before the
 * checks below read it (they threw a TypeError: a 500). AWS's answer is not captured for this
 * operation; the not-null refusal is the one every other DynamoDB member gets.
 */
function refuseNullMembers(input: UpdateTableReplicaAutoScalingInput): void {
  const c = new Constraints();
  input.GlobalSecondaryIndexUpdates?.forEach((u, i) => c.notNull(`globalSecondaryIndexUpdates.${i + 1}.member`, u));
  input.ReplicaUpdates?.forEach((r, i) => {
    if (c.notNull(`replicaUpdates.${i + 1}.member`, r)) {
      r.ReplicaGlobalSecondaryIndexUpdates?.forEach((u, j) => c.notNull(`replicaUpdates.${i + 1}.member.replicaGlobalSecondaryIndexUpdates.${j + 1}.member`, u));
    }
  });
  c.check();
}

/**
 * Anything but a disable replaces the whole setting: it needs MaximumUnits, ScalingPolicyUpdate
 * and MinimumUnits, and the missing ones are named in that order (DDB-TABLE-241, 253).
 */
function checkSettings(failed: string, settings: SettingsUpdate | undefined): void {
  if (!settings || settings.AutoScalingDisabled === true) return;
  const missing = [
    settings.MaximumUnits === undefined ? 'MaximumUnits' : undefined,
    settings.ScalingPolicyUpdate === undefined ? 'ScalingPolicyUpdate' : undefined,
    settings.MinimumUnits === undefined ? 'MinimumUnits' : undefined,
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    throw ddbErrors.validation(`${failed}: Parameters ${missing.map((m) => `'${m}'`).join(', ')} are required unless auto scaling is being disabled.`);
  }
}
