/**
 * The last steps of a restore, from a backup's copy or from a live table's items alike: the
 * pinned items and their index entries are written (restore-items.ts), then the table record with
 * the restored statistics, then the pending mark the caller set (pending-copies.ts) is cleared.
 */
import type { DdbDeps } from '../context.js';
import type { TableRecord } from '../table-record.js';
import type { PinnedItems } from './copy-items.js';
import { clearPending } from './pending-copies.js';
import { restoreItems } from './restore-items.js';

export async function createRestoredTable(deps: DdbDeps, pinned: PinnedItems, record: TableRecord): Promise<void> {
  const stats = await restoreItems(deps.meta, pinned, record);
  await deps.tables.create(record);
  // create() starts the figures at zero; the restored ones replace them before any writer runs.
  Object.assign(deps.tables.stats(record.id), stats);
  await deps.meta.batch([deps.tables.statsOp(record.id)]);
  await clearPending(deps.meta, record.id);
}
