/**
 * How many copies each shared body has left (shared-bodies.ts), in two typed arrays rather than
 * a Map: an SNS fan-out nobody reads yet keeps one body per publish, and a Map of 150,000 numbers
 * held 9.3 MiB of heap (about 65 bytes an entry, twice that while it rehashes), the arrays 12
 * bytes an entry. Bodies written by this process are appended in id order (ids are log numbers,
 * log-numbers.ts, drawn in increasing order) and found by binary search; a deleted one leaves a
 * hole until the holes are half the entries. Bodies counted after a restart (older ids, in any
 * order, few: only those of messages received before the restart) go in a Map.
 */
const INITIAL = 64;

export class BodyCounts {
  #ids = new Float64Array(INITIAL);
  #counts = new Uint32Array(INITIAL);
  /** Entries in use: [#start, #end); a count of 0 is a hole. */
  #start = 0;
  #end = 0;
  #live = 0;
  readonly #older = new Map<number, number>();

  get size(): number { return this.#live + this.#older.size; }

  /** Bytes of the arrays (tests). */
  get bytes(): number { return this.#ids.byteLength + this.#counts.byteLength; }

  has(id: number): boolean {
    return this.#find(id) >= 0 || this.#older.has(id);
  }

  get(id: number): number | undefined {
    const at = this.#find(id);
    return at >= 0 ? this.#counts[at] : this.#older.get(id);
  }

  /** Sets a body's count (at least 1: `delete` removes one). */
  set(id: number, count: number): void {
    const at = this.#find(id);
    if (at >= 0) {
      this.#counts[at] = count;
      return;
    }
    if (this.#end > this.#start && id < this.#ids[this.#end - 1]!) {
      this.#older.set(id, count);
      return;
    }
    if (this.#end === this.#ids.length) this.#makeRoom();
    this.#ids[this.#end] = id;
    this.#counts[this.#end] = count;
    this.#end++;
    this.#live++;
  }

  delete(id: number): void {
    const at = this.#find(id);
    if (at < 0) {
      this.#older.delete(id);
      return;
    }
    this.#counts[at] = 0;
    this.#live--;
    while (this.#start < this.#end && this.#counts[this.#start] === 0) this.#start++;
    if (this.#live === 0) {
      this.#start = 0;
      this.#end = 0;
      if (this.#ids.length > INITIAL * 16) this.#reset(INITIAL);
    }
  }

  /** Index of a live entry for `id`, or -1. */
  #find(id: number): number {
    let lo = this.#start;
    let hi = this.#end - 1;
    const ids = this.#ids;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid]!;
      if (at < id) lo = mid + 1;
      else if (at > id) hi = mid - 1;
      else return this.#counts[mid] === 0 ? -1 : mid;
    }
    return -1;
  }

  /** Full: drops the holes if they are half the entries or more, else doubles. */
  #makeRoom(): void {
    const capacity = this.#live * 2 <= this.#ids.length ? this.#ids.length : this.#ids.length * 2;
    const ids = new Float64Array(capacity);
    const counts = new Uint32Array(capacity);
    let n = 0;
    for (let i = this.#start; i < this.#end; i++) {
      if (this.#counts[i] === 0) continue;
      ids[n] = this.#ids[i]!;
      counts[n] = this.#counts[i]!;
      n++;
    }
    this.#ids = ids;
    this.#counts = counts;
    this.#start = 0;
    this.#end = n;
  }

  #reset(capacity: number): void {
    this.#ids = new Float64Array(capacity);
    this.#counts = new Uint32Array(capacity);
  }
}
