/**
 * One pass of a GSI backfill (UpdateTable's Create, or a start that finds the index CREATING):
 * writes the entries of the items that exist, counts them in the index's ItemCount and
 * IndexSizeBytes, then marks the index ACTIVE (IndexStatus CREATING + Backfilling until then, as
 * DynamoDB reports it).
 *
 * A pass starts from the first item with the index's figures at zero (gsi-backfills.ts). An
 * item's entry always matches its current version (both go in one batch), so entries an earlier
 * pass or a writer left are rewritten in place, never duplicated; each item is counted once,
 * whoever reaches it first (backfill-progress.ts). So a pass cut short by a stop, a failure or
 * kill -9 is simply run again. Each item is re-read under its lock, and writers take the current
 * table record under the same lock, so an item written during the backfill is indexed exactly
 * once whichever comes first. Items go in small chunks with a yield between them.
 */
import { indexEntryKeyOf, projectForIndex } from './index-entries.js';
import { parseItem, serializeItem } from './item-codec.js';
import type { ItemStore } from './item-store.js';
import { DDB_NS, afterPrefix, itemPrefix } from './keys.js';
import type { BackfillProgress } from './backfill-progress.js';
import type { IndexRecord } from './table-record.js';
import type { TableStore } from './table-store.js';
import { itemSize } from './values/index.js';
import { emptyKeyValueProblem, keySizeProblem } from './values/key-rules.js';
import type { AttributeValue } from './values/types.js';

const CHUNK = 200;

/** How a pass ended: the index is ACTIVE; its table or the index was deleted; the service is closing. */
export type BackfillEnd = 'active' | 'gone' | 'stopped';

/** What indexing one item left to wait for (outside its lock), or why the pass ends. */
type Step = { durable?: Promise<void> } | 'gone';

export async function backfillIndex(tables: TableStore, items: ItemStore, tableId: string, indexId: string, progress: BackfillProgress, stopping: () => boolean): Promise<BackfillEnd> {
  // A writer that read the table record before the index was added may still hold its item's
  // lock; once every such writer lets go its write is queued: make it durable, so the scan sees it.
  await items.locks.settled();
  await items.flush();
  const prefix = itemPrefix(tableId);
  let after: string | undefined;
  for (;;) {
    const keys: string[] = [];
    for await (const [key] of items.iterate(after === undefined ? { gte: prefix, lt: afterPrefix(prefix), limit: CHUNK } : { gt: after, lt: afterPrefix(prefix), limit: CHUNK })) keys.push(key);
    if (keys.length === 0) break;
    for (const key of keys) {
      if (stopping()) return 'stopped';
      const step = await items.locks.run(key, () => indexOne(tables, items, tableId, indexId, key, progress));
      if (step === 'gone') return 'gone';
      if (step.durable) await step.durable;
    }
    after = keys[keys.length - 1]!;
    progress.advance(after);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return finish(tables, items, tableId, indexId, stopping);
}

/** Under the item's lock (its store key is its lock key: item-store.ts itemLockKey). */
async function indexOne(tables: TableStore, items: ItemStore, tableId: string, indexId: string, key: string, progress: BackfillProgress): Promise<Step> {
  const table = tables.byId(tableId);
  const index = table?.indexes.find((i) => i.id === indexId);
  if (!table || !index) return 'gone';
  // A writer reached it first: it counted the item and keeps its entry.
  if (progress.counted(key)) return {};
  const text = await items.latestTextAt(key);
  progress.markCounted(key);
  if (text === undefined) return {};
  const item = parseItem(text);
  const entry = indexEntryKeyOf(table, index, item, key.slice(itemPrefix(tableId).length));
  if (entry === undefined || violatesIndexKey(index, item)) return {};
  const projected = projectForIndex(table, index, item);
  const figures = ((tables.stats(tableId).indexes ??= {})[indexId] ??= [0, 0]);
  figures[0]++; figures[1] += itemSize(projected);
  return { durable: items.commit(table, [{ type: 'put', ns: DDB_NS, key: entry, value: serializeItem(projected) }]) };
}

/**
 * Whether the item's index key value is one no write could give it (an empty string or binary,
 * a partition key over 2048 bytes, a sort key over 1024), so the item stays out of the index:
 * an "index key violation" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html:
 * "If a String or Binary attribute value is set for an attribute that is used as an index key,
 * then the attribute value must have a length greater than zero"). Items written before the index
 * existed may hold such values; a value of another type has no entry already (indexEntryKeyOf).
 */
function violatesIndexKey(index: IndexRecord, item: Record<string, AttributeValue>): boolean {
  const broken = (name: string, isHash: boolean): boolean => {
    const value = item[name];
    return value !== undefined && (emptyKeyValueProblem(name, value) !== undefined || keySizeProblem(value, isHash) !== undefined);
  };
  return broken(index.hash.name, true) || (index.range !== undefined && broken(index.range.name, false));
}

async function finish(tables: TableStore, items: ItemStore, tableId: string, indexId: string, stopping: () => boolean): Promise<BackfillEnd> {
  const table = tables.byId(tableId);
  if (!table) return 'gone';
  // The figures this pass counted go to disk (with every write queued so far) before the index
  // says ACTIVE: a pass that indexed nothing has written no batch that carried them.
  await items.commit(table, [tables.statsOp(tableId)]);
  if (stopping()) return 'stopped';
  return tables.locks.run(`${table.account}\0${table.region}\0${table.name}`, async () => {
    const current = tables.byId(tableId);
    if (!current?.indexes.some((i) => i.id === indexId)) return 'gone';
    await tables.update({ ...current, indexes: current.indexes.map((i) => (i.id === indexId ? { ...i, status: 'ACTIVE' as const } : i)) });
    return 'active';
  });
}
