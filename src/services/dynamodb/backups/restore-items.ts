/**
 * Writes a restored table's items from its backup's copy (copy-items.ts), with their secondary
 * index entries, before the table record exists: the table appears whole, ACTIVE, with its items,
 * index entries and statistics. An item whose index key value no write could give it (empty, or
 * over the key size limits: an item written before a GSI existed may hold one) stays out of that
 * index, as GSI backfills leave it (gsi-backfill.ts).
 */
import type { MetaStore } from '../../../storage/meta-store.js';
import { indexEntryKeyOf, projectForIndex } from '../index-entries.js';
import { parseItem, serializeItem } from '../item-codec.js';
import { DDB_NS } from '../keys.js';
import type { IndexRecord, TableRecord } from '../table-record.js';
import type { TableStats } from '../table-store.js';
import { itemSize, type Item } from '../values/index.js';
import { emptyKeyValueProblem, keySizeProblem } from '../values/key-rules.js';
import { copyItems, type PinnedItems } from './copy-items.js';

export async function restoreItems(meta: MetaStore, pinned: PinnedItems, table: TableRecord): Promise<TableStats> {
  const indexes: Record<string, [number, number]> = {};
  for (const index of table.indexes) indexes[index.id] = [0, 0];
  const figures = await copyItems(meta, pinned, table.id, (encodedKey, text, ops) => {
    const item = parseItem(text);
    for (const index of table.indexes) {
      const entry = indexEntryKeyOf(table, index, item, encodedKey);
      if (entry === undefined || violatesIndexKey(index, item)) continue;
      const projected = projectForIndex(table, index, item);
      const counts = indexes[index.id]!;
      counts[0]++; counts[1] += itemSize(projected);
      ops.push({ type: 'put', ns: DDB_NS, key: entry, value: serializeItem(projected) });
    }
    return itemSize(item);
  });
  return { count: figures.count, bytes: figures.bytes, indexes };
}

function violatesIndexKey(index: IndexRecord, item: Item): boolean {
  const broken = (name: string, isHash: boolean): boolean => {
    const value = item[name];
    return value !== undefined && (emptyKeyValueProblem(name, value) !== undefined || keySizeProblem(value, isHash) !== undefined);
  };
  return broken(index.hash.name, true) || (index.range !== undefined && broken(index.range.name, false));
}
