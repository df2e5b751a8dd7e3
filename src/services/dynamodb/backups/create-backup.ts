/**
 * CreateBackup: an on-demand backup of a table (by name or ARN), a consistent copy of its items
 * as they were when the request arrived (copy-items.ts), kept after the table is deleted. The
 * copy is complete before the answer; the answer still says CREATING, as AWS's does, and
 * DescribeBackup says AVAILABLE from then on (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/backups.json seq 24-27, backup_arn_case.json seq 8-9, 2026-09-18). A
 * missing table is TableNotFoundException "Table not found: <name>" (backups.json seq 2). Two
 * backups may share a name (seq 26). A table an import is still creating has no backups yet
 * (ContinuousBackupsUnavailableException: ack-api-quirks DDB-IMPORT-001, 2026-10-09).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html
 */
import { randomBytes } from 'node:crypto';
import type { CreateBackupInput, CreateBackupOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints, NAME_PATTERN } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import type { TableRecord } from '../table-record.js';
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
  if (!table) {
    if (deps.tables.creating(ref.account, ref.region, ref.name)) throw backupErrors.backupsNotReady(ref.name);
    throw backupErrors.tableNotFound(ref.name);
  }
  // As background work (background-work.ts): the marker is down before the pending mark, so a
  // copy a kill -9 cuts short is dropped when the server next starts, not at the first request.
  return deps.work.queue(() => copy(deps, table, input.BackupName));
};

async function copy(deps: DdbDeps, table: TableRecord, name: string): Promise<CreateBackupOutput> {
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
    throw backupErrors.tableNotFound(table.name);
  }
  const figures = await copyItems(deps.meta, pinned, copyId);
  const record: BackupRecord = {
    arn: backupArn(table.region, table.account, table.name, backupId), backupId, name, created, copyId,
    itemCount: figures.count, sizeBytes: figures.bytes, source: table,
  };
  await saveBackup(deps.meta, record);
  return { BackupDetails: backupDetails(record, 'CREATING') };
}
