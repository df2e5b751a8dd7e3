/**
 * What S3 offers other services in process (never over the wire): DynamoDB's table exports write
 * their files through it (services/dynamodb/exports/). The S3 service returns an object of this
 * type as `Service.internal`; a caller reaches it with `deps.peer('s3')`.
 *
 * A put runs S3's own PutObject handler for the given account, so the bucket checks (missing,
 * another account's) and the durability of the write are exactly a PutObject's.
 */
import { AwsError } from '../../errors/aws-error.js';
import type { OperationHandler, RequestContext } from '../types.js';

export type InternalPutResult = { ok: true; etag: string } | { ok: false; code: string; message: string };

export interface S3InternalApi {
  /** Stores `body` at `bucket`/`key` as `account` would with PutObject; never throws for an S3 error. */
  putObject(account: string, region: string, bucket: string, key: string, body: Buffer): Promise<InternalPutResult>;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The API over the service's own operation table (its PutObject with the bucket checks in front). */
export function s3InternalApi(operations: Record<string, OperationHandler>): S3InternalApi {
  return {
    async putObject(account, region, bucket, key, body) {
      const ctx: RequestContext = { requestId: 'internal', accountId: account, region, host: '', signal: new AbortController().signal, ignored: [] };
      const Body = { stream: once(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), length: body.length, trailers: () => ({}) };
      try {
        const out = await operations.PutObject!(ctx, { Bucket: bucket, Key: key, Body }) as { ETag: string };
        return { ok: true, etag: out.ETag };
      } catch (err) {
        if (err instanceof AwsError) return { ok: false, code: err.code, message: err.message };
        throw err;
      }
    },
  };
}
