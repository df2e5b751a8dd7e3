/**
 * Backup records in the MetaStore (keys.ts backupKey). No cache: backups are few and read only by
 * the backup operations, never by item requests. A record is written in the batch that clears
 * its copy's pending mark (pending-copies.ts), so a stored record always has its whole copy; its
 * deletion marks the copy for the background removal in the same batch.
 */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { DDB_NS, backupKey, backupRange, pendingCopyKey, removalKey } from '../keys.js';
import type { BackupRecord } from './backup-record.js';

export async function getBackup(meta: MetaStore, account: string, region: string, backupId: string): Promise<BackupRecord | undefined> {
  const text = await meta.get(DDB_NS, backupKey(account, region, backupId));
  return text === undefined ? undefined : JSON.parse(text) as BackupRecord;
}

/** The backups of one account and region in creation order, from after `afterId` when given. */
export async function* backupsOf(meta: MetaStore, account: string, region: string, afterId?: string): AsyncIterable<BackupRecord> {
  const range = backupRange(account, region);
  const from = afterId === undefined ? range : { gt: backupKey(account, region, afterId), lt: range.lt };
  for await (const [, value] of meta.iterate(DDB_NS, from)) yield JSON.parse(value) as BackupRecord;
}

/** Stores a backup whose copy is complete, clearing the copy's pending mark in the same batch. */
export function saveBackup(meta: MetaStore, b: BackupRecord): Promise<void> {
  return meta.batch([
    { type: 'put', ns: DDB_NS, key: backupKey(b.source.account, b.source.region, b.backupId), value: JSON.stringify(b) },
    { type: 'del', ns: DDB_NS, key: pendingCopyKey(b.copyId) },
  ]);
}

/** Forgets the backup and marks its copy for the background removal, in one batch. */
export function deleteBackupOps(b: BackupRecord): MetaOp[] {
  return [
    { type: 'del', ns: DDB_NS, key: backupKey(b.source.account, b.source.region, b.backupId) },
    { type: 'put', ns: DDB_NS, key: removalKey(b.copyId), value: '' },
  ];
}
