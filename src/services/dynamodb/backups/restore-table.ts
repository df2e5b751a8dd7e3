/**
 * RestoreTableFromBackup: a new table as restored-record.ts describes it, with the backup's items
 * and their entries in the indexes it keeps (create-restored-table.ts). The items
 * are written before the table record, so the table is ACTIVE with all of them at the first
 * DescribeTable; the answer is AWS's CREATING one (restoring-answer.ts) with a RestoreSummary
 * naming the backup, its creation time and RestoreInProgress true (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/backups.json seq 40-42, 216, 2026-09-18).
 *
 * Overrides: billing, units, on-demand throughput and the indexes kept (index-overrides.ts) are
 * applied; SSESpecificationOverride and VectorIndexOverride answer NotImplemented (strict gate,
 * docs/feature-gates.md). A backup of another region is refused without SSESpecificationOverride
 * as AWS refuses it (backup_arn_grammar.json seq 22); with one it is NotImplemented.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html
 */
import type { RestoreTableFromBackupInput, RestoreTableFromBackupOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import { unsupported, type DdbHandler } from '../context.js';
import { BILLING_MODES, checkTableName, checkThroughput } from '../table-constraints.js';
import { tableArn } from '../table-record.js';
import { parseBackupArn } from './backup-arn.js';
import { backupErrors } from './backup-errors.js';
import { getBackup } from './backup-store.js';
import { pinItems, unpinItems } from './copy-items.js';
import { createRestoredTable } from './create-restored-table.js';
import { requireBackup } from './describe-backup.js';
import { checkIndexOverrides, keptIndexes } from './index-overrides.js';
import { clearPending, markPending } from './pending-copies.js';
import { restoredRecord } from './restored-record.js';
import { restoringAnswer } from './restoring-answer.js';
import { targetTaken } from './restore-target.js';

const OPERATION = 'RestoreTableFromBackup';

export const restoreTableFromBackup: DdbHandler<RestoreTableFromBackupInput, RestoreTableFromBackupOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkTableName(c, 'targetTableName', input.TargetTableName);
  c.oneOf('billingModeOverride', input.BillingModeOverride, BILLING_MODES);
  checkThroughput(c, 'provisionedThroughputOverride', input.ProvisionedThroughputOverride);
  checkIndexOverrides(c, 'globalSecondaryIndexOverride', input.GlobalSecondaryIndexOverride);
  checkIndexOverrides(c, 'localSecondaryIndexOverride', input.LocalSecondaryIndexOverride);
  if (c.notNull('backupArn', input.BackupArn)) c.length('backupArn', input.BackupArn, 37, 1024);
  c.check();
  const parts = parseBackupArn(ctx, input.BackupArn);
  if (parts.region !== ctx.region && input.SSESpecificationOverride === undefined) throw backupErrors.crossRegionNeedsSse();
  unsupported(deps, ctx, OPERATION, input, ['SSESpecificationOverride', 'VectorIndexOverride']);
  const backup = await requireBackup(deps, ctx, input.BackupArn);
  const kept = keptIndexes(backup.source, input.GlobalSecondaryIndexOverride, input.LocalSecondaryIndexOverride);
  const name = input.TargetTableName;
  return deps.tables.locks.run(`${ctx.accountId}\0${ctx.region}\0${name}`, async () => {
    // A name an import is creating is taken too (restore-target.ts).
    if (targetTaken(deps, ctx.accountId, ctx.region, name)) throw backupErrors.tableAlreadyExists(name);
    const now = deps.now();
    const record = restoredRecord(backup.source, kept, input, { account: ctx.accountId, region: ctx.region, name, id: deps.newId(), now }, deps.newId, { operation: OPERATION, from: 'backup' });
    // As background work: the marker is down before the pending mark (create-backup.ts).
    return deps.work.queue(async () => {
      await markPending(deps.meta, record.id);
      const pinned = await pinItems(deps.meta, backup.copyId);
      // Still there once the snapshot is taken: a DeleteBackup had not written its removal mark
      // (the record goes in the same batch), so the snapshot holds the whole copy.
      if (await getBackup(deps.meta, ctx.accountId, ctx.region, backup.backupId) === undefined) {
        await unpinItems(pinned);
        await clearPending(deps.meta, record.id);
        throw backupErrors.backupNotFound(input.BackupArn);
      }
      await createRestoredTable(deps, pinned, record);
      const summary = { SourceBackupArn: backup.arn, SourceTableArn: tableArn(backup.source), RestoreDateTime: new Date(backup.created), RestoreInProgress: true };
      return { TableDescription: restoringAnswer(record, summary) };
    });
  });
};
