/**
 * S3 as the AWS SDK for Go v1 drives it: Debian's golang-github-aws-aws-sdk-go-dev 1.44.133-1,
 * captured with `LogLevel: aws.LogLevel(aws.LogDebugWithHTTPBody)` while a Go program drove
 * boltstack with `S3ForcePathStyle: true` (2026-12-07), and replayed here raw. Only what differs
 * from Go v2 (go-request-shapes.test.ts) is pinned: v1 sends no `?x-id=`, no amz-sdk-* headers and
 * no flexible checksums, but (service/s3/body_hash.go) a Content-MD5 on every PutObject and
 * UploadPart whose body can seek, and (platform_handlers_go1.6.go) `Expect: 100-Continue`, with a
 * capital C, on every PUT whose body is over 2 MiB; s3manager's GetBucketRegion sends an unsigned
 * HEAD; ListObjectsPages takes the last key as the next marker when S3 gives no NextMarker.
 */
import test from 'ava';
import { connect } from 'node:net';
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { SigV4Signer, sha256Hex } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest, type RawRequest, type RawResponse } from './signed-request.js';
import { bucketWithObjects, xmlElements } from '../../helpers/s3-fixtures.js';

const GO = 'aws-sdk-go 1.44.133 service/s3';
const MANAGER = 'aws-sdk-go 1.44.133 service/s3/s3manager';
const USER_AGENT = 'aws-sdk-go/1.44.133 (go1.19.8; linux; amd64)';
const MIB = 1024 * 1024;

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

/** A call as Go v1 sends it: its User-Agent (not signed) and Go's transport's Accept-Encoding. */
const go = (req: RawRequest): Promise<RawResponse> => signedRequest(server.endpoint, { ...req, headers: { 'accept-encoding': 'gzip', ...req.headers } });

const bucketWith = (objects: Record<string, string | Buffer> = {}): Promise<string> => bucketWithObjects(s3, 'gov1', objects);

const md5 = (body: string | Buffer): Buffer => createHash('md5').update(body).digest();
const elements = xmlElements;

/**
 * Sends a signed PUT's head with `Expect: 100-Continue`, then the body once "100 Continue" comes
 * or after Go's wait (net/http DefaultTransport's ExpectContinueTimeout, 1 s) runs out, as Go's
 * transport does. Returns whether the interim answer came, and the final answer's text.
 */
async function putExpectingContinue(path: string, body: Buffer): Promise<{ continued: boolean; answer: string }> {
  const url = new URL(server.endpoint);
  const headers: Record<string, string> = {
    host: url.host, 'content-length': String(body.length), 'content-md5': md5(body).toString('base64'), 'x-amz-content-sha256': sha256Hex(body),
  };
  const signer = new SigV4Signer({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS });
  Object.assign(headers, signer.sign({ method: 'PUT', path, query: '', headers, payloadHash: headers['x-amz-content-sha256']! }));
  const head = `PUT ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}user-agent: ${USER_AGENT}\r\nexpect: 100-Continue\r\naccept-encoding: gzip\r\nconnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    let text = '';
    let continued = false;
    let sent = false;
    const sendBody = (): void => {
      if (sent) return;
      sent = true;
      socket.write(body);
    };
    const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
    const timer = setTimeout(sendBody, 1000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (!sent && text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        continued = true;
        text = text.slice('HTTP/1.1 100 Continue\r\n\r\n'.length);
        clearTimeout(timer);
        sendBody();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ continued, answer: text });
    });
  });
}

// RFC 9110 §10.1.1: "The Expect field value is case-insensitive." Go v1 sends "100-Continue"
// (aws-sdk-go service/s3/platform_handlers_go1.6.go; eventlet/eventlet#523 met the same), and
// Go's transport holds the body back for up to a second waiting for the 100. uWS answers only the
// lower-case spelling (oven-sh/bun#30248 shows the same check in bun's uWS fork); boltstack
// answers the others itself (src/server/uws-continue.ts).
test(`${GO} PutObject of a 3 MiB bytes.Reader (Content-Md5, "Expect: 100-Continue" with a capital C): "100 Continue" before the body, then 200 with the MD5 as ETag`, async (t) => {
  const bucket = await bucketWith();
  const body = Buffer.alloc(3 * MIB, 'g');
  const { continued, answer } = await putExpectingContinue(`/${bucket}/three-mib`, body);
  t.regex(answer, /^HTTP\/1\.1 200 /, answer);
  t.true(answer.toLowerCase().includes(`etag: "${md5(body).toString('hex')}"`), answer);
  t.true(continued, 'no "100 Continue" within Go\'s 1 s ExpectContinueTimeout');
});

// s3manager.Uploader reads each 5 MiB part into a buffer, so every UploadPart can seek and gets
// Go v1's Content-MD5 (body_hash.go computeBodyHashes); S3 checks it: "BadDigest, The Content-MD5
// you specified did not match what we received., 400" (S3 API reference, "List of error codes").
test(`${MANAGER} Uploader's UploadPart (?partNumber=&uploadId=, Content-Md5 computed by Go): 200 with the part's MD5 as ETag; a Content-Md5 of other bytes 400 BadDigest`, async (t) => {
  const bucket = await bucketWith();
  const created = await go({ method: 'POST', path: `/${bucket}/big.bin`, query: 'uploads=' });
  t.is(created.status, 200, created.body.toString());
  const uploadId = encodeURIComponent(elements(created.body.toString(), 'UploadId')[0]!);
  const part = Buffer.alloc(5 * MIB, 'p');
  const put = await go({ method: 'PUT', path: `/${bucket}/big.bin`, query: `partNumber=1&uploadId=${uploadId}`, body: part, headers: { 'content-md5': md5(part).toString('base64') } });
  t.is(put.status, 200, put.body.toString());
  t.is(put.headers.etag, `"${md5(part).toString('hex')}"`);
  const bad = await go({ method: 'PUT', path: `/${bucket}/big.bin`, query: `partNumber=2&uploadId=${uploadId}`, body: 'tail', headers: { 'content-md5': md5('other').toString('base64') } });
  t.is(bad.status, 400, bad.body.toString());
  t.deepEqual(elements(bad.body.toString(), 'Code'), ['BadDigest']);
});

// s3manager.GetBucketRegion (bucket_region.go) sends HeadBucket with AnonymousCredentials — no
// Authorization, no X-Amz-Date — and reads only the X-Amz-Bucket-Region header, whatever the
// status ("x-amz-bucket-region", S3 API reference, HeadBucket).
test(`${MANAGER} GetBucketRegion (an unsigned HEAD /bucket): X-Amz-Bucket-Region us-east-1; a missing bucket 404 with no body, Go's NotFound`, async (t) => {
  const bucket = await bucketWith();
  const url = new URL(server.endpoint);
  const head = async (path: string): Promise<Response> => fetch(`${url.origin}${path}`, { method: 'HEAD', headers: { 'user-agent': USER_AGENT } });
  const found = await head(`/${bucket}`);
  t.is(found.headers.get('x-amz-bucket-region'), 'us-east-1');
  const missing = await head(`/${bucket}-missing`);
  t.is(missing.status, 404);
  t.is((await missing.arrayBuffer()).byteLength, 0);
});

// Go v1's ListObjects paginator: "output_token": "NextMarker || Contents[-1].Key"
// (models/apis/s3/2006-03-01/paginators-1.json). S3 answers NextMarker only with a delimiter
// (S3 API reference, ListObjects: "This element is returned only if you have the delimiter
// request parameter specified"), so without one Go sends the last key back as marker.
test(`${GO} ListObjectsPages without a delimiter (?max-keys=3&prefix=, then ?marker=<last key>): no NextMarker, IsTruncated true, each key once`, async (t) => {
  const keys = ['list/a/0.txt', 'list/a/3.txt', 'list/a/6.txt', 'list/b/1.txt', 'list/b/4.txt', 'list/c/2.txt', 'list/c/5.txt', 'list/top & <odd>.txt'];
  const bucket = await bucketWith(Object.fromEntries(keys.map((k) => [k, 'x'])));
  const seen: string[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 4; page++) {
    const query = `${marker === undefined ? '' : `marker=${encodeURIComponent(marker)}&`}max-keys=3&prefix=list%2F`;
    const res = await go({ method: 'GET', path: `/${bucket}`, query });
    const xml = res.body.toString();
    t.is(res.status, 200, xml);
    t.deepEqual(elements(xml, 'NextMarker'), []);
    const page_ = elements(xml, 'Key').map((k) => k.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    seen.push(...page_);
    if (elements(xml, 'IsTruncated')[0] !== 'true') break;
    marker = page_.at(-1);
  }
  t.deepEqual(seen, keys);
});

// Go v1's DeleteObjects body (restxml, encoding/xml escaping) carries <Quiet>false</Quiet> when the
// caller sets it, and the Content-Md5 v1 adds for the operation (httpChecksumRequired).
test(`${GO} DeleteObjects (?delete=, Content-Md5, <Quiet>false</Quiet>, a key with &amp; and &lt;): every key answered <Deleted>, the odd one escaped back`, async (t) => {
  const bucket = await bucketWith({ 'copy.txt': 'a', 'list/top & <odd>.txt': 'b' });
  const xml = '<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>copy.txt</Key></Object><Object><Key>list/top &amp; &lt;odd&gt;.txt</Key></Object><Object><Key>missing</Key></Object><Quiet>false</Quiet></Delete>';
  const res = await go({ method: 'POST', path: `/${bucket}`, query: 'delete=', body: xml, headers: { 'content-md5': md5(xml).toString('base64') } });
  t.is(res.status, 200, res.body.toString());
  t.deepEqual(elements(res.body.toString(), 'Key'), ['copy.txt', 'list/top &amp; &lt;odd&gt;.txt', 'missing']);
  const listed = await go({ method: 'GET', path: `/${bucket}`, query: 'list-type=2' });
  t.deepEqual(elements(listed.body.toString(), 'Key'), []);
});
