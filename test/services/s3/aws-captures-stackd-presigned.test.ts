/**
 * Query fields of a presigned GET, as native AWS S3 answered them in radkawar/stackd
 * testdata/aws/s3/presigned_headers.json (2026-09-13; botocore S3SigV4QueryAuth GETs, the fields
 * placed in the query before signing). boltstack reads signatures without verifying them, so the
 * rows send the same query fields unsigned. Only the observed answers are used.
 */
import test from 'ava';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const bucket = 'stackd-presigned-headers';
const SRC = 'radkawar/stackd testdata/aws/s3/presigned_headers.json';
// The test client's access key is not 12 digits: its account is the default one.
const OWNER = '000000000000';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'owned-presign-object', Body: 'owned synthetic payload, 29 b', ChecksumAlgorithm: 'SHA256' }));
});
test.after.always(async () => { await server?.stop(); });

const get = (query: string, headers: Record<string, string> = {}) => fetch(`${server.endpoint}/${bucket}/owned-presign-object${query}`, { headers });

test(`x-amz-checksum-mode in the query alone answers no checksum; in a header it answers the stored one [${SRC} owner-query-correct, checksum-query-capitalized, checksum-header-only (2026-09-13)]`, async (t) => {
  for (const query of [`?x-amz-expected-bucket-owner=${OWNER}&x-amz-checksum-mode=ENABLED`, '?X-Amz-Checksum-Mode=ENABLED']) {
    const res = await get(query);
    t.is(res.status, 200, query);
    t.is(res.headers.get('x-amz-checksum-sha256'), null, query);
    t.is(res.headers.get('x-amz-checksum-type'), null, query);
    await res.arrayBuffer();
  }
  const res = await get('', { 'x-amz-checksum-mode': 'ENABLED' });
  t.is(res.status, 200);
  t.truthy(res.headers.get('x-amz-checksum-sha256'));
  t.is(res.headers.get('x-amz-checksum-type'), 'FULL_OBJECT');
  await res.arrayBuffer();
});

// The rest-xml decoder (src/protocols/rest-xml/decode.ts) takes ExpectedBucketOwner from the
// query too, and refuses it given both ways.
test(`x-amz-expected-bucket-owner in the query alone is enforced: another account is 403 AccessDenied [${SRC} owner-query-wrong (2026-09-13)]`, async (t) => {
  const res = await get('?x-amz-expected-bucket-owner=999999999999');
  t.is(res.status, 403);
  t.regex(await res.text(), /<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);
});

test(`x-amz-expected-bucket-owner in both the query and a header is 400 InvalidBucketOwnerAWSAccountID, equal or not [${SRC} owner-query-header-conflict, owner-query-header-same (2026-09-13)]`, async (t) => {
  for (const header of ['999999999999', OWNER]) {
    const res = await get(`?x-amz-expected-bucket-owner=${OWNER}`, { 'x-amz-expected-bucket-owner': header });
    t.is(res.status, 400, header);
    const body = await res.text();
    t.regex(body, /<Code>InvalidBucketOwnerAWSAccountID<\/Code>/);
    t.regex(body, /<Message>Expected bucket owner must be provided as either a header or parameter, not both<\/Message>/);
  }
});
