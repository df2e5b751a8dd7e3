/**
 * ListBackups: the caller's backups in its region, oldest first, optionally of one table (a
 * deleted table's too), created between TimeRangeLowerBound and TimeRangeUpperBound, both
 * inclusive, to the millisecond (native AWS, backup_list_time_precision.json seq 4-8: an upper
 * bound equal to a creation time lists that backup, one 0.9998 ms before it does not, 2026-09-18).
 * A page holds at most Limit; LastEvaluatedBackupArn is given only when more backups match after
 * it (native AWS, radkawar/stackd testdata/aws/dynamodb/backups.json seq 28-35: Limit 1 over two
 * backups gives it on the first page, not on the second; seq 33-34: bounds equal to a creation
 * time both list it, 2026-09-18). boltstack keeps only
 * USER backups: BackupType SYSTEM or AWS_BACKUP lists none (seq 29 lists none for SYSTEM too).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html
 */
import type { BackupSummary, ListBackupsInput, ListBackupsOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, resolveTableName } from '../table-lookup.js';
import { parseBackupArn } from './backup-arn.js';
import { backupSummary } from './backup-shapes.js';
import { backupsOf } from './backup-store.js';

const BACKUP_TYPES = ['USER', 'SYSTEM', 'AWS_BACKUP', 'ALL'];

export const listBackups: DdbHandler<ListBackupsInput, ListBackupsOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  if (input.TableName !== undefined && !isResolvableName(input.TableName, 3)) checkTableName(c, 'tableName', input.TableName);
  c.range('limit', input.Limit, 1, 100);
  c.oneOf('backupType', input.BackupType, BACKUP_TYPES);
  c.length('exclusiveStartBackupArn', input.ExclusiveStartBackupArn, 37, 1024);
  c.check();
  const ref = input.TableName === undefined ? undefined : resolveTableName(ctx, input.TableName);
  const after = input.ExclusiveStartBackupArn === undefined ? undefined : parseBackupArn(ctx, input.ExclusiveStartBackupArn).backupId;
  if (input.BackupType === 'SYSTEM' || input.BackupType === 'AWS_BACKUP') return { BackupSummaries: [] };
  const lower = input.TimeRangeLowerBound?.getTime();
  const upper = input.TimeRangeUpperBound?.getTime();
  const limit = input.Limit ?? Infinity;
  const page: BackupSummary[] = [];
  for await (const b of backupsOf(deps.meta, ref?.account ?? ctx.accountId, ref?.region ?? ctx.region, after)) {
    if (ref !== undefined && b.source.name !== ref.name) continue;
    if ((lower !== undefined && b.created < lower) || (upper !== undefined && b.created > upper)) continue;
    // A further match: the page is full and the last one on it is where the next page starts.
    if (page.length === limit) return { BackupSummaries: page, LastEvaluatedBackupArn: page[page.length - 1]!.BackupArn! };
    page.push(backupSummary(b));
  }
  return { BackupSummaries: page };
};
