/**
 * Serialises async critical sections per key inside one process; different keys run freely.
 * S3 takes it per object key, so two writes of one key cannot both read the old record and both
 * drop its blob reference (a leak). The blob store takes it per blob id around "move into place
 * + pin" and "check pins and refs + unlink", so a collect never removes a file that a concurrent
 * write of the same content has just pinned. Entries go as soon as their queue drains.
 */
export class KeyedMutex {
  #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await section();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  get size(): number {
    return this.#tails.size;
  }
}
