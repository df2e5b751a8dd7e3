/**
 * CreateBackup: an on-demand backup of a table (by name or ARN), a consistent copy of its items
 * as they were when the request arrived (copy-items.ts), kept after the table is deleted. The
 * copy is complete before the answer; the answer still says CREATING, as AWS's does, and
 * DescribeBackup says AVAILABLE from then on (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/backups.json seq 24-27, backup_arn_case.json seq 8-9, 2026-09-18). A
 * missing table is TableNotFoundException "Table not found: <name>" (backups.json seq 2). Two
 * backups may share a name (seq 26).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html
 */
import { randomBytes } from 'node:crypto';
import type { CreateBackupInput, CreateBackupOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints, NAME_PATTERN } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, resolveTableName } from '../table-lookup.js';
import { backupArn, newBackupId } from './backup-arn.js';
import { backupErrors } from './backup-errors.js';
import type { BackupRecord } from './backup-record.js';
import { backupDetails } from './backup-shapes.js';
import { saveBackup } from './backup-store.js';
import { copyItems, pinItems, unpinItems } from './copy-items.js';
import { clearPending, markPending } from './pending-copies.js';

export const createBackup: DdbHandler<CreateBackupInput, CreateBackupOutput> = async (deps, ctx, input) => {
  // The table name and the backup name are reported together, as Coral reports its constraints.
  const c = new Constraints();
  if (!isResolvableName(input.TableName, 3)) checkTableName(c, 'tableName', input.TableName);
  if (c.notNull('backupName', input.BackupName)) c.length('backupName', input.BackupName, 3, 255).pattern('backupName', input.BackupName, NAME_PATTERN);
  c.check();
  const ref = resolveTableName(ctx, input.TableName);
  const table = deps.tables.get(ref.account, ref.region, ref.name);
  if (!table) throw backupErrors.tableNotFound(ref.name);
  const created = deps.now();
  const backupId = newBackupId(created, () => randomBytes(4).toString('hex'));
  const copyId = deps.newId();
  await markPending(deps.meta, copyId);
  // Every write queued before this request is on disk before the copy's iterator opens.
  await deps.items.flush();
  const pinned = await pinItems(deps.meta, table.id);
  // Still there once the snapshot is taken: a DeleteTable had not begun, so its removal has not
  // dropped any item the snapshot holds (the table leaves the catalogue before its removal mark
  // is written: table-store.ts delete).
  if (deps.tables.byId(table.id) === undefined) {
    await unpinItems(pinned);
    await clearPending(deps.meta, copyId);
    throw backupErrors.tableNotFound(ref.name);
  }
  const figures = await copyItems(deps.meta, pinned, copyId);
  const record: BackupRecord = {
    arn: backupArn(table.region, table.account, table.name, backupId), backupId, name: input.BackupName, created, copyId,
    itemCount: figures.count, sizeBytes: figures.bytes, source: table,
  };
  await saveBackup(deps.meta, record);
  return { BackupDetails: backupDetails(record, 'CREATING') };
};
