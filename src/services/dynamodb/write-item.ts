/**
 * One item replaced under its lock: read the current item, let the caller decide the new one
 * (or refuse, e.g. a failed condition), then queue the item, its index entries and the table
 * statistics as one atomic change (item-store.ts). The lock is released once the change is
 * queued, so the next writer of the item overlaps this one's disk write; the answer waits until
 * the change is durable. Returns both versions and what the write consumed.
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { emptyConsumption, writeConsumption, type Consumption } from './capacity.js';
import type { DdbDeps } from './context.js';
import { ddbErrors } from './errors.js';
import { parseItem } from './item-codec.js';
import { withLocks } from './transactions/lock-all.js';
import type { TableRecord } from './table-record.js';
import type { Item } from './values/index.js';

export interface WriteResult { old: Item | undefined; next: Item | undefined; consumption: Consumption }

/** Capacity is computed only when the request asks for it (it walks the item and its index entries). */
export const wantsCapacity = (mode: string | undefined): boolean => mode === 'TOTAL' || mode === 'INDEXES';

export async function writeItem(
  deps: DdbDeps, table: TableRecord, encodedKey: string,
  decide: (old: Item | undefined) => Item | undefined,
  extraOps: (old: Item | undefined, next: Item | undefined) => MetaOp[] = () => [],
  capacity = true,
): Promise<WriteResult> {
  // Refused while a transaction holds the item; else ongoing until durable (transactions/ongoing-writes.ts).
  const release = deps.ongoing.beginItemWrite(`${table.id}\0${encodedKey}`);
  try {
    return await writeItemNow(deps, table, encodedKey, decide, extraOps, capacity);
  } finally {
    release();
  }
}

async function writeItemNow(
  deps: DdbDeps, table: TableRecord, encodedKey: string,
  decide: (old: Item | undefined) => Item | undefined,
  extraOps: (old: Item | undefined, next: Item | undefined) => MetaOp[],
  capacity: boolean,
): Promise<WriteResult> {
  let durable: Promise<void> | undefined;
  const result = await deps.items.withItem(table, encodedKey, async (): Promise<WriteResult> => {
    // The record as it is now: a GSI added meanwhile is maintained by this write (gsi-backfill.ts).
    const current = deps.tables.byId(table.id);
    if (!current) throw ddbErrors.resourceNotFound();
    table = current;
    const old = await deps.items.read(table, encodedKey);
    const next = decide(old);
    const consumption = capacity ? writeConsumption(table, encodedKey, old, next) : emptyConsumption();
    if (old === undefined && next === undefined) return { old, next, consumption };
    const ops = deps.items.changeOps(table, encodedKey, old, next);
    ops.push(...extraOps(old, next));
    durable = deps.items.commit(table, ops);
    return { old, next, consumption };
  });
  await durable;
  return result;
}

export interface PlannedWrite { encodedKey: string; next: Item | undefined }

/**
 * Several items of one table replaced together (BatchWriteItem): their locks taken in one order,
 * the current items read at once, and every change in ONE MetaStore batch (one LevelDB write
 * instead of one per item; each item is still all-or-nothing).
 */
export async function writeItems(deps: DdbDeps, table: TableRecord, writes: PlannedWrite[], capacity: boolean): Promise<WriteResult[]> {
  const keys = writes.map((w) => `${table.id}\0${w.encodedKey}`);
  // Never refused, but ongoing until durable: a TransactGetItems meeting it is cancelled.
  const release = deps.ongoing.beginWrites(keys);
  try {
    return await writeItemsNow(deps, table, writes, keys, capacity);
  } finally {
    release();
  }
}

async function writeItemsNow(deps: DdbDeps, table: TableRecord, writes: PlannedWrite[], keys: string[], capacity: boolean): Promise<WriteResult[]> {
  let durable: Promise<void> | undefined;
  const results = await withLocks(deps.items.locks, keys, async () => {
    const current = deps.tables.byId(table.id);
    if (!current) throw ddbErrors.resourceNotFound();
    const texts = await deps.items.latestMany(current, writes.map((w) => w.encodedKey));
    const ops: MetaOp[] = [];
    const results = writes.map((w, i) => {
      const text = texts[i];
      const old = text === undefined ? undefined : parseItem(text);
      const consumption = capacity ? writeConsumption(current, w.encodedKey, old, w.next) : emptyConsumption();
      if (old !== undefined || w.next !== undefined) ops.push(...deps.items.changeOps(current, w.encodedKey, old, w.next));
      return { old, next: w.next, consumption };
    });
    if (ops.length > 0) durable = deps.items.commit(current, ops);
    return results;
  });
  await durable;
  return results;
}
