/**
 * What the rows from LocalStack's test_s3 snapshot share (aws-answers-localstack-s3-first*.test.ts,
 * one file split three ways to stay under 400 lines): the source they cite, one server per file,
 * a fresh bucket per row, and the digests and error fields they compare.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

export const LS = 'localstack/localstack tests/aws/services/s3/test_s3.py';

export const md5 = (s: string | Buffer): string => createHash('md5').update(s).digest('hex');
export const sha256b64 = (s: string | Buffer): string => createHash('sha256').update(s).digest('base64');
/** An SDK error's extra members (BucketName, Key, ArgumentName, ...), which its type does not list. */
export const extra = (err: unknown): Record<string, unknown> => err as Record<string, unknown>;

/** Starts a server before the file's rows and stops it after; its endpoint, and a new bucket per row. */
export function serveRows(): { endpoint: () => string; newBucket: (extraConfig?: Parameters<typeof s3Client>[1]) => Promise<{ s3: S3Client; bucket: string }> } {
  let server: Boltstack | undefined;
  test.before(async () => { server = await startBoltstack(); });
  test.after.always(async () => { await server?.stop(); });
  const endpoint = (): string => server!.endpoint;
  return {
    endpoint,
    async newBucket(extraConfig = {}) {
      const s3 = s3Client(endpoint(), extraConfig);
      const bucket = uniqueBucket('lss3a');
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      return { s3, bucket };
    },
  };
}
