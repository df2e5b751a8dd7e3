/**
 * Items read from a local secondary index, completed from the table (Select ALL_ATTRIBUTES, or a
 * projection naming what the index does not hold). Each fetch is a read of the whole table item,
 * rounded up to 4 KB on its own and counted on the table, beside the index read: "you are charged
 * for read capacity units for every base table item fetched ... each entire item", "each item
 * individually rounded up to the next 4 KB" (awsdocs/amazon-dynamodb-developer-guide
 * doc_source/LSI.md, "Read capacity units"; the table and index parts as AWS split them for three
 * fetched items: nubo-db/dynoxide tests/partiql_index_qualifier.rs Q27, eu-west-2 2026-08-15,
 * total 2, table 1.5, index 0.5). Only LSI reads that fetch come here.
 */
import { readUnits } from './capacity.js';
import type { DdbDeps } from './context.js';
import { readItemText, storedItemSize } from './item-text.js';
import { encodePrimaryKey } from './key-encoding.js';
import type { TableRecord } from './table-record.js';

/** `texts`: the table items, in the order asked; `units`: what reading them costs the table. */
export interface Fetched { texts: string[]; units: number }

/** `projected`: the stored texts of index entries (they hold the table's key); answers stored texts. */
export async function fetchFromTable(deps: DdbDeps, table: TableRecord, projected: string[], consistent: boolean): Promise<Fetched> {
  const keyNames = table.range ? [table.hash.name, table.range.name] : [table.hash.name];
  const found = await deps.items.readMany(table, projected.map((text) => encodePrimaryKey(table.hash, table.range, readItemText(text, keyNames).picked)));
  let units = 0;
  const texts = found.map((t, i) => {
    // A fetch that finds nothing still costs a read, as a GetItem of a missing item does.
    units += readUnits(t === undefined ? 0 : storedItemSize(t), consistent);
    return t ?? projected[i]!;
  });
  return { texts, units };
}
