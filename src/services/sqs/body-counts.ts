/**
 * How many copies each shared body has left (shared-bodies.ts), in typed arrays rather than a
 * Map: an SNS fan-out nobody reads yet keeps one body per publish, and a Map of 150,000 numbers
 * held 9.3 MiB of heap (about 65 bytes an entry, twice that while it rehashes), the arrays 8
 * bytes an entry. Bodies written by this process are appended in id order (ids are log numbers,
 * log-numbers.ts, drawn in increasing order) and found by binary search; a deleted one leaves a
 * hole. An id is kept as its 32-bit offset from its chunk's `base` (the chunk's first id) rather
 * than as a double: 4 bytes an entry less. Bodies counted after a restart (older ids, in any
 * order, few: only those of messages received before the restart) go in a Map.
 *
 * The entries are in chunks, oldest first: the first holds 64 entries, each next one twice the
 * last up to CHUNK (16 KiB). Growing never copies: doubling one pair of arrays (until the
 * eleventh session) held up to twice the entries, and the arrays it replaced stayed allocated
 * until V8's next full GC (their JS objects were in old space). A chunk whose entries are all
 * holes is dropped; once the holes outnumber the live entries (by more than a chunk), the live
 * ones are packed into new chunks, so the arrays stay under about twice the entries.
 */
const INITIAL = 64;
const CHUNK = 2048;
const OFFSET_LIMIT = 2 ** 32;

interface Chunk {
  /** The id of offset 0: the chunk's first entry's. */
  base: number;
  readonly offsets: Uint32Array;
  /** 0: a hole. */
  readonly counts: Uint32Array;
  /** Entries written. */
  length: number;
  live: number;
}

const newChunk = (base: number, capacity: number): Chunk =>
  ({ base, offsets: new Uint32Array(capacity), counts: new Uint32Array(capacity), length: 0, live: 0 });

export class BodyCounts {
  /** Chunks in id order; every entry of one is below every entry of the next. */
  #chunks: Chunk[] = [];
  /** Entries written and not yet dropped with their chunk (live ones and holes). */
  #entries = 0;
  #live = 0;
  readonly #older = new Map<number, number>();
  /** Where `#find` found its entry. */
  #at = 0;

  get size(): number { return this.#live + this.#older.size; }

  /** Bytes of the arrays (tests). */
  get bytes(): number {
    let n = 0;
    for (const c of this.#chunks) n += c.offsets.byteLength + c.counts.byteLength;
    return n;
  }

  has(id: number): boolean {
    return this.#find(id) !== undefined || this.#older.has(id);
  }

  get(id: number): number | undefined {
    const c = this.#find(id);
    return c !== undefined ? c.counts[this.#at]! : this.#older.get(id);
  }

  /** Sets a body's count (at least 1: `delete` removes one). */
  set(id: number, count: number): void {
    const found = this.#find(id);
    if (found !== undefined) {
      found.counts[this.#at] = count;
      return;
    }
    if (this.#older.has(id)) {
      this.#older.set(id, count);
      return;
    }
    let c = this.#chunks[this.#chunks.length - 1];
    if (c !== undefined && c.length > 0 && id <= c.base + c.offsets[c.length - 1]!) {
      this.#older.set(id, count);
      return;
    }
    if (c !== undefined && c.length === 0) c.base = id;
    else if (c === undefined || c.length === c.offsets.length || id - c.base >= OFFSET_LIMIT) {
      c = newChunk(id, c === undefined ? INITIAL : Math.min(CHUNK, c.offsets.length * 2));
      this.#chunks.push(c);
    }
    c.offsets[c.length] = id - c.base;
    c.counts[c.length] = count;
    c.length++;
    c.live++;
    this.#entries++;
    this.#live++;
  }

  delete(id: number): void {
    const c = this.#find(id);
    if (c === undefined) {
      this.#older.delete(id);
      return;
    }
    c.counts[this.#at] = 0;
    c.live--;
    this.#live--;
    if (c.live === 0) this.#drop(c);
    else if (this.#entries - this.#live > this.#live + CHUNK) this.#pack();
  }

  /** The chunk holding a live entry for `id` (its index in `#at`), or undefined. */
  #find(id: number): Chunk | undefined {
    const chunks = this.#chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (chunks[mid]!.base <= id) lo = mid;
      else hi = mid - 1;
    }
    const c = chunks[lo];
    if (c === undefined || id < c.base || id - c.base >= OFFSET_LIMIT) return undefined;
    const offset = id - c.base;
    const offsets = c.offsets;
    let l = 0;
    let h = c.length - 1;
    while (l <= h) {
      const mid = (l + h) >>> 1;
      const at = offsets[mid]!;
      if (at < offset) l = mid + 1;
      else if (at > offset) h = mid - 1;
      else {
        if (c.counts[mid] === 0) return undefined;
        this.#at = mid;
        return c;
      }
    }
    return undefined;
  }

  /** Drops a chunk with no live entry; a lone small one stays for the next bodies. */
  #drop(c: Chunk): void {
    this.#entries -= c.length;
    if (this.#chunks.length === 1 && c.offsets.length === INITIAL) {
      c.length = 0;
      return;
    }
    this.#chunks.splice(this.#chunks.indexOf(c), 1);
  }

  /** Packs the live entries into new chunks (each as large as CHUNK, or the entries left). */
  #pack(): void {
    const packed: Chunk[] = [];
    let to: Chunk | undefined;
    for (const c of this.#chunks) {
      for (let i = 0; i < c.length; i++) {
        const count = c.counts[i]!;
        if (count === 0) continue;
        const id = c.base + c.offsets[i]!;
        if (to === undefined || to.length === to.offsets.length || id - to.base >= OFFSET_LIMIT) {
          to = newChunk(id, CHUNK);
          packed.push(to);
        }
        to.offsets[to.length] = id - to.base;
        to.counts[to.length] = count;
        to.length++;
        to.live++;
      }
    }
    this.#chunks = packed;
    this.#entries = this.#live;
  }
}
