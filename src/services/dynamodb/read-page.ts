/**
 * One page of a Query or Scan: stored entries in key order (or reverse) from a range (a
 * parallel Scan's from its segment only: scan-segment.ts), up to Limit items evaluated and at
 * most 1 MB of item data read (DynamoDB's page limits), each passed through `keep` (filter, TTL)
 * and counted. Returns the kept items' stored texts (answers splice them as they are:
 * util/raw-json.ts), the counts, the bytes read (for capacity) and the last item read when the
 * page stopped early.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 *
 * An item is read from its stored text for its size and where the attributes a predicate reads
 * are (item-text.ts), and never decoded here: decoding every item was most of a filtered Scan's
 * cost, and decoding the kept ones most of a Query's (133 of ~240 us for 25 items, with the
 * encode that followed). Predicates test those attributes in place where they can
 * (stored-condition.ts), so a page allocates nothing per item it drops.
 *
 * A long Scan must not hold the event loop (issue #8: GetItem p99 < 20 ms while Scans run). The
 * store hands entries over in batches of up to 1,000, and the batches of several Scans complete
 * in the same turn of the loop, ahead of a waiting request: so a page also yields to the loop
 * (setImmediate) every YIELD_EVERY items, which bounds what each Scan adds to that turn
 * (bench dynamodb-figures, scanget). This costs CPU: a page suspended in the middle of a batch
 * keeps the whole batch alive while the other Scans' batches arrive, and young-generation
 * collections copy what is alive (4 concurrent Scans: 295 KB copied per scavenge, 2.85
 * scavenges per Scan; yielding only between batches: 170 KB, 2.3, and ~1 ms less CPU per Scan).
 * But yielding only between batches served the GetItem beside 4 Scans 4x less often (183-486
 * vs 784-1,045 GetItems/s) and its p99 rose from 5-13 ms to 9-15 ms, 43 ms under heavy load
 * (scratch, 2026-12-06): the latency bound wins.
 *
 * Filters run here, not in the worker pool's `ddb-filter` task: on 2 cores that task's
 * main-thread share alone (joining a 1 MB page into one buffer, sizing its items, decoding the
 * kept ones) costs more than this whole text-first pass, and the page's latency triples
 * (bench/micro/dynamodb-scan.ts --pool). Revisit if the pass itself becomes the cost.
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { parseItem } from './item-codec.js';
import { ItemTextReader } from './item-text.js';
import { decodingTest, type SlotOf, type StoredTest } from './stored-condition.js';
import type { Item } from './values/index.js';

export const PAGE_BYTES = 1024 * 1024;
/** Items read between yields: about 0.05-1.5 ms of work (0.13-6 µs per item, in place or decoded). */
const YIELD_EVERY = 256;

/** Where a page reads stored texts from: the item store, or one segment of it (scan-segment.ts). */
export interface TextSource { texts(range: KeyRange): AsyncIterable<string[]> }

/** `texts`: the stored texts (item-codec.ts) of the kept items, in the order read. */
export interface Page { texts: string[]; scanned: number; bytes: number; last: Item | undefined }

/**
 * A test on items and the top-level attributes it reads (it sees only those); `stored`, when
 * given, makes the same test on a stored item's located attributes (stored-condition.ts), else
 * the page decodes them for `test`.
 */
export interface ItemPredicate { test: (item: Item) => boolean; reads: ReadonlySet<string>; stored?: (slotOf: SlotOf) => StoredTest }

/** The predicate as a test on stored attributes at `slotOf`'s slots. */
export function storedTestOf(predicate: ItemPredicate, slotOf: SlotOf): StoredTest {
  return predicate.stored ? predicate.stored(slotOf) : decodingTest(predicate.test, predicate.reads, slotOf);
}

/** Every predicate at once (undefined when there is none: every item is kept). */
export function allOf(...predicates: (ItemPredicate | undefined)[]): ItemPredicate | undefined {
  const list = predicates.filter((p): p is ItemPredicate => p !== undefined);
  if (list.length <= 1) return list[0];
  const reads = new Set<string>();
  for (const p of list) for (const name of p.reads) reads.add(name);
  return {
    test: (item) => list.every((p) => p.test(item)),
    reads,
    stored: (slotOf) => {
      const tests = list.map((p) => storedTestOf(p, slotOf));
      return (attributes) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(attributes)) return false;
        return true;
      };
    },
  };
}

/**
 * `marks`, given only by reads that fetch from the table (table-fetch.ts), receives the scanned
 * count and the bytes read so far at each kept item, two numbers a kept item, so that the page
 * can be cut short at one of them.
 */
export async function readPage(items: TextSource, range: KeyRange, limit: number | undefined, keep: ItemPredicate | undefined, marks?: number[]): Promise<Page> {
  const kept: string[] = [];
  let scanned = 0;
  let bytes = 0;
  let lastText: string | undefined;
  let more = false;
  // As DynamoDB: a page that reached Limit or 1 MB ends with a LastEvaluatedKey even when
  // nothing follows (the next page is then empty).
  if (limit === 0) return { texts: kept, scanned, bytes, last: undefined };
  const reader = new ItemTextReader(keep === undefined ? [] : keep.reads);
  const test = keep === undefined ? undefined : storedTestOf(keep, (name) => reader.slotOf(name));
  pages: for await (const batch of items.texts(range)) {
    for (let i = 0; i < batch.length; i++) {
      const text = batch[i]!;
      scanned++;
      bytes += reader.read(text);
      if (test === undefined || test(reader)) { kept.push(text); if (marks !== undefined) marks.push(scanned, bytes); }
      lastText = text;
      if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) { more = true; break pages; }
      if (scanned % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return { texts: kept, scanned, bytes, last: more && lastText !== undefined ? parseItem(lastText) : undefined };
}
