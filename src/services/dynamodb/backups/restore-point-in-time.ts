/**
 * RestoreTableToPointInTime, for what boltstack can restore exactly. It keeps no item history, so
 * only `UseLatestRestorableTime: true` restores: the source table's items as they are now, into a
 * new table built as a backup's restore builds it (restored-record.ts, create-restored-table.ts),
 * with the same overrides. The answer is AWS's CREATING one (restoring-answer.ts) with a
 * RestoreSummary naming the source table and the latest restorable time, without
 * SourceBackupArn (native AWS, radkawar/stackd testdata/aws/dynamodb/point_in_time_recovery.json
 * seq 50-51, 2026-09-18). A RestoreDateTime inside the window answers NotImplemented: the state
 * at that time is not kept, and a restore of another state would be wrong silently.
 *
 * Checked as AWS checks (point_in_time_recovery.json seq 45-49): exactly one of RestoreDateTime
 * and UseLatestRestorableTime true, the source's point-in-time recovery enabled, a
 * RestoreDateTime inside the window DescribeContinuousBackups reports (pitr-window.ts). Neither
 * or both of SourceTableName and SourceTableArn, and a SourceTableArn that is no table ARN, answer
 * NotImplemented: what AWS answers is not captured.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html
 */
import type { RestoreTableToPointInTimeInput, RestoreTableToPointInTimeOutput } from '../../../model/generated/dynamodb-types.js';
import { notImplemented } from '../../../errors/common.js';
import type { RequestContext } from '../../types.js';
import { Constraints, NAME_PATTERN } from '../constraints.js';
import { unsupported, type DdbDeps, type DdbHandler } from '../context.js';
import { restorableWindow } from '../pitr-window.js';
import { BILLING_MODES, checkTableName, checkThroughput } from '../table-constraints.js';
import { resolveTableName, type TableRef } from '../table-lookup.js';
import { tableArn, type TableRecord } from '../table-record.js';
import { backupErrors } from './backup-errors.js';
import { pinItems, unpinItems } from './copy-items.js';
import { createRestoredTable } from './create-restored-table.js';
import { checkIndexOverrides, keptIndexes } from './index-overrides.js';
import { clearPending, markPending } from './pending-copies.js';
import { restoredRecord } from './restored-record.js';
import { restoringAnswer } from './restoring-answer.js';
import { targetTaken } from './restore-target.js';

const OPERATION = 'RestoreTableToPointInTime';
const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:[^:]*:\d{12}:table\/[a-zA-Z0-9_.-]{3,255}$/;

export const restoreTableToPointInTime: DdbHandler<RestoreTableToPointInTimeInput, RestoreTableToPointInTimeOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  // SourceTableName is the model's TableName shape (3-255, the name pattern; ARNs go in
  // SourceTableArn), checked with the other members before any rule of the restore: 'abc;def'
  // answered "Either one of RestoreDateTime or UseLatestRestorableTime ..." first.
  if (input.SourceTableName !== undefined) c.length('sourceTableName', input.SourceTableName, 3, 255).pattern('sourceTableName', input.SourceTableName, NAME_PATTERN);
  checkTableName(c, 'targetTableName', input.TargetTableName);
  c.oneOf('billingModeOverride', input.BillingModeOverride, BILLING_MODES);
  checkThroughput(c, 'provisionedThroughputOverride', input.ProvisionedThroughputOverride);
  checkIndexOverrides(c, 'globalSecondaryIndexOverride', input.GlobalSecondaryIndexOverride);
  checkIndexOverrides(c, 'localSecondaryIndexOverride', input.LocalSecondaryIndexOverride);
  c.check();
  const latest = input.UseLatestRestorableTime === true;
  if (latest && input.RestoreDateTime !== undefined) throw backupErrors.restoreTimeTwice();
  if (!latest && input.RestoreDateTime === undefined) throw backupErrors.restoreTimeMissing();
  unsupported(deps, ctx, OPERATION, input, ['SSESpecificationOverride', 'VectorIndexOverride']);
  const ref = sourceRef(ctx, input);
  const source = requireSource(deps, ref);
  const window = restorableWindow(source, deps.now());
  if (!window) throw backupErrors.pitrUnavailable();
  if (!latest) {
    const time = input.RestoreDateTime!.getTime();
    if (time < window.earliest || time > window.latest) throw backupErrors.invalidRestoreTime(time, window.earliest, window.latest, source.name);
    // Inside the window: the items as they were then are not kept (docs/dynamodb.md, Backups).
    throw notImplemented('DynamoDB', OPERATION, 'the parameter RestoreDateTime');
  }
  const kept = keptIndexes(source, input.GlobalSecondaryIndexOverride, input.LocalSecondaryIndexOverride);
  const name = input.TargetTableName;
  return deps.tables.locks.run(`${ctx.accountId}\0${ctx.region}\0${name}`, async () => {
    // A name an import is creating is taken too (restore-target.ts).
    if (targetTaken(deps, ctx.accountId, ctx.region, name)) throw backupErrors.tableAlreadyExists(name);
    const now = deps.now();
    const record = restoredRecord(source, kept, input, { account: ctx.accountId, region: ctx.region, name, id: deps.newId(), now }, deps.newId, { operation: OPERATION, from: 'source table' });
    // As background work: the marker is down before the pending mark (create-backup.ts).
    return deps.work.queue(async () => {
      await markPending(deps.meta, record.id);
      const pinned = await pinItems(deps.meta, source.id);
      // Still there once the snapshot is taken: a DeleteTable had not yet handed its items to the
      // background removal, so the snapshot holds them all.
      if (deps.tables.byId(source.id) === undefined) {
        await unpinItems(pinned);
        await clearPending(deps.meta, record.id);
        throw backupErrors.tableNotFound(source.name);
      }
      await createRestoredTable(deps, pinned, record);
      const restoredAt = restorableWindow(source, now)?.latest ?? now;
      return { TableDescription: restoringAnswer(record, { SourceTableArn: tableArn(source), RestoreDateTime: new Date(restoredAt), RestoreInProgress: true }) };
    });
  });
};

function sourceRef(ctx: RequestContext, input: RestoreTableToPointInTimeInput): TableRef {
  const { SourceTableName: byName, SourceTableArn: byArn } = input;
  if ((byName === undefined) === (byArn === undefined)) {
    throw notImplemented('DynamoDB', OPERATION, `${byName === undefined ? 'neither' : 'both'} of SourceTableName and SourceTableArn (what AWS answers is not captured)`);
  }
  if (byArn !== undefined && !TABLE_ARN.test(byArn)) throw notImplemented('DynamoDB', OPERATION, 'a SourceTableArn that is not a table ARN (what AWS answers is not captured)');
  return resolveTableName(ctx, (byName ?? byArn)!, 3, { path: byName !== undefined ? 'sourceTableName' : 'sourceTableArn' });
}

function requireSource(deps: DdbDeps, ref: TableRef): TableRecord {
  const found = deps.tables.get(ref.account, ref.region, ref.name);
  // Not captured for this operation: DescribeContinuousBackups' answer for a missing table
  // (continuous_backup_controls.json seq 2), the message the backup operations share.
  if (!found) throw backupErrors.tableNotFound(ref.name);
  return found;
}
