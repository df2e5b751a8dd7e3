/**
 * The `raw` S3 driver: SigV4-signed HTTP on an undici keep-alive Pool (one connection per worker),
 * UNSIGNED-PAYLOAD so bodies stream without hashing, no XML parsing of answers (listings are
 * drained, not read). Path-style addressing only. Multipart: raw-multipart.ts.
 */
import type { BodySource, OpResult, S3Driver, Target } from '../../types.js';
import { s3DriverFactory } from './adapter.js';
import { RawS3Http, type RawAnswer } from './raw-http.js';
import { rawMultipartUpload } from './raw-multipart.js';
import { objectPath, uriEncode } from './sign.js';

const result = (a: RawAnswer, bytes = 0): OpResult => (a.error ? { ok: false, bytes: 0, error: a.error } : { ok: true, bytes });

export class RawS3Driver implements S3Driver {
  readonly name = 's3-raw';
  readonly #http: RawS3Http;
  readonly #region: string;

  constructor(target: Target, connections: number) {
    this.#http = new RawS3Http(target, connections);
    this.#region = target.region;
  }

  async setup(bucket: string): Promise<void> {
    // Outside us-east-1, S3 wants the region in the body of CreateBucket.
    const body = this.#region === 'us-east-1' ? undefined
      : `<CreateBucketConfiguration><LocationConstraint>${this.#region}</LocationConstraint></CreateBucketConfiguration>`;
    const a = await this.#http.request({ method: 'PUT', path: `/${bucket}`, body, length: body ? Buffer.byteLength(body) : undefined });
    if (a.error && a.error !== 'BucketAlreadyOwnedByYou' && a.error !== 'BucketAlreadyExists') {
      throw new Error(`CreateBucket ${bucket}: ${a.error}`);
    }
  }

  async upload(bucket: string, key: string, body: BodySource, multipart?: { threshold: number; partSize: number }): Promise<OpResult> {
    const path = objectPath(bucket, key);
    if (multipart && body.size > multipart.threshold) return rawMultipartUpload(this.#http, path, body, multipart.partSize);
    const a = await this.#http.request({ method: 'PUT', path, body: body.whole?.() ?? body.stream(), length: body.size });
    return result(a, body.size);
  }

  async download(bucket: string, key: string): Promise<OpResult> {
    const a = await this.#http.request({ method: 'GET', path: objectPath(bucket, key) });
    return result(a, a.bytes);
  }

  async head(bucket: string, key: string): Promise<OpResult> {
    return result(await this.#http.request({ method: 'HEAD', path: objectPath(bucket, key) }));
  }

  async list(bucket: string, prefix: string, maxKeys: number): Promise<OpResult> {
    // Canonical query: parameters sorted by name, values URI-encoded.
    const query = `list-type=2&max-keys=${maxKeys}&prefix=${uriEncode(prefix)}`;
    return result(await this.#http.request({ method: 'GET', path: `/${bucket}`, query }));
  }

  async delete(bucket: string, key: string): Promise<OpResult> {
    return result(await this.#http.request({ method: 'DELETE', path: objectPath(bucket, key) }));
  }

  close(): Promise<void> {
    return this.#http.close();
  }
}

export const s3RawDriver = s3DriverFactory('raw', (target, connections) => new RawS3Driver(target, connections));
export default s3RawDriver;
