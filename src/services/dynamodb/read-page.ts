/**
 * One page of a Query or Scan: stored entries in key order (or reverse) from a range, up to
 * Limit items evaluated and at most 1 MB of item data read (DynamoDB's page limits), each
 * passed through `keep` (segment, filter, TTL) and counted. Returns the kept items, the counts, the
 * bytes read (for capacity) and the last item read when the page stopped early.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 *
 * With a predicate, an item is first read from its stored text for its size and the attributes
 * the predicate reads (item-text.ts), and decoded whole only when kept: decoding every item was
 * most of a filtered Scan's cost.
 *
 * A long Scan must not hold the event loop (issue #8: GetItem p99 < 20 ms while Scans run). The
 * store hands entries over in batches of up to 1,000, and the batches of several Scans complete
 * in the same turn of the loop, ahead of a waiting request: so a page also yields to the loop
 * (setImmediate) every YIELD_EVERY items, which bounds what each Scan adds to that turn
 * (bench dynamodb-figures, scanget).
 *
 * Filters run here, not in the worker pool's `ddb-filter` task: on 2 cores that task's
 * main-thread share alone (joining a 1 MB page into one buffer, sizing its items, decoding the
 * kept ones) costs more than this whole text-first pass, and the page's latency triples
 * (bench/micro/dynamodb-scan.ts --pool). Revisit if the pass itself becomes the cost.
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { parseItem } from './item-codec.js';
import { ItemTextReader } from './item-text.js';
import type { ItemStore } from './item-store.js';
import { itemSize, type Item } from './values/index.js';

export const PAGE_BYTES = 1024 * 1024;
/** Items read between yields: about 0.25-1.5 ms of work (0.9-6 µs per item, text-first or decoded). */
const YIELD_EVERY = 256;

export interface Page { items: Item[]; scanned: number; bytes: number; last: Item | undefined }

/** A test on items and the top-level attributes it reads (it sees only those). */
export interface ItemPredicate { test: (item: Item) => boolean; reads: ReadonlySet<string> }

/** Every predicate at once (undefined when there is none: every item is kept). */
export function allOf(...predicates: (ItemPredicate | undefined)[]): ItemPredicate | undefined {
  const list = predicates.filter((p): p is ItemPredicate => p !== undefined);
  if (list.length <= 1) return list[0];
  const reads = new Set<string>();
  for (const p of list) for (const name of p.reads) reads.add(name);
  return { test: (item) => list.every((p) => p.test(item)), reads };
}

export async function readPage(items: ItemStore, range: KeyRange, limit: number | undefined, keep: ItemPredicate | undefined): Promise<Page> {
  const kept: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let lastText: string | undefined;
  let more = false;
  // As DynamoDB: a page that reached Limit or 1 MB ends with a LastEvaluatedKey even when
  // nothing follows (the next page is then empty).
  if (limit === 0) return { items: kept, scanned, bytes, last: undefined };
  const reader = keep && new ItemTextReader(keep.reads);
  for await (const [, text] of items.iterate(range)) {
    scanned++;
    if (keep === undefined) {
      const item = parseItem(text);
      bytes += itemSize(item);
      kept.push(item);
    } else {
      const picked: Item = {};
      bytes += reader!.read(text, picked);
      if (keep.test(picked)) kept.push(parseItem(text));
    }
    lastText = text;
    if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) { more = true; break; }
    if (scanned % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { items: kept, scanned, bytes, last: more && lastText !== undefined ? parseItem(lastText) : undefined };
}
