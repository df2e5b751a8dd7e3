/**
 * One page of a Query or Scan: stored entries in key order (or reverse) from a range, up to
 * Limit items evaluated and at most 1 MB of item data read (DynamoDB's page limits), each
 * passed through `keep` (segment, filter, TTL) and counted. Returns the kept items' stored texts
 * (answers splice them as they are: util/raw-json.ts), the counts, the bytes read (for capacity)
 * and the last item read when the page stopped early.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 *
 * An item is read from its stored text for its size and the attributes a predicate reads
 * (item-text.ts), and never decoded here: decoding every item was most of a filtered Scan's
 * cost, and decoding the kept ones most of a Query's (133 of ~240 us for 25 items, with the
 * encode that followed).
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
import type { Item } from './values/index.js';

export const PAGE_BYTES = 1024 * 1024;
/** Items read between yields: about 0.25-1.5 ms of work (0.9-6 µs per item, text-first or decoded). */
const YIELD_EVERY = 256;

/** `texts`: the stored texts (item-codec.ts) of the kept items, in the order read. */
export interface Page { texts: string[]; scanned: number; bytes: number; last: Item | undefined }

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
  const kept: string[] = [];
  let scanned = 0;
  let bytes = 0;
  let lastText: string | undefined;
  let more = false;
  // As DynamoDB: a page that reached Limit or 1 MB ends with a LastEvaluatedKey even when
  // nothing follows (the next page is then empty).
  if (limit === 0) return { texts: kept, scanned, bytes, last: undefined };
  const wanted = keep === undefined ? [] : [...keep.reads];
  const reader = new ItemTextReader(wanted);
  // One object holds each item's picked attributes in turn (a predicate only reads them while
  // it tests; kept items are kept as their texts): a new object per item was garbage at every
  // item scanned. Its members are reset, not deleted, so its shape stays the same (an absent
  // attribute reads as undefined either way).
  // (Not for an attribute named __proto__: assigning undefined to it would not reset it.)
  const reuse = !wanted.includes('__proto__');
  let picked: Item = {};
  for (const name of wanted) if (reuse) picked[name] = undefined as unknown as Item[string];
  pages: for await (const batch of items.texts(range)) {
    for (let i = 0; i < batch.length; i++) {
      const text = batch[i]!;
      scanned++;
      if (keep === undefined) {
        bytes += reader.read(text, picked);
        kept.push(text);
      } else {
        if (reuse) for (let w = 0; w < wanted.length; w++) picked[wanted[w]!] = undefined as unknown as Item[string];
        else picked = {};
        bytes += reader.read(text, picked);
        if (keep.test(picked)) kept.push(text);
      }
      lastText = text;
      if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) { more = true; break pages; }
      if (scanned % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return { texts: kept, scanned, bytes, last: more && lastText !== undefined ? parseItem(lastText) : undefined };
}
