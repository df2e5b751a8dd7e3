/**
 * Inline below, pool at or above: input sizes in bytes, per task kind. Measured, not guessed, by
 * bench/micro/pool-threshold.ts (Node 20.20, 2 shared cores, warm pool of 1 thread). Rule: pool
 * from the size where it saves the event loop at least a third of the inline time and ≥ 1 ms,
 * since a blocked loop delays every other request of a load test.
 *
 * xml-parse (CompleteMultipartUpload documents), ms inline / pooled latency / pooled main-thread:
 *   16 KiB 0.82 / 1.25 / 0.46    64 KiB 2.66 / 6.47 / 1.27    256 KiB 10.1 / 19.5 / 6.3
 *   1 MiB 43 / 89 / 24           16 MiB 899 / 1511 / 489
 *   The result tree must be rebuilt on the main thread (as JSON.parse; structured clone was
 *   worse: 965 ms main-thread for 16 MiB), so pooling at best halves the blocking → 64 KiB.
 * checksum (md5 + crc32):
 *   256 KiB 0.40 / 0.56 / 0.08   1 MiB 1.57 / 1.90 / 0.12     16 MiB 25.6 / 28.0 / 1.1
 *   Below 1 MiB the loop time saved is under 1 ms, less than the ~0.2 ms round trip is worth.
 * ddb-filter (a Scan/Query batch of stored items, ~220 bytes each, filtered and projected;
 *   bench/micro/dynamodb-expressions.ts --pool, medians on a heavily shared machine, load ~25):
 *   22 KiB 0.34 / 13.6 / 0.87    87 KiB 7.9 / 2.1 / 0.31    349 KiB 49.5 / 58.4 / 3.8
 *   1.4 MiB 193 / 228 / 5.9 → the rule holds from 87 KiB on; 64 KiB (about 1 ms of inline work
 *   at ~3 µs an item) until a quiet re-measure.
 */
import type { Task } from './types.js';

export type Thresholds = Record<Task['kind'], number>;

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  'xml-parse': 64 * 1024,
  checksum: 1024 * 1024,
  'ddb-filter': 64 * 1024,
};
