/**
 * Free buffers kept for reuse, up to a count, and all dropped once nobody has taken one for an
 * idle spell (so an idle emulator holds none: DESIGN.md §6a). Used by the upload slabs
 * (byte-slabs.ts). Each owner is one instance; the timer is unref'd and runs only while
 * something is kept. What is let go goes to `release` (e.g. util/free-now.ts: memory dropped
 * while idle would otherwise wait for a GC that an idle process never runs), else to the GC.
 */
export class IdleFreeList<T> {
  readonly #free: T[] = [];
  readonly #max: number;
  readonly #idleMs: number;
  readonly #release: (items: T[]) => void;
  #used = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(max: number, idleMs: number, release: (items: T[]) => void = () => undefined) {
    this.#max = max;
    this.#idleMs = idleMs;
    this.#release = release;
  }

  /** A kept item, or undefined: the caller then makes a new one. */
  take(): T | undefined {
    this.#used = true;
    return this.#free.pop();
  }

  /** Keeps `item` for the next `take`, unless `max` are kept already (then it goes to the GC). */
  keep(item: T): void {
    if (this.#free.length >= this.#max) return this.#release([item]);
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
      this.#release(this.#free.splice(0));
      return;
    }
    this.#used = false;
    this.#timer = setTimeout(() => this.#onIdleCheck(), this.#idleMs).unref();
  }
}
