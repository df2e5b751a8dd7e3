/**
 * One page of a Query or Scan: stored entries in key order (or reverse) from a range, up to
 * Limit items evaluated and at most 1 MB of item data read (DynamoDB's page limits), each
 * passed through `keep` (segment, filter, TTL) and counted. Returns the kept items' stored texts
 * (answers splice them as they are: util/raw-json.ts), the counts, the bytes read (for capacity)
 * and the last item read when the page stopped early.
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
 * in the same turn of the loop, ahead of a waiting request: so a page yields to the loop
 * (setImmediate) after each large batch, and inside one once it has worked SLICE_MS on it.
 * Measured with 4 Scans and a GetItem connection (bench dynamodb-figures --only scanget, loaded
 * machine, two runs each):
 * - a yield every 256 items (before): GetItem p99 6-13 ms, 55-83 Scans/s;
 * - no yield inside a batch, none after: p99 19-23 ms, the batches of the Scans run back to back;
 * - no yield inside a batch, one after each (this): p99 9 ms, 95-109 Scans/s.
 * Why not inside a batch: a page suspended in the middle of one keeps the whole batch alive
 * while the other Scans' batches arrive, and young-generation collections copy what is alive:
 * with 4 concurrent Scans each copied 295 KB instead of 170 KB, and CPU per Scan was 7.8-10.9
 * against 7.3-9.9 ms (scratch, same runs). The text-first pass reads a batch of 1,000 in about
 * 0.2 ms, so only slow pages (decoded filters) yield inside one.
 *
 * Filters run here, not in the worker pool's `ddb-filter` task: on 2 cores that task's
 * main-thread share alone (joining a 1 MB page into one buffer, sizing its items, decoding the
 * kept ones) costs more than this whole text-first pass, and the page's latency triples
 * (bench/micro/dynamodb-scan.ts --pool). Revisit if the pass itself becomes the cost.
 */
import { performance } from 'node:perf_hooks';
import type { KeyRange } from '../../storage/meta-store.js';
import { parseItem } from './item-codec.js';
import { ItemTextReader } from './item-text.js';
import type { ItemStore } from './item-store.js';
import { decodingTest, type SlotOf, type StoredTest } from './stored-condition.js';
import type { Item } from './values/index.js';

export const PAGE_BYTES = 1024 * 1024;
/** Work on one batch before a page yields to the event loop, ms (checked every CHECK_EVERY items). */
const SLICE_MS = 2;
const CHECK_EVERY = 128;
/** A batch this large is followed by a yield (a Query's first batch of 32 is not). */
const LARGE_BATCH = 128;

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

export async function readPage(items: ItemStore, range: KeyRange, limit: number | undefined, keep: ItemPredicate | undefined): Promise<Page> {
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
    let sliceStart = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const text = batch[i]!;
      scanned++;
      bytes += reader.read(text);
      if (test === undefined || test(reader)) kept.push(text);
      lastText = text;
      if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) { more = true; break pages; }
      if (scanned % CHECK_EVERY === 0 && performance.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    if (batch.length >= LARGE_BATCH) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { texts: kept, scanned, bytes, last: more && lastText !== undefined ? parseItem(lastText) : undefined };
}
