/**
 * `?versionId=` with no value is 400 InvalidArgument "Version id cannot be the empty string" on
 * every object operation, implemented or not (AWS's answer quoted in
 * amazon-archives/aws-sdk-core-ruby#76 and code-dot-org/code-dot-org#21563). Raw requests: the
 * SDK v3 client leaves an empty VersionId out of the URL.
 */
import test from 'ava';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let Bucket: string;
const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' };
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  Bucket = uniqueBucket('emptyversion');
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'v' }));
});
test.after.always(async () => { await server?.stop(); });

const rows: Array<[string, string, string]> = [
  ['GetObject', 'GET', '?versionId='],
  ['DeleteObject', 'DELETE', '?versionId='],
  ['GetObjectTagging', 'GET', '?tagging&versionId='],
  ['GetObjectAcl', 'GET', '?acl&versionId='],
  ['GetObjectRetention (not implemented)', 'GET', '?retention&versionId='],
];
for (const [operation, method, query] of rows) {
  test(`${operation} with an empty versionId: 400 InvalidArgument`, async (t) => {
    const res = await fetch(`${server.endpoint}/${Bucket}/k${query}`, { method, headers: AUTH });
    const body = await res.text();
    t.is(res.status, 400, body);
    t.regex(body, /<Code>InvalidArgument<\/Code><Message>Version id cannot be the empty string<\/Message>/);
    t.is((await fetch(`${server.endpoint}/${Bucket}/k`, { headers: AUTH })).status, 200, 'the object is still there');
  });
}

test('HeadObject with an empty versionId: 400, no body', async (t) => {
  const res = await fetch(`${server.endpoint}/${Bucket}/k?versionId=`, { method: 'HEAD', headers: AUTH });
  t.is(res.status, 400);
});
