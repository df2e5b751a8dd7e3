/**
 * The bucket controls radkawar/stackd captured from native AWS S3 that boltstack does not
 * emulate (testdata/aws/s3/public_access_replay.json, ownership_replay.json, 2026): policy
 * status. Strict by default (docs/feature-gates.md): each
 * answers 501 NotImplemented naming the operation, never a silent success, whatever AWS would
 * have answered (200 with the defaults). The ACL reads and writes of the same captures are
 * emulated: aws-captures-stackd-ownership.test.ts, and so are the ownership controls of a
 * BucketOwnerEnforced bucket: object-ownership-27.test.ts, and Block Public Access:
 * bucket-settings-27b.test.ts.
 */
import test from 'ava';
import {
  CreateBucketCommand, GetBucketPolicyStatusCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'public-access-main';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'source', Body: 'harmless ownership fixture\n' }));
});
test.after.always(async () => { await server?.stop(); });

const rows: [string, string, () => Promise<unknown>][] = [
  ['GetBucketPolicyStatus', 'public_access_replay.json seq 6 (AWS: 404 NoSuchBucketPolicy)', () => s3.send(new GetBucketPolicyStatusCommand({ Bucket }))],
];
for (const [operation, source, call] of rows) {
  test(`${operation} answers 501 NotImplemented naming it [radkawar/stackd testdata/aws/s3/${source}: not emulated]`, async (t) => {
    const err = await errorOf(call());
    t.is(err.$metadata.httpStatusCode, 501);
    t.is(err.name, 'NotImplemented');
    t.true(err.message.includes(operation), err.message);
  });
}
