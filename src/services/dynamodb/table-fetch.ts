/** Items read from a local secondary index, completed from the table (Select ALL_ATTRIBUTES). */
import type { DdbDeps } from './context.js';
import { parseItem } from './item-codec.js';
import { encodePrimaryKey } from './key-encoding.js';
import type { TableRecord } from './table-record.js';
import type { Item } from './values/index.js';

export async function fetchFromTable(deps: DdbDeps, table: TableRecord, projected: Item[]): Promise<Item[]> {
  const texts = await deps.items.readMany(table, projected.map((i) => encodePrimaryKey(table.hash, table.range, i)));
  return texts.map((t, i) => (t === undefined ? projected[i]! : parseItem(t)));
}
