/**
 * How many copies each shared body has left (shared-bodies.ts), in two typed arrays rather than
 * a Map: an SNS fan-out nobody reads yet keeps one body per publish, and a Map of 150,000 numbers
 * held 9.3 MiB of heap (about 65 bytes an entry, twice that while it rehashes), the arrays 8
 * bytes an entry. Bodies written by this process are appended in id order (ids are log numbers,
 * log-numbers.ts, drawn in increasing order) and found by binary search; a deleted one leaves a
 * hole until the holes are half the entries. An id is kept as its 32-bit offset from `#base` (the
 * first live id when the arrays last started or were compacted) rather than as a double: 4 bytes
 * an entry less, about 0.5 MiB at the peak of an SNS fan-out to ten queues nobody reads. Bodies
 * counted after a restart (older ids, in any order, few: only those of messages received before
 * the restart), and a body drawn 2^32 numbers after a body still counted, go in a Map.
 */
const INITIAL = 64;
const OFFSET_LIMIT = 2 ** 32;

export class BodyCounts {
  #offsets = new Uint32Array(INITIAL);
  #counts = new Uint32Array(INITIAL);
  /** The id of offset 0. */
  #base = 0;
  /** Entries in use: [#start, #end); a count of 0 is a hole. */
  #start = 0;
  #end = 0;
  #live = 0;
  readonly #older = new Map<number, number>();

  get size(): number { return this.#live + this.#older.size; }

  /** Bytes of the arrays (tests). */
  get bytes(): number { return this.#offsets.byteLength + this.#counts.byteLength; }

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
    if (this.#older.has(id)) {
      this.#older.set(id, count);
      return;
    }
    if (this.#end === this.#start) this.#base = id;
    else if (id <= this.#base + this.#offsets[this.#end - 1]!) {
      this.#older.set(id, count);
      return;
    }
    if (id - this.#base >= OFFSET_LIMIT) {
      // Compacting moves the base to the first live id: only worth it if that brings `id` in.
      if (id - (this.#base + this.#offsets[this.#start]!) >= OFFSET_LIMIT) {
        this.#older.set(id, count);
        return;
      }
      this.#makeRoom();
    }
    if (this.#end === this.#offsets.length) this.#makeRoom();
    this.#offsets[this.#end] = id - this.#base;
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
      if (this.#offsets.length > INITIAL * 16) this.#reset(INITIAL);
    }
  }

  /** Index of a live entry for `id`, or -1. */
  #find(id: number): number {
    const offset = id - this.#base;
    if (offset < 0 || offset >= OFFSET_LIMIT) return -1;
    let lo = this.#start;
    let hi = this.#end - 1;
    const offsets = this.#offsets;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = offsets[mid]!;
      if (at < offset) lo = mid + 1;
      else if (at > offset) hi = mid - 1;
      else return this.#counts[mid] === 0 ? -1 : mid;
    }
    return -1;
  }

  /**
   * Full, or the next id is past the offsets' range: drops the holes and moves `#base` to the
   * first live id; doubles the arrays if they were full and the holes were under half.
   */
  #makeRoom(): void {
    const full = this.#end === this.#offsets.length;
    const capacity = !full || this.#live * 2 <= this.#offsets.length ? this.#offsets.length : this.#offsets.length * 2;
    const offsets = new Uint32Array(capacity);
    const counts = new Uint32Array(capacity);
    let base = -1;
    let n = 0;
    for (let i = this.#start; i < this.#end; i++) {
      if (this.#counts[i] === 0) continue;
      const id = this.#base + this.#offsets[i]!;
      if (base < 0) base = id;
      offsets[n] = id - base;
      counts[n] = this.#counts[i]!;
      n++;
    }
    this.#offsets = offsets;
    this.#counts = counts;
    if (base >= 0) this.#base = base;
    this.#start = 0;
    this.#end = n;
  }

  #reset(capacity: number): void {
    this.#offsets = new Uint32Array(capacity);
    this.#counts = new Uint32Array(capacity);
  }
}
