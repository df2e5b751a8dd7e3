/**
 * Hostile pass 25 over S3's host-based wrong-region rule (src/services/s3/errors.ts
 * wrongSigningRegion, post-object/form-region.ts). The rule: signed for us-east-1 and addressed
 * virtual-hosted (S3's global endpoint, which routes by bucket) is 400; path-style (a regional
 * host) 301 PermanentRedirect. Sources: errors.ts wrongSigningRegion (AWS SDK for Ruby's S3
 * region-redirect spec; a 2022 curl capture of a path-style request in datafuselabs' notes) and
 * post-object/errors.ts wrongRegion (CulturalMe/meteor-slingshot#150, S3's raw answer, 2015).
 *
 * Found: "virtual-hosted" was read as "the Host begins with `<bucket>.`", byte for byte, which the
 * gateway does not read it as (gateway/s3-host.ts routes by a known base, case-insensitively):
 * - a Host in upper case (`EUB.LOCALHOST:4566`, DNS names are case-insensitive, and the gateway
 *   routes it to the bucket) was answered as path-style: 301 instead of S3's 400;
 * - a path-style request to a host whose name begins with the bucket's (`/mybucket` at
 *   `mybucket.internal:4566`, a compose service named after its bucket) was answered as
 *   virtual-hosted: 400 AuthorizationHeaderMalformed instead of the 301 the SDK follows.
 * Also tried, and answered as the sources say: ports, `b` beside `b.x`, dotted bucket names,
 * `s3.`/`s3.<region>.`/`s3-<region>.`/localstack bases, an IPv6 Host ([::1], path-style), a Host
 * with `&<>"'` (escaped in <Endpoint>), a HEAD (no body, both codes), presigned URLs both ways.
 */
import test from 'ava';
import { request as httpRequest } from 'node:http';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let port: string;
let eu: string;
test.before(async () => {
  server = await startBoltstack();
  port = new URL(server.endpoint).port;
  eu = uniqueBucket('eu');
  await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new CreateBucketCommand({ Bucket: eu, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new PutObjectCommand({ Bucket: eu, Key: 'k', Body: 'eu body' }));
});
test.after.always(async () => { await server?.stop(); });

const codeOf = (body: Buffer | string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(body.toString())?.[1];

/** GET `path` with `host`, by `signedRequest` or presigned (the URL signed for us-east-1, sent with `host`). */
async function get(host: string, path: string, via: 'header' | 'query', method = 'GET'): Promise<{ status: number; body: string; bucketRegion: string | undefined }> {
  if (via === 'header') {
    const raw = await signedRequest(server.endpoint, { method, path, headers: { host } });
    return { status: raw.status, body: raw.body.toString(), bucketRegion: raw.headers['x-amz-bucket-region'] };
  }
  const url = new URL(await getSignedUrl(s3Client(server.endpoint), new ListObjectsV2Command({ Bucket: eu }), { expiresIn: 300 }));
  return new Promise((resolve, reject) => {
    httpRequest({ host: url.hostname, port: url.port, method, path: `${path}${url.search}`, headers: { host } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString(), bucketRegion: r.headers['x-amz-bucket-region'] as string | undefined }));
    }).on('error', reject).end();
  });
}

for (const via of ['header', 'query'] as const) {
  test(`signed for us-east-1 (${via}), virtual-hosted with the Host in upper case: S3's 400, as for the same Host in lower case`, async (t) => {
    const expected = via === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError';
    for (const host of [`${eu.toUpperCase()}.LOCALHOST:${port}`, `${eu}.S3.Localhost:${port}`, `${eu.toUpperCase()}.s3.amazonaws.com`]) {
      const res = await get(host, '/', via);
      t.is(res.status, 400, host);
      t.is(codeOf(res.body), expected, host);
      t.is(res.bucketRegion, 'eu-west-1');
      const head = await get(host, '/', via, 'HEAD');
      t.is(head.status, 400, `HEAD ${host}`);
      t.is(head.body, '');
    }
  });

  test(`signed for us-east-1 (${via}), path-style at a host whose name begins with the bucket's: the 301 of a path-style request, naming that host`, async (t) => {
    for (const host of [`${eu}.internal:${port}`, `${eu}.example.com`, `${eu}.localhost.example:${port}`]) {
      const res = await get(host, `/${eu}`, via);
      t.is(res.status, 301, `${host}: ${res.body}`);
      t.is(codeOf(res.body), 'PermanentRedirect');
      t.true(res.body.includes(`<Endpoint>${host}</Endpoint><Bucket>${eu}</Bucket>`), res.body);
      t.is(res.bucketRegion, 'eu-west-1');
      const head = await get(host, `/${eu}`, via, 'HEAD');
      t.is(head.status, 301, `HEAD ${host}`);
    }
  });
}

// Pinned, not changed: every virtual-host base of docs/s3.md "Addressing" reads as virtual-hosted
// (400), an IPv6 Host as path-style (301), and the Host reaches <Endpoint> escaped.
test('signed for us-east-1: each documented virtual-host base 400; [::1] path-style 301; a Host with XML-special characters escaped in <Endpoint>', async (t) => {
  for (const host of [`${eu}.localhost:${port}`, `${eu}.s3.localhost:${port}`, `${eu}.s3.eu-west-1.localhost.localstack.cloud:${port}`, `${eu}.s3.amazonaws.com`, `${eu}.s3.eu-west-1.amazonaws.com`]) {
    const res = await get(host, '/', 'header');
    t.is(res.status, 400, host);
    t.is(codeOf(res.body), 'AuthorizationHeaderMalformed', host);
  }
  const ipv6 = await get(`[::1]:${port}`, `/${eu}`, 'header');
  t.is(ipv6.status, 301);
  t.true(ipv6.body.includes(`<Endpoint>[::1]:${port}</Endpoint>`), ipv6.body);
  const odd = await get('a&b<c>"\'', `/${eu}`, 'header');
  t.is(odd.status, 301);
  t.true(odd.body.includes('<Endpoint>a&amp;b&lt;c&gt;&quot;&apos;</Endpoint>'), odd.body);
});

/** Posts a createPresignedPost form for `eu` signed for us-east-1 to `path` with `host`. */
async function postForm(host: string, path: string): Promise<{ status: number; body: string }> {
  const { fields } = await createPresignedPost(s3Client(server.endpoint), { Bucket: eu, Key: 'posted', Expires: 300 });
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  data.append('file', new Blob(['posted body']), 'f.txt');
  const encoded = new Response(data);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port, method: 'POST', path,
      headers: { host, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a POST form signed for us-east-1: to the bucket\'s host in upper case 400 InvalidArgument; path-style to a host beginning with the bucket\'s name 301', async (t) => {
  const upper = await postForm(`${eu.toUpperCase()}.LOCALHOST:${port}`, '/');
  t.is(upper.status, 400, upper.body);
  t.is(codeOf(upper.body), 'InvalidArgument');
  const pathStyle = await postForm(`${eu}.internal:${port}`, `/${eu}`);
  t.is(pathStyle.status, 301, pathStyle.body);
  t.is(codeOf(pathStyle.body), 'PermanentRedirect');
  // Nothing was stored by either.
  const err = await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new GetObjectCommand({ Bucket: eu, Key: 'posted' })).catch((e: Error) => e);
  t.is((err as Error).name, 'NoSuchKey');
});
