/**
 * Copies of items being written: a backup's copy (create-backup.ts) or a restored table's items
 * (restore-items.ts). Each is marked before its first item is written; the mark goes in the batch
 * that stores the backup record, or once the restored table's record exists. A copy cut short (a
 * stop or kill -9 before CreateBackup or RestoreTableFromBackup answered) is left with its mark:
 * when the service opens, such a copy is handed to the background removal (its items are under
 * the item layout, keys.ts), so nothing half-written is ever seen or kept.
 */
import type { MetaStore } from '../../../storage/meta-store.js';
import { DDB_NS, PENDING_COPY_RANGE, pendingCopyId, pendingCopyKey, removalKey } from '../keys.js';
import type { TableStore } from '../table-store.js';

export const markPending = (meta: MetaStore, copyId: string): Promise<void> => meta.put(DDB_NS, pendingCopyKey(copyId), '');

export const clearPending = (meta: MetaStore, copyId: string): Promise<void> => meta.del(DDB_NS, pendingCopyKey(copyId));

/**
 * At service open, before the background removal resumes: every copy still marked becomes a
 * removal mark, unless it is the items of a table that exists (a restore whose table record was
 * written before its mark was cleared).
 */
export async function dropUnfinishedCopies(meta: MetaStore, tables: TableStore): Promise<void> {
  const marks: string[] = [];
  for await (const [key] of meta.iterate(DDB_NS, PENDING_COPY_RANGE)) marks.push(key);
  for (const key of marks) {
    const id = pendingCopyId(key);
    if (tables.byId(id)) await meta.del(DDB_NS, key);
    else await meta.batch([{ type: 'del', ns: DDB_NS, key }, { type: 'put', ns: DDB_NS, key: removalKey(id), value: '' }]);
  }
}
