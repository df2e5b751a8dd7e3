/**
 * The DynamoDB service's side of Streams, one per service instance: the puts a table change
 * (streamTableOps) and an item change (streamRecordOps) add to their own batches, with the
 * service clock and this instance's sequence numbers.
 */
import type { MetaOp } from '../../../storage/meta-store.js';
import { streamTableOps, streamTargetOf, type StreamedTable } from './descriptor-ops.js';
import { streamRecordOps } from './record.js';
import { SequenceClock } from './sequence-clock.js';
import type { Item } from './types.js';
import { valuesEqual } from '../values/index.js';

export class StreamWriter {
  readonly #sequence = new SequenceClock();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** The stream record of replacing `old` by `next` (either may be absent); none when the stream is off. */
  itemOps(table: StreamedTable, old: Item | undefined, next: Item | undefined, byTtl = false): MetaOp[] {
    const target = streamTargetOf(table);
    if (target === undefined) return [];
    // A write that changes nothing leaves no record (Streams docs: "does not write a stream record").
    if (old !== undefined && next !== undefined && valuesEqual({ M: old }, { M: next })) return [];
    return streamRecordOps(target, { oldItem: old, newItem: next }, { sequence: this.#sequence, now: this.#now(), byTtl });
  }

  /** Streams created or closed by a table record change (before/after absent: created/deleted). */
  tableOps(before: StreamedTable | undefined, after: StreamedTable | undefined): MetaOp[] {
    return streamTableOps(before, after, this.#now());
  }
}
