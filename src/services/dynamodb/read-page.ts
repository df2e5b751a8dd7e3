/**
 * One page of a Query or Scan: stored entries in key order (or reverse) from a range, up to
 * Limit items evaluated and at most 1 MB of item data read (DynamoDB's page limits), each
 * passed through `keep` (segment, filter) and counted. Returns the kept items, the counts, the
 * bytes read (for capacity) and the last item read when the page stopped early.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { parseItem } from './item-codec.js';
import type { ItemStore } from './item-store.js';
import { itemSize, type Item } from './values/index.js';

export const PAGE_BYTES = 1024 * 1024;

export interface Page { items: Item[]; scanned: number; bytes: number; last: Item | undefined }

export async function readPage(
  items: ItemStore, range: KeyRange, limit: number | undefined,
  keep: (item: Item, storedKey: string) => boolean,
): Promise<Page> {
  const kept: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let last: Item | undefined;
  let more = false;
  // As DynamoDB: a page that reached Limit or 1 MB ends with a LastEvaluatedKey even when
  // nothing follows (the next page is then empty).
  if (limit === 0) return { items: kept, scanned, bytes, last };
  for await (const [key, text] of items.iterate(range)) {
    const item = parseItem(text);
    scanned++;
    bytes += itemSize(item);
    last = item;
    if (keep(item, key)) kept.push(item);
    if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) { more = true; break; }
  }
  return { items: kept, scanned, bytes, last: more ? last : undefined };
}
