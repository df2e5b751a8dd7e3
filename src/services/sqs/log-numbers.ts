/**
 * The numbers of SQS's log (keys.ts): every message's sequence number, in any queue, and every
 * shared body's id is drawn from this one counter, so what SQS writes sorts after what it wrote
 * before. At open the counter resumes after the highest number stored; a number whose records
 * were all deleted before a restart may be drawn again, which nothing depends on (a receipt
 * handle also names its receive; a shared body's copies are checked to still reference it).
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { LOG_BASE, SQS_NS, logNumberOf, logRange } from './keys.js';

export class LogNumbers {
  #next: number;

  constructor(next = LOG_BASE) {
    this.#next = next;
  }

  static async open(meta: MetaStore): Promise<LogNumbers> {
    let next = LOG_BASE;
    for await (const [key] of meta.iterate(SQS_NS, { ...logRange, reverse: true, limit: 1 })) next = logNumberOf(key) + 1;
    return new LogNumbers(next);
  }

  next(): number {
    return this.#next++;
  }
}
