/**
 * Orders a bucket's writes against its DeleteBucket. Writes (an object, an upload, a part, a
 * marker) check that the bucket exists and then commit; DeleteBucket checks that the bucket is
 * empty and then deletes it. Without an order between the two, a write that found the bucket
 * before the delete committed after the delete's emptiness check: both answered success, and the
 * write's records outlived the bucket, to reappear in a bucket re-created with the same name.
 *
 * Writes are shared holders, DeleteBucket the exclusive one: `close` waits until the writes that
 * already entered have committed, and writes arriving meanwhile wait for the delete's outcome
 * before they check the bucket (so they answer NoSuchBucket after it). A write's cost when no
 * delete is deciding: two map updates, no promise.
 */
export class BucketWriteGate {
  /** Writes inside their check-and-commit section, by bucket. */
  readonly #writes = new Map<string, number>();
  /** A DeleteBucket deciding: resolves when it has; `drained` is called when the last write leaves. */
  readonly #closing = new Map<string, { done: Promise<void>; drained?: () => void }>();

  /**
   * Enters a write of `bucket`: undefined when entered now, else a promise that enters it once
   * the deciding delete is done. Every entry must be followed by one `leave`.
   */
  enter(bucket: string): Promise<void> | undefined {
    const closing = this.#closing.get(bucket);
    if (closing !== undefined) return closing.done.then(() => this.enter(bucket));
    this.#writes.set(bucket, (this.#writes.get(bucket) ?? 0) + 1);
    return undefined;
  }

  leave(bucket: string): void {
    const left = (this.#writes.get(bucket) ?? 1) - 1;
    if (left > 0) {
      this.#writes.set(bucket, left);
      return;
    }
    this.#writes.delete(bucket);
    this.#closing.get(bucket)?.drained?.();
  }

  /** Runs `write` as one write of `bucket` (for the callers off the hot path). */
  async write<T>(bucket: string, write: () => Promise<T>): Promise<T> {
    const entering = this.enter(bucket);
    if (entering !== undefined) await entering;
    try {
      return await write();
    } finally {
      this.leave(bucket);
    }
  }

  /**
   * Runs `decide` (DeleteBucket's check and delete) with no write of `bucket` in flight and none
   * entering. One at a time per bucket: the caller holds the bucket's lock.
   */
  async close<T>(bucket: string, decide: () => Promise<T>): Promise<T> {
    let done!: () => void;
    const entry: { done: Promise<void>; drained?: () => void } = { done: new Promise<void>((resolve) => { done = resolve; }) };
    this.#closing.set(bucket, entry);
    try {
      if (this.#writes.has(bucket)) await new Promise<void>((resolve) => { entry.drained = resolve; });
      return await decide();
    } finally {
      this.#closing.delete(bucket);
      done();
    }
  }
}
