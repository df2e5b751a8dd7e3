/**
 * Items read from a local secondary index, completed from the table (Select ALL_ATTRIBUTES, or a
 * projection naming what the index does not hold), as the LSI guide describes
 * (awsdocs/amazon-dynamodb-developer-guide doc_source/LSI.md, "Read capacity units"):
 *   - each fetch is a read of the whole table item, rounded up to 4 KB on its own and counted on
 *     the table, beside the index read ("you are charged for read capacity units for every base
 *     table item fetched ... each entire item"; the table and index parts as AWS split them for
 *     three fetched items: nubo-db/dynoxide tests/partiql_index_qualifier.rs Q27, eu-west-2
 *     2026-08-15, total 2, table 1.5, index 0.5);
 *   - the page's 1 MB counts the index bytes read, rounded up to 4 KB, plus each fetched item
 *     rounded up to 4 KB ("the result size is the sum of ... Using this formula, the maximum size
 *     of the results returned by a Query operation is still 1 MB"): the page ends at the item
 *     that brings the sum to 1 MB, with that item's key as LastEvaluatedKey.
 * Only LSI reads that fetch come here; the filter has already run on the index entries, so only
 * the items it kept are fetched ("each matching item").
 */
import { readUnits } from './capacity.js';
import type { DdbDeps } from './context.js';
import { parseItem } from './item-codec.js';
import { readItemText, storedItemSize } from './item-text.js';
import { encodePrimaryKey } from './key-encoding.js';
import { PAGE_BYTES, type Page } from './read-page.js';
import type { TableRecord } from './table-record.js';

/** The page as it stands after the fetch, the table items in its order, what they cost the table. */
export interface Fetched { page: Page; texts: string[]; units: number }

const BLOCK = 4096;
const roundedUp = (bytes: number): number => Math.max(1, Math.ceil(bytes / BLOCK)) * BLOCK;

/**
 * `page`: index entries kept by the read (they hold the table's key), with `marks` as readPage
 * gave them (scanned count and bytes read at each kept entry).
 */
export async function fetchFromTable(deps: DdbDeps, table: TableRecord, page: Page, marks: readonly number[], consistent: boolean): Promise<Fetched> {
  const keyNames = table.range ? [table.hash.name, table.range.name] : [table.hash.name];
  const found = await deps.items.readMany(table, page.texts.map((text) => encodePrimaryKey(table.hash, table.range, readItemText(text, keyNames).picked)));
  const texts: string[] = [];
  let units = 0;
  let tableBytes = 0;
  for (let i = 0; i < found.length; i++) {
    const text = found[i];
    // A fetch that finds nothing still costs a read, as a GetItem of a missing item does.
    const size = text === undefined ? 0 : storedItemSize(text);
    units += readUnits(size, consistent);
    texts.push(text ?? page.texts[i]!);
    tableBytes += roundedUp(size);
    // The page ends on the entry that brings the sum to 1 MB, whatever the read did after it
    // (and with a LastEvaluatedKey even when nothing follows, as any page reaching 1 MB).
    const bytes = marks[2 * i + 1]!;
    if (roundedUp(bytes) + tableBytes >= PAGE_BYTES) {
      return { page: { texts: page.texts.slice(0, i + 1), scanned: marks[2 * i]!, bytes, last: parseItem(page.texts[i]!) }, texts, units };
    }
  }
  return { page, texts, units };
}
