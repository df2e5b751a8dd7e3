/**
 * A parallel Scan's segment: the items whose partition key hashes to it. On AWS a segment is a
 * contiguous part of the table, so a worker reads only its own items: Limit, ScannedCount, the
 * 1 MB page and the capacity count them alone, and a page's LastEvaluatedKey lies in the segment
 * ("Segment ... identifies an individual segment to be scanned by an application worker",
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html; Limit is "the
 * maximum number of items to evaluate"). Here a segment is a hash of the key spread over the whole
 * key order, so the other segments' entries are dropped from the batches before the page counts
 * anything (segmentTexts), and a start key must lie in the segment (checkStartInSegment).
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { ddbErrors } from './errors.js';
import { encodeKeyValue } from './key-encoding.js';
import { ItemTextReader } from './item-text.js';
import type { TextSource } from './read-page.js';
import type { KeyAttribute } from './table-record.js';
import type { AttributeValue, Item } from './values/index.js';

/** FNV-1a of the encoded partition key: a stable, even spread of partitions over segments. */
export function segmentOf(hash: KeyAttribute, value: AttributeValue, total: number): number {
  const text = encodeKeyValue(hash.type, value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % total;
}

/** Entries passed over between yields to the event loop, as read-page.ts yields every 256 items read. */
const YIELD_EVERY = 1024;

/**
 * `items`' stored texts (items or index entries, which hold the table's key) of one segment only.
 * The page no longer sees the entries passed over, so this yields to the event loop on their
 * account, lest a sparse segment hold it (read-page.ts, issue #8).
 */
export function segmentTexts(items: TextSource, hash: KeyAttribute, total: number, segment: number): TextSource {
  return {
    async *texts(range: KeyRange): AsyncIterable<string[]> {
      const reader = new ItemTextReader([hash.name]);
      let passed = 0;
      for await (const batch of items.texts(range)) {
        const mine = batch.filter((text) => {
          reader.read(text);
          const value = reader.valueOf(0);
          return value !== undefined && segmentOf(hash, value, total) === segment;
        });
        passed += batch.length - mine.length;
        if (passed >= YIELD_EVERY) { passed = 0; await new Promise<void>((resolve) => setImmediate(resolve)); }
        if (mine.length > 0) yield mine;
      }
    },
  };
}

/**
 * A start key outside the segment is refused in AWS's words, naming the request's TotalSegments
 * and Segment (scylladb/scylladb#9270: nyh quoting real DynamoDB for
 * test/alternator/test_scan.py test_scan_parallel_with_exclusive_start_key, 2021).
 */
export function checkStartInSegment(hash: KeyAttribute, start: Item, total: number, segment: number): void {
  const value = start[hash.name];
  if (value !== undefined && segmentOf(hash, value, total) === segment) return;
  throw ddbErrors.validation(`The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: ${total} Segment: ${segment}`);
}
