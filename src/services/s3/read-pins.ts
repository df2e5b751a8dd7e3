/**
 * Blobs a read of a multipart object still has to open. Such a read opens its parts' blobs one at
 * a time (read-spans.ts); a DeleteObject or an overwrite landing meanwhile dropped the last
 * reference to the parts not yet opened and collected them, and the reader, answered 200 with
 * the whole length, lost its connection mid-body. While a read holds a blob its collection waits,
 * and runs when the last read holding it lets go (the collect still checks the blob's references
 * then). A simple object's one blob is opened at once: its reads hold nothing.
 */
export class ReadPins {
  /** Reads holding each blob. */
  readonly #reads = new Map<string, number>();
  /** Blobs whose collection waits for their reads. */
  readonly #waiting = new Set<string>();
  readonly #collect: (id: string) => void;

  constructor(collect: (id: string) => void) {
    this.#collect = collect;
  }

  /** Holds `ids` until the returned function is called (once; later calls do nothing). */
  hold(ids: Iterable<string>): () => void {
    const held = [...new Set(ids)];
    for (const id of held) this.#reads.set(id, (this.#reads.get(id) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of held) this.#letGo(id);
    };
  }

  /** True when a read holds `id`: its collection then waits for the last of them. */
  defer(id: string): boolean {
    if (!this.#reads.has(id)) return false;
    this.#waiting.add(id);
    return true;
  }

  #letGo(id: string): void {
    const left = (this.#reads.get(id) ?? 1) - 1;
    if (left > 0) {
      this.#reads.set(id, left);
      return;
    }
    this.#reads.delete(id);
    if (this.#waiting.delete(id)) this.#collect(id);
  }
}
