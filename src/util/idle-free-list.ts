/**
 * Free buffers kept for reuse, up to a count, and all dropped once nobody has taken one for an
 * idle spell (so an idle emulator holds none: DESIGN.md §6a). Shared by the upload slabs
 * (byte-slabs.ts) and the hash workers' staging memory (pool/staging.ts). Each owner is one
 * instance; the timer is unref'd and runs only while something is kept.
 */
export class IdleFreeList<T> {
  readonly #free: T[] = [];
  readonly #max: number;
  readonly #idleMs: number;
  #used = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(max: number, idleMs: number) {
    this.#max = max;
    this.#idleMs = idleMs;
  }

  /** A kept item, or undefined: the caller then makes a new one. */
  take(): T | undefined {
    this.#used = true;
    return this.#free.pop();
  }

  /** Keeps `item` for the next `take`, unless `max` are kept already (then it goes to the GC). */
  keep(item: T): void {
    if (this.#free.length >= this.#max) return;
    this.#free.push(item);
    this.#timer ??= setTimeout(() => this.#onIdleCheck(), this.#idleMs).unref();
  }

  /** Items kept now (tests). */
  get size(): number {
    return this.#free.length;
  }

  #onIdleCheck(): void {
    this.#timer = undefined;
    if (!this.#used) {
      this.#free.length = 0;
      return;
    }
    this.#used = false;
    this.#timer = setTimeout(() => this.#onIdleCheck(), this.#idleMs).unref();
  }
}
