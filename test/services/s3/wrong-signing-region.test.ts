/**
 * A request signed for a region other than its bucket's is answered as S3 answers it at the
 * endpoint of the signing region, with the bucket's region in x-amz-bucket-region (sources in
 * src/services/s3/errors.ts wrongSigningRegion):
 * - signed for us-east-1: 400 AuthorizationHeaderMalformed (a presigned URL:
 *   AuthorizationQueryParametersError) with <Region>;
 * - signed for another region: 301 PermanentRedirect with <Endpoint> and <Bucket>.
 * Regression: before, every region's signature reached every bucket, so code that would fail
 * on AWS for a misconfigured region passed against boltstack.
 */
import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';
import { request as httpRequest } from 'node:http';

let server: Boltstack;
let euBucket: string;
let usBucket: string;
test.before(async () => {
  server = await startBoltstack();
  euBucket = uniqueBucket('eu');
  usBucket = uniqueBucket('us');
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: euBucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: usBucket }));
  await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new PutObjectCommand({ Bucket: euBucket, Key: 'k', Body: 'eu body' }));
  await s3Client(server.endpoint).send(new PutObjectCommand({ Bucket: usBucket, Key: 'k', Body: 'us body' }));
});
test.after.always(async () => { await server?.stop(); });

const elementNames = (xml: string): string[] => [...xml.matchAll(/<(\w+)>/g)].map((m) => m[1]!);

/** The Host of a virtual-hosted request to `bucket` at the test server (docs/s3.md, Addressing). */
const virtualHost = (bucket: string): string => `${bucket}.localhost:${new URL(server.endpoint).port}`;

test('signed for us-east-1 and virtual-hosted (the global endpoint), a eu-west-1 bucket answers 400 AuthorizationHeaderMalformed naming its region', async (t) => {
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: '/k', headers: { host: virtualHost(euBucket) } });
  t.is(raw.status, 400);
  t.is(raw.headers['x-amz-bucket-region'], 'eu-west-1');
  t.deepEqual(elementNames(raw.body.toString()), ['Error', 'Code', 'Message', 'Region', 'RequestId', 'HostId']);
  t.true(raw.body.toString().replaceAll('&apos;', "'").includes(
    "<Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region>"));
  const head = await signedRequest(server.endpoint, { method: 'HEAD', path: '/', headers: { host: virtualHost(euBucket) } });
  t.is(head.status, 400);
  t.is(head.headers['x-amz-bucket-region'], 'eu-west-1');
  t.is(head.body.length, 0);
});

test('path-style, or signed for another region: 301 PermanentRedirect naming the host reached, which the SDK follows when asked', async (t) => {
  const host = new URL(server.endpoint).host;
  for (const region of ['us-east-1', 'eu-central-1']) {
    const err = await errorOf(s3Client(server.endpoint, { region }).send(new ListObjectsV2Command({ Bucket: euBucket })));
    t.is(err.name, 'PermanentRedirect', region);
    t.is(err.$metadata.httpStatusCode, 301);
    t.is(err.message, 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.');
    t.is((err as unknown as Record<string, unknown>).Endpoint, host);
  }
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${usBucket}/k`, region: 'eu-central-1' });
  t.is(raw.status, 301);
  t.is(raw.headers['x-amz-bucket-region'], 'us-east-1');
  t.deepEqual(elementNames(raw.body.toString()), ['Error', 'Code', 'Message', 'Endpoint', 'Bucket', 'RequestId', 'HostId']);
  t.true(raw.body.toString().includes(`<Endpoint>${host}</Endpoint><Bucket>${usBucket}</Bucket>`));

  // The SDK's region redirect (a 301 with x-amz-bucket-region) re-signs for the bucket's region,
  // from us-east-1 too, as against AWS (the SDK's own region-redirect e2e test).
  for (const region of ['us-east-1', 'eu-central-1']) {
    const following = s3Client(server.endpoint, { region, followRegionRedirects: true });
    const got = await following.send(new GetObjectCommand({ Bucket: euBucket, Key: 'k' }));
    t.is(await got.Body!.transformToString(), 'eu body', region);
    t.is((await following.send(new HeadBucketCommand({ Bucket: euBucket }))).BucketRegion, 'eu-west-1', region);
  }
});

test('a presigned URL signed for us-east-1: 400 AuthorizationQueryParametersError virtual-hosted, 301 path-style', async (t) => {
  const url = new URL(await getSignedUrl(s3Client(server.endpoint), new GetObjectCommand({ Bucket: euBucket, Key: 'k' }), { expiresIn: 300 }));
  const pathStyle = await fetch(url, { redirect: 'manual' });
  t.is(pathStyle.status, 301);
  t.is(pathStyle.headers.get('x-amz-bucket-region'), 'eu-west-1');
  // The same URL on the bucket's own host (the signature is not checked).
  const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    httpRequest({ host: url.hostname, port: url.port, path: `/k${url.search}`, headers: { host: virtualHost(euBucket) } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    }).on('error', reject).end();
  });
  t.is(res.status, 400);
  const body = res.body.replaceAll('&apos;', "'");
  t.true(body.includes('<Code>AuthorizationQueryParametersError</Code>'), body);
  t.true(body.includes("<Message>Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region>"), body);
  const right = await getSignedUrl(s3Client(server.endpoint, { region: 'eu-west-1' }), new GetObjectCommand({ Bucket: euBucket, Key: 'k' }), { expiresIn: 300 });
  t.is(await (await fetch(right)).text(), 'eu body');
});

test('GetBucketLocation answers from any region; a missing bucket is NoSuchBucket whatever the region', async (t) => {
  t.is((await s3Client(server.endpoint).send(new GetBucketLocationCommand({ Bucket: euBucket }))).LocationConstraint, 'eu-west-1');
  t.is((await s3Client(server.endpoint, { region: 'ap-south-1' }).send(new GetBucketLocationCommand({ Bucket: usBucket }))).LocationConstraint, undefined);
  const missing = await errorOf(s3Client(server.endpoint, { region: 'ap-south-1' }).send(new GetObjectCommand({ Bucket: uniqueBucket('none'), Key: 'k' })));
  t.is(missing.name, 'NoSuchBucket');
});

test('a copy signed for its target bucket region may read a source bucket of another region', async (t) => {
  await s3Client(server.endpoint).send(new CopyObjectCommand({ Bucket: usBucket, Key: 'from-eu', CopySource: `${euBucket}/k` }));
  const got = await s3Client(server.endpoint).send(new GetObjectCommand({ Bucket: usBucket, Key: 'from-eu' }));
  t.is(await got.Body!.transformToString(), 'eu body');
});

test('the region is checked before the owner: another account signing for the wrong region gets the region answer', async (t) => {
  // A 12-digit access key id is its own account (docs/configuration.md#accounts).
  const other = s3Client(server.endpoint, { credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
  const wrongRegion = await errorOf(other.send(new GetObjectCommand({ Bucket: euBucket, Key: 'k' })));
  t.is(wrongRegion.name, 'PermanentRedirect');
  const rightRegion = await errorOf(s3Client(server.endpoint, { region: 'eu-west-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } })
    .send(new GetObjectCommand({ Bucket: euBucket, Key: 'k' })));
  t.is(rightRegion.name, 'AccessDenied');
});

test('a scope naming no AWS region (git-annex signs with its host, "127.0.0.1") reaches every bucket, as boltstack\'s default endpoint', async (t) => {
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${euBucket}/k`, region: '127.0.0.1' });
  t.is(raw.status, 200, raw.body.toString());
  t.is(raw.body.toString(), 'eu body');
});

/** Posts a createPresignedPost form for `bucket` signed for `region`, path-style or to the bucket's own host. */
async function postForm(region: string, bucket: string, hosted: 'path' | 'virtual' = 'path'): Promise<{ status: number; body: string; bucketRegion: string | undefined }> {
  const { fields } = await createPresignedPost(s3Client(server.endpoint, { region }), { Bucket: bucket, Key: 'posted', Expires: 300 });
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  data.append('file', new Blob(['posted body']), 'f.txt');
  const encoded = new Response(data);
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(server.endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, method: 'POST', path: hosted === 'path' ? `/${bucket}` : '/',
      headers: { host: hosted === 'path' ? url.host : virtualHost(bucket), 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString().replaceAll('&apos;', "'"), bucketRegion: res.headers['x-amz-bucket-region'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a POST form signed for us-east-1 to a eu-west-1 bucket\'s own host: 400 InvalidArgument naming X-Amz-Credential [CulturalMe/meteor-slingshot#150, S3 raw answer 2015]; path-style or for another region 301; for its own region stored', async (t) => {
  const wrong = await postForm('us-east-1', euBucket, 'virtual');
  t.is(wrong.status, 400);
  t.is(wrong.bucketRegion, 'eu-west-1');
  t.regex(wrong.body, /<Code>InvalidArgument<\/Code><Message>the region 'us-east-1' is wrong; expecting 'eu-west-1'<\/Message><ArgumentName>X-Amz-Credential<\/ArgumentName><ArgumentValue>test\/\d{8}\/us-east-1\/s3\/aws4_request<\/ArgumentValue><Region>eu-west-1<\/Region>/);
  for (const region of ['us-east-1', 'eu-central-1']) {
    const redirected = await postForm(region, euBucket);
    t.is(redirected.status, 301, region);
    t.true(redirected.body.includes('<Code>PermanentRedirect</Code>'), redirected.body);
  }
  t.is((await postForm('eu-west-1', euBucket)).status, 204);
  t.is((await postForm('eu-west-1', euBucket, 'virtual')).status, 204);
});
