/**
 * A per-key async mutex: callers with the same key run one after another, different keys run
 * freely. The blob store takes it per blob id around "move into place + pin" and around
 * "check pins and refs + unlink", so a collect can never remove a file that a concurrent write of
 * the same content has just pinned. Entries are removed when their queue drains.
 */
export class KeyLock {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key);
    let unlock!: () => void;
    const mine = new Promise<void>((resolve) => { unlock = resolve; });
    const tail = previous ? previous.then(() => mine) : mine;
    this.#tails.set(key, tail);
    if (previous) await previous; // never rejects: it chains only `mine` promises
    try {
      return await fn();
    } finally {
      unlock();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Keys currently locked or queued (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}
