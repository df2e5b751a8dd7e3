/**
 * x-amz-request-payer from the bucket owner's own account, as native AWS S3 answered it
 * (radkawar/stackd testdata/aws/s3/requester_data_replay.json, 2026): the owner's account is
 * never charged, so its reads succeed whatever the header says (even a value that is no payer)
 * and answer no x-amz-request-charged. Requester-pays buckets and other accounts' requests are
 * not replayed: boltstack does not implement PutBucketRequestPayment.
 */
import test from 'ava';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'requester-native';
const SRC = 'radkawar/stackd testdata/aws/s3/requester_data_replay.json';
const BODY = 'second harmless requester fixture\n';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'index.html', Body: BODY, ContentType: 'text/plain' }));
});
test.after.always(async () => { await server?.stop(); });

test(`the owner's GetObject with no payer header or an invalid one is 200 without x-amz-request-charged [${SRC} seq 30, 32, 36, 38 owner/same get payer None/invalid]`, async (t) => {
  for (const payer of [undefined, 'invalid']) {
    const got = await signedRequest(server.endpoint, {
      method: 'GET', path: `/${Bucket}/index.html`, headers: payer === undefined ? {} : { 'x-amz-request-payer': payer },
    });
    t.is(got.status, 200, String(payer));
    t.is(got.body.toString(), BODY);
    t.false('x-amz-request-charged' in got.headers, String(payer));
  }
});
