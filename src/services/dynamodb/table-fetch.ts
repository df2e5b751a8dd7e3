/** Items read from a local secondary index, completed from the table (Select ALL_ATTRIBUTES). */
import type { DdbDeps } from './context.js';
import { readItemText } from './item-text.js';
import { encodePrimaryKey } from './key-encoding.js';
import type { TableRecord } from './table-record.js';

/** `projected`: the stored texts of index entries (they hold the table's key); answers stored texts. */
export async function fetchFromTable(deps: DdbDeps, table: TableRecord, projected: string[]): Promise<string[]> {
  const keyNames = table.range ? [table.hash.name, table.range.name] : [table.hash.name];
  const texts = await deps.items.readMany(table, projected.map((text) => encodePrimaryKey(table.hash, table.range, readItemText(text, keyNames).picked)));
  return texts.map((t, i) => t ?? projected[i]!);
}
