/**
 * In-process pins on blobs, shared by both BlobStore backends. A pin keeps a freshly written blob
 * alive until the metadata batch that references it has committed; several writers of the same
 * content each hold their own pin. Release functions are idempotent.
 */
export class PinCounter {
  readonly #counts = new Map<string, number>();

  pin(id: string): () => void {
    this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.#counts.get(id) ?? 1) - 1;
      if (n > 0) this.#counts.set(id, n);
      else this.#counts.delete(id);
    };
  }

  isPinned(id: string): boolean {
    return this.#counts.has(id);
  }

  clear(): void {
    this.#counts.clear();
  }
}
