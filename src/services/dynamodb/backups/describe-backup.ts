/**
 * DescribeBackup and DeleteBackup. An ARN is judged as AWS judges it (backup-arn.ts), then looked
 * up in the region the request was sent to, by its table name and backup id as written: the
 * region the ARN names plays no part, and the answer repeats the ARN as given (native AWS,
 * radkawar/stackd testdata/aws/dynamodb/backup_delete_regions.json seq 26: a us-east-1 backup's
 * ARN sent to us-west-2 is BackupNotFoundException; seq 28: its ARN with us-west-2 in it sent to
 * us-east-1 deletes it, answering that ARN, 2026-09-18). DeleteBackup answers the backup's description with BackupStatus DELETED; the
 * backup is gone at once (BackupNotFoundException after it) and its copy is dropped in the
 * background (native AWS, radkawar/stackd testdata/aws/dynamodb/backup_arn_case.json seq 19-20,
 * 2026-09-18).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeBackup.html
 */
import type { DeleteBackupInput, DeleteBackupOutput, DescribeBackupInput, DescribeBackupOutput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { Constraints } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import { parseBackupArn } from './backup-arn.js';
import { backupErrors } from './backup-errors.js';
import type { BackupRecord } from './backup-record.js';
import { backupDescription } from './backup-shapes.js';
import { deleteBackupOps, getBackup } from './backup-store.js';

/** The backup an ARN names, or the error AWS answers (BackupArn: 37 to 1024 characters in the model). */
export async function requireBackup(deps: DdbDeps, ctx: RequestContext, arn: string | undefined): Promise<BackupRecord> {
  const c = new Constraints();
  if (c.notNull('backupArn', arn)) c.length('backupArn', arn, 37, 1024);
  c.check();
  const parts = parseBackupArn(ctx, arn!);
  const found = await getBackup(deps.meta, ctx.accountId, ctx.region, parts.backupId);
  if (!found || found.source.name !== parts.table) throw backupErrors.backupNotFound(arn!);
  return found;
}

export const describeBackup: DdbHandler<DescribeBackupInput, DescribeBackupOutput> = async (deps, ctx, input) => {
  return { BackupDescription: backupDescription(await requireBackup(deps, ctx, input.BackupArn), 'AVAILABLE', input.BackupArn) };
};

export const deleteBackup: DdbHandler<DeleteBackupInput, DeleteBackupOutput> = async (deps, ctx, input) => {
  const backup = await requireBackup(deps, ctx, input.BackupArn);
  // The background-work marker first, so a kill -9 after the delete still drops the copy at start.
  await deps.work.queue(async () => {
    await deps.meta.batch(deleteBackupOps(backup));
    deps.removal.kick();
  });
  return { BackupDescription: backupDescription(backup, 'DELETED', input.BackupArn) };
};
