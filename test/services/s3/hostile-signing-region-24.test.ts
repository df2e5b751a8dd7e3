/**
 * Hostile pass 24 over S3's wrong-signing-region answers (src/services/s3/errors.ts
 * wrongSigningRegion, bucket-access.ts). Every operation family was tried signed for the wrong
 * region (multipart parts and completes, DeleteObjects, copies from another region, HEAD,
 * operations boltstack does not implement, presigned PUTs with a body, virtual hosts, an "EU"
 * bucket, a bucket re-made in another region): each answered as the sources in errors.ts say. The
 * last row below pins that a refused aws-chunked upload's body is drained and its connection
 * serves the next request, on both front ends.
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
import { connect } from 'node:net';
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

test('an empty region in the header refuses a PUT with a body too: nothing is stored', async (t) => {
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

test('an aws-chunked PUT of 8 MiB refused for its region: the body is drained and the same connection answers the next request', async (t) => {
  const eu = uniqueBucket('eu-drain');
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: eu, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  const url = new URL(server.endpoint);
  const day = amzDate(new Date()).slice(0, 8);
  const auth = (region: string): string => `AWS4-HMAC-SHA256 Credential=test/${day}/${region}/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
  const chunk = Buffer.alloc(64 * 1024, 7);
  const chunks = 128; // 8 MiB
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
  const end = Buffer.from('0\r\n\r\n');
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  socket.on('data', (d: Buffer) => { received += d.toString('latin1'); });
  const answers = (n: number): Promise<void> => new Promise((resolve, reject) => {
    const check = (): void => { if ((received.match(/HTTP\/1\.1 \d{3}/g) ?? []).length >= n) resolve(); };
    socket.on('data', check);
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed after: ${received.slice(0, 300)}`)));
    check();
  });
  try {
    socket.write(`PUT /${eu}/big HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${auth('us-east-1')}\r\nx-amz-date: ${amzDate(new Date())}\r\n`
      + `x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER\r\ncontent-encoding: aws-chunked\r\nx-amz-decoded-content-length: ${chunk.length * chunks}\r\n`
      + `content-length: ${framed.length * chunks + end.length}\r\n\r\n`);
    for (let i = 0; i < chunks; i++) if (!socket.write(framed)) await new Promise((resolve) => socket.once('drain', resolve));
    socket.write(end);
    socket.write(`GET /${eu}?list-type=2 HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${auth('eu-west-1')}\r\nx-amz-date: ${amzDate(new Date())}\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\n\r\n`);
    await answers(2);
    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    // Path-style, signed for us-east-1: S3's regional hosts' 301 (errors.ts wrongSigningRegion).
    t.deepEqual(statuses, ['301', '200']);
    t.true(received.includes('<Code>PermanentRedirect</Code>'));
    t.true(received.includes('<KeyCount>0</KeyCount>'), received.slice(-400));
  } finally {
    socket.destroy();
  }
});
