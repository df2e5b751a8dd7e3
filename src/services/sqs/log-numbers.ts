/**
 * The numbers of SQS's log (keys.ts): every message's sequence number, in any queue, and every
 * shared body's id is drawn from this one counter, so what SQS writes sorts after what it wrote
 * before.
 *
 * Numbers are drawn in blocks of BLOCK, and the first number of each block is kept by a marker
 * record in the log (`~\0<number>\0`, its queue id empty), written before any record numbered
 * from the block: at open, awaited; later, when the block is entered (the store writes in call
 * order). At open the counter resumes at the block after the highest number stored, so a number
 * is never drawn twice, even when every record of the newest numbers was deleted before a
 * restart: a FIFO queue's SequenceNumbers keep increasing across restarts, as AWS's do. The
 * marker sits at the end of the log like everything else SQS writes, so it costs no compaction
 * (keys.ts); one is written per BLOCK numbers, and the previous one deleted with it.
 */
import type { Logger } from '../../log.js';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { LOG_BASE, SQS_NS, logBlockKey, logNumberOf, logRange } from './keys.js';

/** 2^20: an SNS fan-out at 6,000 publishes/s to ten queues draws about 66,000 numbers a second. */
export const BLOCK = 2 ** 20;

export class LogNumbers {
  #next: number;
  /** The newest block marker's number. */
  #marker: number;

  private constructor(private readonly meta: MetaStore, private readonly log: Logger, next: number, marker: number) {
    this.#next = next;
    this.#marker = marker;
  }

  static async open(meta: MetaStore, log: Logger): Promise<LogNumbers> {
    let start = LOG_BASE;
    let previous: number | undefined;
    for await (const [key] of meta.iterate(SQS_NS, { ...logRange, reverse: true, limit: 1 })) {
      // The process that drew the highest number wrote its block's marker: replaced by ours.
      previous = Math.floor(logNumberOf(key) / BLOCK) * BLOCK;
      start = previous + BLOCK;
    }
    // The first block's marker is written here, so no first write pays for it.
    await meta.batch(markerOps(start, previous));
    return new LogNumbers(meta, log, start + 1, start);
  }

  next(): number {
    if (this.#next % BLOCK === 0) this.#enterBlock(this.#next++);
    return this.#next++;
  }

  #enterBlock(marker: number): void {
    const previous = this.#marker;
    this.#marker = marker;
    this.meta.batch(markerOps(marker, previous))
      .catch((err: unknown) => this.log.warn('sqs: writing a log block marker failed', { marker, err: String(err) }));
  }
}

function markerOps(marker: number, previous: number | undefined): MetaOp[] {
  const put: MetaOp = { type: 'put', ns: SQS_NS, key: logBlockKey(marker), value: '' };
  return previous === undefined ? [put] : [put, { type: 'del', ns: SQS_NS, key: logBlockKey(previous) }];
}
