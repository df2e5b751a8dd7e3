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
import { itemLockKey } from './item-store.js';
import { storedItemSize } from './item-text.js';
import { streamTargetOf } from './streams/descriptor-ops.js';
import type { TableRecord } from './table-record.js';
import type { Item } from './values/index.js';

/** `old` is undefined also when the caller said it does not read it (writeItem's `decideReadsOld`). */
export interface WriteResult { old: Item | undefined; next: Item | undefined; consumption: Consumption }

/** Capacity is computed only when the request asks for it (it walks the item and its index entries). */
export const wantsCapacity = (mode: string | undefined): boolean => mode === 'TOTAL' || mode === 'INDEXES';

/**
 * The consumption of a write whose request did not ask for capacity: one shared value, never
 * changed (callers only read a WriteResult's consumption), instead of a Map per item written.
 */
const NOT_COUNTED: Consumption = emptyConsumption();

/**
 * An item whose text is stored but not decoded: the write only counts it (the table's item count
 * and bytes) and never looks inside. Never changed.
 */
const NOT_DECODED: Item = Object.freeze({});

/**
 * @param decideReadsOld false when `decide` ignores the item it is given (a PutItem without a
 *   condition or ALL_OLD): then, unless index entries, a stream record or capacity need it, the
 *   replaced item is only sized from its stored text, not decoded (a JSON.parse of the whole
 *   item per put: bench/micro/dynamodb-gateway.ts), and `decide` gets undefined.
 */
export async function writeItem(
  deps: DdbDeps, table: TableRecord, encodedKey: string,
  decide: (old: Item | undefined) => Item | undefined,
  extraOps?: (old: Item | undefined, next: Item | undefined) => MetaOp[],
  capacity = true,
  decideReadsOld = true,
): Promise<WriteResult> {
  // The item's lock key is its store key: one string for every use below.
  const key = itemLockKey(table, encodedKey);
  // Refused while a transaction holds the item; else ongoing until durable (transactions/ongoing-writes.ts).
  const release = deps.ongoing.beginItemWrite(key);
  try {
    // The lock is taken and the section run inline, in this one async frame: a section closure
    // and two more async frames per write (ItemLocks.run, the section) cost more than the rest of
    // the lock (bench/micro/dynamodb-gateway.ts).
    const locks = deps.items.locks;
    const wait = locks.take(key);
    if (wait !== undefined) await wait;
    let result: WriteResult;
    let durable: Promise<void> | undefined;
    try {
      // The record as it is now: a GSI added meanwhile is maintained by this write (gsi-backfill.ts).
      const current = deps.tables.byId(table.id);
      if (!current) throw ddbErrors.resourceNotFound();
      // A queued value or a LevelDB getSync answers at once: no await (a microtask turn) for it.
      const read = deps.items.latestTextAt(key);
      const text = typeof read === 'object' ? await read : read;
      if (text !== undefined && !decideReadsOld && extraOps === undefined && !capacity && current.indexes.length === 0 && streamTargetOf(current) === undefined) {
        const next = decide(undefined);
        const ops = deps.items.changeOps(current, encodedKey, NOT_DECODED, next, storedItemSize(text), undefined, false, key);
        durable = deps.items.commit(current, ops);
        result = { old: undefined, next, consumption: NOT_COUNTED };
      } else {
        const old = text === undefined ? undefined : parseItem(text);
        const next = decide(old);
        const consumption = capacity ? writeConsumption(current, encodedKey, old, next) : NOT_COUNTED;
        result = { old, next, consumption };
        if (old !== undefined || next !== undefined) {
          const ops = deps.items.changeOps(current, encodedKey, old, next, undefined, undefined, false, key);
          if (extraOps !== undefined) for (const op of extraOps(old, next)) ops.push(op);
          durable = deps.items.commit(current, ops);
        }
      }
    } finally {
      // Released once the change is queued: the next writer reads the queued value.
      locks.release(key);
    }
    if (durable !== undefined) await durable;
    return result;
  } finally {
    release();
  }
}

/** `nextSize`: the new item's size, when the caller already computed it (the 400 KB check). */
export interface PlannedWrite { encodedKey: string; next: Item | undefined; nextSize?: number }

/**
 * Several items of one table replaced together (BatchWriteItem): their locks taken in one order,
 * the current items read at once, and every change in ONE MetaStore batch (one LevelDB write
 * instead of one per item; each item is still all-or-nothing). The results' `old` is undefined
 * when nothing needed the replaced item decoded (as writeItem's, for a put that does not read it):
 * BatchWriteItem returns no old items.
 */
export async function writeItems(deps: DdbDeps, table: TableRecord, writes: PlannedWrite[], capacity: boolean): Promise<WriteResult[]> {
  const keys = writes.map((w) => itemLockKey(table, w.encodedKey));
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
  // The keys are the items' lock keys: taken together, in one order.
  const results = await deps.items.locks.runAll(keys, async () => {
    const current = deps.tables.byId(table.id);
    if (!current) throw ddbErrors.resourceNotFound();
    const texts = await deps.items.latestManyAt(keys);
    const ops: MetaOp[] = [];
    // Only the table statistics look at a replaced item: its size is read from the stored text
    // (BatchWriteItem has no ReturnValues; a reload of existing items decoded each one).
    const sizeOnly = !capacity && current.indexes.length === 0 && streamTargetOf(current) === undefined;
    const results = writes.map((w, i): WriteResult => {
      const text = texts[i];
      const nextSize = w.next === undefined ? 0 : w.nextSize;
      if (text !== undefined && sizeOnly) {
        deps.items.addChangeOps(ops, current, w.encodedKey, NOT_DECODED, w.next, storedItemSize(text), nextSize, false, keys[i]);
        return { old: undefined, next: w.next, consumption: NOT_COUNTED };
      }
      const old = text === undefined ? undefined : parseItem(text);
      const consumption = capacity ? writeConsumption(current, w.encodedKey, old, w.next) : NOT_COUNTED;
      if (old !== undefined || w.next !== undefined) deps.items.addChangeOps(ops, current, w.encodedKey, old, w.next, undefined, nextSize, false, keys[i]);
      return { old, next: w.next, consumption };
    });
    if (ops.length > 0) durable = deps.items.commit(current, ops);
    return results;
  });
  await durable;
  return results;
}
