/**
 * Writes the entries of a GSI added by UpdateTable for the items that exist already, then marks
 * it ACTIVE (IndexStatus CREATING + Backfilling until then, as DynamoDB reports it). Each item is
 * re-read under its lock, and writers take the current table record under the same lock, so an
 * item written during the backfill is indexed exactly once whichever comes first. Items go in
 * small batches with a yield between them.
 */
import type { Logger } from '../../log.js';
import { indexEntryKeyOf, projectForIndex } from './index-entries.js';
import { parseItem, serializeItem } from './item-codec.js';
import type { ItemStore } from './item-store.js';
import { DDB_NS, END, itemPrefix } from './keys.js';
import type { TableStore } from './table-store.js';
import { itemSize } from './values/index.js';

const CHUNK = 200;

export async function backfillIndex(tables: TableStore, items: ItemStore, log: Logger, tableId: string, indexId: string): Promise<void> {
  const prefix = itemPrefix(tableId);
  let after: string | undefined;
  try {
    for (;;) {
      const keys: string[] = [];
      for await (const [key] of items.iterate(after === undefined ? { gte: prefix, lt: prefix + END, limit: CHUNK } : { gt: after, lt: prefix + END, limit: CHUNK })) keys.push(key);
      if (keys.length === 0) break;
      for (const key of keys) {
        const table = tables.byId(tableId);
        const index = table?.indexes.find((i) => i.id === indexId);
        if (!table || !index) return; // table or index deleted meanwhile
        const encodedKey = key.slice(prefix.length);
        await items.withItem(table, encodedKey, async () => {
          const text = await items.latestText(table, encodedKey);
          if (text === undefined) return;
          const item = parseItem(text);
          const entry = indexEntryKeyOf(table, index, item, encodedKey);
          if (entry === undefined) return;
          const projected = projectForIndex(table, index, item);
          const figures = ((tables.stats(tableId).indexes ??= {})[indexId] ??= [0, 0]);
          figures[0]++; figures[1] += itemSize(projected);
          await items.commit(table, [{ type: 'put', ns: DDB_NS, key: entry, value: serializeItem(projected) }]);
        });
      }
      after = keys[keys.length - 1];
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const table = tables.byId(tableId);
    if (!table) return;
    await tables.locks.run(`${table.account}\0${table.region}\0${table.name}`, async () => {
      const current = tables.byId(tableId);
      if (!current) return;
      await tables.update({ ...current, indexes: current.indexes.map((i) => (i.id === indexId ? { ...i, status: 'ACTIVE' as const } : i)) });
    });
  } catch (err) {
    log.warn('dynamodb: GSI backfill failed', { err: String(err), tableId, indexId });
  }
}
