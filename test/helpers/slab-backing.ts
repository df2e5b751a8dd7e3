/**
 * What memory a streamed request body's chunks live in, for the two "never joined copies" tests
 * (server-uws-request-body, node-http-request-body): full slabs, and at most one smaller slab for
 * the rest of a declared length (src/util/byte-slabs.ts). A joined copy of buffered chunks would
 * show as buffers of other sizes, or as many more bytes outside full slabs.
 */
import type { ExecutionContext } from 'ava';
import { MIN_SLAB_BYTES, SLAB_BYTES } from '../../src/util/byte-slabs.js';

export class SlabBacking {
  readonly #sizes = new Map<number, number>();
  #outsideFullSlabs = 0;

  add(chunk: Buffer): void {
    const size = chunk.buffer.byteLength;
    this.#sizes.set(size, (this.#sizes.get(size) ?? 0) + 1);
    if (size !== SLAB_BYTES) this.#outsideFullSlabs += chunk.length;
  }

  check(t: ExecutionContext): void {
    const sizes = [...this.#sizes.keys()];
    const message = `backing buffer sizes (bytes: chunks): ${JSON.stringify([...this.#sizes])}`;
    t.is(sizes[0], SLAB_BYTES, message);
    t.true(sizes.length <= 2, message);
    t.true(sizes.every((s) => s === SLAB_BYTES || (s >= MIN_SLAB_BYTES && s < SLAB_BYTES && (s & (s - 1)) === 0)), message);
    t.true(this.#outsideFullSlabs <= SLAB_BYTES, `${this.#outsideFullSlabs} bytes outside full slabs; ${message}`);
  }
}
