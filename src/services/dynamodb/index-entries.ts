/**
 * What an item contributes to each secondary index: nothing when it lacks the index's key
 * attributes (indexes are sparse), else one entry keyed by the index key then the table key,
 * holding the projected attributes (the table and index keys, plus INCLUDE's non-key attributes,
 * or everything for ALL).
 */
import { encodeKeyValue } from './key-encoding.js';
import { indexEntryKey } from './keys.js';
import type { IndexRecord, TableRecord } from './table-record.js';
import type { Item } from './values/index.js';
import { setOwn } from '../../util/own-member.js';

export function projectForIndex(table: TableRecord, index: IndexRecord, item: Item): Item {
  if (index.projection.type === 'ALL') return item;
  const out: Item = {};
  const take = (name: string): void => { const v = item[name]; if (v !== undefined) setOwn(out, name, v); };
  take(table.hash.name);
  if (table.range) take(table.range.name);
  take(index.hash.name);
  if (index.range) take(index.range.name);
  for (const name of index.projection.nonKeyAttributes ?? []) take(name);
  return out;
}

/** The entry key of `item` in `index`, or undefined when the item is not in the index. */
export function indexEntryKeyOf(table: TableRecord, index: IndexRecord, item: Item, encodedTableKey: string): string | undefined {
  const h = item[index.hash.name];
  if (h === undefined || h[index.hash.type] === undefined) return undefined;
  let encoded = encodeKeyValue(index.hash.type, h);
  if (index.range) {
    const r = item[index.range.name];
    if (r === undefined || r[index.range.type] === undefined) return undefined;
    encoded += encodeKeyValue(index.range.type, r);
  }
  return indexEntryKey(table.id, index.id, encoded, encodedTableKey);
}
