/**
 * Markers of aborted multipart uploads (`a\0<bucket>\0<key>\0<uploadId>` → abort time, epoch ms),
 * so that S3's answers about an upload aborted a moment ago hold: aborting it again is 204
 * (radkawar/stackd testdata/aws/s3/multipart_controls_replay.json seq 79, 2026-09-20), and a
 * ListMultipartUploads upload-id-marker naming it pages on.
 *
 * Bounded per bucket: once a bucket holds twice `keep` markers, the oldest are dropped down to
 * `keep` (1,000 by default). Why 1,000: both answers are about recent aborts — a retried abort,
 * and a listing paged through while its uploads are being aborted, whose marker is an upload of
 * the page just read; a page holds at most 1,000 uploads (max-uploads), so even a page aborted
 * whole keeps its last upload's marker. Older aborts answer NoSuchUpload, as an upload never made
 * does. Pruning reads the bucket's markers (at most 2 × keep) once per `keep` aborts.
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import * as keys from './keys.js';

export const ABORT_MARKERS_KEPT = 1_000;

export class AbortMarkers {
  readonly #meta: MetaStore;
  readonly #keep: number;
  /** Markers per bucket, as far as this process knows (counted on a bucket's first abort). */
  readonly #counts = new Map<string, number>();

  constructor(meta: MetaStore, keep = ABORT_MARKERS_KEPT) {
    this.#meta = meta;
    this.#keep = keep;
  }

  /** The op that records an abort (in the abort's batch). */
  markOp(bucket: string, key: string, uploadId: string): MetaOp {
    return { type: 'put', ns: keys.S3_NS, key: keys.abortedUploadKey(bucket, key, uploadId), value: String(Date.now()) };
  }

  async has(bucket: string, key: string, uploadId: string): Promise<boolean> {
    return (await this.#meta.get(keys.S3_NS, keys.abortedUploadKey(bucket, key, uploadId))) !== undefined;
  }

  /** After a marker was written: counts it and drops the oldest past the bound. Call under the bucket's lock. */
  async marked(bucket: string): Promise<void> {
    const known = this.#counts.get(bucket);
    const count = known === undefined ? (await this.#entries(bucket)).length : known + 1;
    this.#counts.set(bucket, count);
    if (count > 2 * this.#keep) await this.#prune(bucket);
  }

  /** The bucket is gone, and its markers with it. */
  forget(bucket: string): void {
    this.#counts.delete(bucket);
  }

  async #entries(bucket: string): Promise<[string, number][]> {
    const prefix = keys.abortedUploadPrefix(bucket);
    const out: [string, number][] = [];
    // Markers written before abort times were kept hold 1: they sort oldest.
    for await (const [k, v] of this.#meta.iterate(keys.S3_NS, { gte: prefix, lt: keys.prefixEnd(prefix) })) out.push([k, Number(v)]);
    return out;
  }

  async #prune(bucket: string): Promise<void> {
    const entries = (await this.#entries(bucket)).sort((a, b) => a[1] - b[1]);
    const drop = entries.slice(0, Math.max(0, entries.length - this.#keep));
    await this.#meta.batch(drop.map(([key]) => ({ type: 'del', ns: keys.S3_NS, key })));
    this.#counts.set(bucket, entries.length - drop.length);
  }
}
