/**
 * Turns an S3Driver (upload/download/head/list/delete on bucket + key) into the engine's generic
 * Driver: it maps the engine's key index to a key, creates the bucket and preloads keys in setup.
 * Key ranges: reads (download, head) use keys below `preload`, which always exist; deletes use
 * keys from `preload` up, which uploads (any key) recreate, so a mixed run has no read misses.
 */
import type { BodySource, Driver, DriverFactory, OpResult, S3Driver, Target, Workload } from '../../types.js';
import { createBodyFactory } from '../../workload/body.js';
import { keyName, listPrefix } from '../../workload/keys.js';
import { sizeOfKey } from '../../workload/sizes.js';
import { forEachLimited } from '../preload.js';

export const S3_OPERATIONS = ['upload', 'download', 'head', 'list', 'delete'] as const;

/** Builds the S3Driver once the workload (hence the connection count) is known. */
export type S3DriverMaker = (target: Target, connections: number) => S3Driver;

export const DEFAULT_BUCKET = 'boltstack-bench';
const DEFAULT_LIST_MAX_KEYS = 1000;
/** Preload parallelism: enough to fill a server, few enough not to queue large bodies. */
const PRELOAD_CONCURRENCY = 16;

export function bucketOf(workload: Workload): string {
  const b = workload.options.bucket;
  return typeof b === 'string' && b !== '' ? b : DEFAULT_BUCKET;
}

class S3WorkloadDriver implements Driver {
  readonly service = 's3' as const;
  readonly operations = S3_OPERATIONS;
  readonly name: string;
  readonly #target: Target;
  readonly #make: S3DriverMaker;
  #s3: S3Driver | undefined;
  #workload: Workload | undefined;
  #bucket = DEFAULT_BUCKET;
  #listMaxKeys = DEFAULT_LIST_MAX_KEYS;

  constructor(kind: string, target: Target, make: S3DriverMaker) {
    this.name = `s3-${kind}`;
    this.#target = target;
    this.#make = make;
  }

  async setup(workload: Workload): Promise<void> {
    this.#workload = workload;
    this.#bucket = bucketOf(workload);
    const max = workload.options.listMaxKeys;
    if (typeof max === 'number' && max > 0) this.#listMaxKeys = max;
    await this.#s3?.close();
    const s3 = (this.#s3 = this.#make(this.#target, workload.concurrency));
    await s3.setup(this.#bucket);
    const bodies = createBodyFactory(workload.seed);
    await forEachLimited(workload.keys.preload, Math.min(PRELOAD_CONCURRENCY, workload.concurrency), async (n) => {
      const r = await s3.upload(this.#bucket, keyName(workload.keys, n), bodies.body(n, sizeOfKey(workload.size, workload.seed, n)), workload.multipart);
      if (!r.ok) throw new Error(`preloading ${keyName(workload.keys, n)} into ${this.#bucket} failed: ${r.error}`);
    });
  }

  run(op: string, n: number, body: BodySource | undefined): Promise<OpResult> {
    const s3 = this.#s3;
    const w = this.#workload;
    if (!s3 || !w) return Promise.resolve({ ok: false, bytes: 0, error: 'NotSetUp' });
    const { count, preload } = w.keys;
    switch (op) {
      case 'download':
        return s3.download(this.#bucket, keyName(w.keys, preload > 0 ? n % preload : n));
      case 'head':
        return s3.head(this.#bucket, keyName(w.keys, preload > 0 ? n % preload : n));
      case 'upload':
        if (!body) return Promise.resolve({ ok: false, bytes: 0, error: 'NoBody' });
        return s3.upload(this.#bucket, keyName(w.keys, n), body, w.multipart);
      case 'delete':
        return s3.delete(this.#bucket, keyName(w.keys, count > preload ? preload + (n % (count - preload)) : n));
      case 'list':
        return s3.list(this.#bucket, listPrefix(w.keys, n), this.#listMaxKeys);
      default:
        return Promise.resolve({ ok: false, bytes: 0, error: 'UnknownOperation' });
    }
  }

  async close(): Promise<void> {
    await this.#s3?.close();
    this.#s3 = undefined;
  }
}

export function s3DriverFactory(kind: string, make: S3DriverMaker): DriverFactory {
  return { service: 's3', kind, create: (target) => new S3WorkloadDriver(kind, target, make) };
}
