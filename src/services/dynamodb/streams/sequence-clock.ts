/**
 * Sequence numbers of stream records as stored: 21-digit decimal strings (so byte order is
 * numeric order), derived from the wall clock in microsecond-sized steps and strictly increasing
 * within the process. Deriving them from time, not a stored counter, keeps them increasing across
 * restarts without an extra write per item change (a restart takes far longer than a
 * millisecond). The API shows them 22 digits wide (wire-sequence.ts); the stored form stays.
 */
export const STORED_WIDTH = 21;
/** 10^20 + time-derived part: every stored number has 21 digits and no leading zero. */
const BASE = 10n ** 20n;

export class SequenceClock {
  #last = 0n;

  /** The next number, at or after `nowMs`. */
  next(nowMs: number = Date.now()): string {
    const fromTime = BASE + BigInt(Math.floor(nowMs)) * 1_000_000n;
    this.#last = fromTime > this.#last ? fromTime : this.#last + 1n;
    return this.#last.toString();
  }

  /** The sequence number that sorts before every record written at or after `nowMs`. */
  static floor(nowMs: number): string {
    return (BASE + BigInt(Math.floor(nowMs)) * 1_000_000n).toString();
  }
}

export const isSequenceNumber = (value: string): boolean => /^\d{1,40}$/.test(value);
