/**
 * What S3 offers other services in process (never over the wire): DynamoDB's table exports write
 * their files through it and its table imports read theirs (services/dynamodb/exports/,
 * services/dynamodb/imports/). The S3 service returns an object of this type as
 * `Service.internal`; a caller reaches it with `deps.peer('s3')`.
 *
 * Each call runs S3's own handler (PutObject, GetObject, ListObjectsV2) for the given account,
 * so the bucket checks (missing, another account's) and what is read or written are exactly a
 * request's.
 */
import type { Readable } from 'node:stream';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationHandler, RequestContext } from '../types.js';

type Refused = { ok: false; code: string; message: string };
export type InternalPutResult = { ok: true; etag: string } | Refused;
/** An object's bytes as a stream (never read whole into memory here), and its length. */
export type InternalGetResult = { ok: true; stream: Readable; length: number } | Refused;
/** One page of keys under a prefix, in key order; `next` continues the listing. */
export type InternalListResult = { ok: true; objects: { key: string; size: number }[]; next?: string } | Refused;

export interface S3InternalApi {
  /** Stores `body` at `bucket`/`key` as `account` would with PutObject; never throws for an S3 error. */
  putObject(account: string, region: string, bucket: string, key: string, body: Buffer, expectedOwner?: string): Promise<InternalPutResult>;
  /** Opens `bucket`/`key` as `account` would with GetObject; never throws for an S3 error. */
  getObject(account: string, region: string, bucket: string, key: string, expectedOwner?: string): Promise<InternalGetResult>;
  /** One ListObjectsV2 page of `bucket` under `prefix`, after the `next` of the page before. */
  listObjects(account: string, region: string, bucket: string, prefix: string, next?: string, expectedOwner?: string): Promise<InternalListResult>;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/**
 * `expectedOwner` is the request's ExpectedBucketOwner (DynamoDB's S3BucketOwner): a bucket of
 * another owner is AccessDenied, as S3 answers x-amz-expected-bucket-owner (bucket-access.ts).
 */
const owned = (expectedOwner: string | undefined): object => (expectedOwner !== undefined ? { ExpectedBucketOwner: expectedOwner } : {});

/** The API over the service's own operation table (its handlers with the bucket checks in front). */
export function s3InternalApi(operations: Record<string, OperationHandler>): S3InternalApi {
  const call = async <T>(account: string, region: string, operation: string, input: object): Promise<{ ok: true; out: T } | Refused> => {
    const ctx: RequestContext = { requestId: 'internal', accountId: account, region, host: '', signal: new AbortController().signal, ignored: [] };
    try {
      return { ok: true, out: await operations[operation]!(ctx, input) as T };
    } catch (err) {
      if (err instanceof AwsError) return { ok: false, code: err.code, message: err.message };
      throw err;
    }
  };
  return {
    async putObject(account, region, bucket, key, body, expectedOwner) {
      const Body = { stream: once(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), length: body.length, trailers: () => ({}) };
      const done = await call<{ ETag: string }>(account, region, 'PutObject', { Bucket: bucket, Key: key, Body, ...owned(expectedOwner) });
      return done.ok ? { ok: true, etag: done.out.ETag } : done;
    },
    async getObject(account, region, bucket, key, expectedOwner) {
      const done = await call<{ Body: { stream: Readable; length: number } }>(account, region, 'GetObject', { Bucket: bucket, Key: key, ...owned(expectedOwner) });
      return done.ok ? { ok: true, stream: done.out.Body.stream, length: done.out.Body.length } : done;
    },
    async listObjects(account, region, bucket, prefix, next, expectedOwner) {
      const done = await call<{ Contents?: { Key: string; Size: number }[]; NextContinuationToken?: string }>(account, region, 'ListObjectsV2', {
        Bucket: bucket, Prefix: prefix, ...(next !== undefined && { ContinuationToken: next }), ...owned(expectedOwner),
      });
      if (!done.ok) return done;
      const objects = (done.out.Contents ?? []).map((c) => ({ key: c.Key, size: c.Size }));
      return { ok: true, objects, ...(done.out.NextContinuationToken !== undefined && { next: done.out.NextContinuationToken }) };
    },
  };
}
