/**
 * Hostile pass 24 over S3's wrong-signing-region answers (src/services/s3/errors.ts
 * wrongSigningRegion, bucket-access.ts).
 *
 * An empty region in the credential scope ("AKID/20240101//s3/aws4_request", what a client sends
 * with AWS_REGION set to nothing) was read as "another region": an existing bucket answered 301
 * PermanentRedirect to be re-signed for '', a missing one NoSuchBucket, and ListBuckets listed.
 * S3 refuses the credential itself, whatever the bucket, with a message of its own and no
 * <Region>:
 * - header: 400 AuthorizationHeaderMalformed "The authorization header is malformed; a non-empty
 *   region must be provided in the credential." (siderolabs/omni#98, 2024-03-30: the raw answer to
 *   aws-cli ListObjectsV2 with AWS_REGION= at s3.dualstack.eu-west-1, and to the Go SDK's
 *   ListObjects);
 * - presigned: 400 AuthorizationQueryParametersError with the same words after the prefix S3 puts
 *   on every X-Amz-Credential fault, "Error parsing the X-Amz-Credential parameter; "
 *   (ai-dock/comfyui#34, 2024-01-29, a raw presigned answer) — inferred from the two, no capture
 *   of the presigned empty region was found.
 */
import test from 'ava';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { amzDate } from '../../../src/bench/drivers/sigv4.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket('empty-region');
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

const HEADER_MESSAGE = 'The authorization header is malformed; a non-empty region must be provided in the credential.';
const QUERY_MESSAGE = 'Error parsing the X-Amz-Credential parameter; a non-empty region must be provided in the credential.';
const elementNames = (xml: string): string[] => [...xml.matchAll(/<(\w+)>/g)].map((m) => m[1]!);

for (const [row, path] of [['an existing bucket', () => `/${bucket}`], ['a missing bucket', () => `/${uniqueBucket('none')}`], ['ListBuckets', () => '/']] as const) {
  test(`signed with an empty region in the header, ${row}: 400 AuthorizationHeaderMalformed, no Region`, async (t) => {
    const raw = await signedRequest(server.endpoint, { method: 'GET', path: path(), region: '' });
    t.is(raw.status, 400);
    const body = raw.body.toString().replaceAll('&apos;', "'");
    t.true(body.includes(`<Code>AuthorizationHeaderMalformed</Code><Message>${HEADER_MESSAGE}</Message><RequestId>`), body);
    t.deepEqual(elementNames(body), ['Error', 'Code', 'Message', 'RequestId', 'HostId']);
    t.false('x-amz-bucket-region' in raw.headers);
  });
}

test('an empty region in the header refuses a PUT too: nothing is stored, and the connection serves the next request', async (t) => {
  const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/k`, region: '', body: Buffer.alloc(256 * 1024, 1) });
  t.is(put.status, 400);
  const get = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/k` });
  t.is(get.status, 404);
});

test('a presigned URL with an empty region: 400 AuthorizationQueryParametersError, no Region', async (t) => {
  const credential = encodeURIComponent(`test/${amzDate(new Date()).slice(0, 8)}//s3/aws4_request`);
  const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Date=${amzDate(new Date())}&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
  const res = await fetch(`${server.endpoint}/${bucket}?${query}`);
  t.is(res.status, 400);
  const body = (await res.text()).replaceAll('&apos;', "'");
  t.true(body.includes(`<Code>AuthorizationQueryParametersError</Code><Message>${QUERY_MESSAGE}</Message><RequestId>`), body);
});
