/**
 * S3 as the AWS SDK for Go v2 drives it: Debian's golang-github-aws-aws-sdk-go-v2-dev 1.17.1-3
 * (service/s3 1.29.1, feature/s3/manager 1.11.37), captured with the client's
 * `ClientLogMode: aws.LogRequestWithBody|aws.LogResponseWithBody` while a Go program drove
 * boltstack with `UsePathStyle: true` (2026-12-07), and replayed here raw: every operation
 * carries `?x-id=<Operation>`, the payload's SHA-256 is signed (plain HTTP, so never
 * UNSIGNED-PAYLOAD unless the caller swaps it in), a CRC32 checksum travels as a header (no
 * aws-chunked trailer without TLS), `Accept-Encoding: identity` and Go's amz-sdk-* headers are
 * signed, and XML bodies escape a quote as `&#34;` (encoding/xml). Newer Go SDKs send default
 * CRC checksums, which the SDK v3 tests cover.
 *
 * Each row asserts what Go's deserializers or the transfer manager read: headers the manager
 * parses (Content-Range's total), the checksum Go validates, the status a waiter keys on.
 */
import test from 'ava';
import { connect } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SigV4Signer } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest, type RawRequest, type RawResponse } from './signed-request.js';
import { bucketWithObjects, xmlElements } from '../../helpers/s3-fixtures.js';

const GO = 'aws-sdk-go-v2 service/s3 1.29.1';
const MANAGER = 'aws-sdk-go-v2 feature/s3/manager 1.11.37';
const MIB = 1024 * 1024;

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

/** The headers Go adds to every S3 call, all signed. */
const goHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  'accept-encoding': 'identity', 'amz-sdk-invocation-id': randomUUID(), 'amz-sdk-request': 'attempt=1; max=3', ...extra,
});

const go = (req: RawRequest): Promise<RawResponse> => signedRequest(server.endpoint, { ...req, headers: goHeaders(req.headers) });

const bucketWith = (objects: Record<string, string | Buffer> = {}): Promise<string> => bucketWithObjects(s3, 'go', objects);

const elements = xmlElements;

// CRC32 of "checksummed", as Go's hash/crc32 computes it (IEEE), base64 of the big-endian value.
const CRC32_CHECKSUMMED = 'xjIjIw==';

test(`${GO} PutObject with ChecksumAlgorithm CRC32 over HTTP: X-Amz-Checksum-Crc32 and X-Amz-Sdk-Checksum-Algorithm headers, the payload signed; the checksum echoed`, async (t) => {
  const bucket = await bucketWith();
  const put = await go({
    method: 'PUT', path: `/${bucket}/crc.txt`, query: 'x-id=PutObject', body: 'checksummed',
    headers: { 'content-type': 'application/octet-stream', 'x-amz-checksum-crc32': CRC32_CHECKSUMMED, 'x-amz-sdk-checksum-algorithm': 'CRC32' },
  });
  t.is(put.status, 200, put.body.toString());
  t.is(put.headers.etag, '"1a47375d6f1dc45dc5e64446f51bb50c"');
  t.is(put.headers['x-amz-checksum-crc32'], CRC32_CHECKSUMMED);
});

// Go 1.29.1 validates a GetObject body against x-amz-checksum-crc32 when ChecksumMode is ENABLED
// (service/internal/checksum), and fails the read on a mismatch.
test(`${GO} GetObject with ChecksumMode ENABLED (x-amz-checksum-mode header): the stored CRC32 comes back for Go to validate the body`, async (t) => {
  const bucket = await bucketWith();
  await go({ method: 'PUT', path: `/${bucket}/crc.txt`, query: 'x-id=PutObject', body: 'checksummed', headers: { 'x-amz-checksum-crc32': CRC32_CHECKSUMMED, 'x-amz-sdk-checksum-algorithm': 'CRC32' } });
  const got = await go({ method: 'GET', path: `/${bucket}/crc.txt`, query: 'x-id=GetObject', headers: { 'x-amz-checksum-mode': 'ENABLED' } });
  t.is(got.status, 200);
  t.is(got.body.toString(), 'checksummed');
  t.is(got.headers['x-amz-checksum-crc32'], CRC32_CHECKSUMMED);
});

// The downloader's first GET asks for PartSize bytes and reads the object's size from what follows
// the "/" of Content-Range (download.go setTotalBytes); a missing or "*" total makes it fetch
// part after part until a 416.
test(`${MANAGER} Downloader first part (Range: bytes=0-5242879): 206 with Content-Range "bytes 0-5242879/<total>", the total the manager splits the rest by`, async (t) => {
  const body = Buffer.alloc(6 * MIB + 1, 7);
  const bucket = await bucketWith({ big: body, small: 'hello, world' });
  const first = await go({ method: 'GET', path: `/${bucket}/big`, query: 'x-id=GetObject', headers: { range: `bytes=0-${5 * MIB - 1}` } });
  t.is(first.status, 206);
  t.is(first.headers['content-range'], `bytes 0-${5 * MIB - 1}/${6 * MIB + 1}`);
  t.is(first.headers['content-length'], String(5 * MIB));
  const last = await go({ method: 'GET', path: `/${bucket}/big`, query: 'x-id=GetObject', headers: { range: `bytes=${5 * MIB}-${10 * MIB - 1}` } });
  t.is(last.headers['content-range'], `bytes ${5 * MIB}-${6 * MIB}/${6 * MIB + 1}`);
  t.is(last.body.length, MIB + 1);
  // An object shorter than the part: one 206 holding all of it.
  const small = await go({ method: 'GET', path: `/${bucket}/small`, query: 'x-id=GetObject', headers: { range: `bytes=0-${5 * MIB - 1}` } });
  t.is(small.status, 206);
  t.is(small.headers['content-range'], 'bytes 0-11/12');
  t.is(small.body.toString(), 'hello, world');
});

// S3 answers a ranged GET of a zero-byte object 416 (aws/aws-sdk-net#4477, 2026-07-28: "For a
// zero-byte object, S3 returns 416 Range Not Satisfiable"; minio/minio#6557, 2018, against S3);
// Go's downloader ends a download on a 416, so the object downloads as 0 bytes.
test(`${MANAGER} Downloader of an empty object: 416 InvalidRange with ActualObjectSize 0, which the manager takes as the end [aws/aws-sdk-net#4477]`, async (t) => {
  const bucket = await bucketWith({ empty: '' });
  const got = await go({ method: 'GET', path: `/${bucket}/empty`, query: 'x-id=GetObject', headers: { range: `bytes=0-${5 * MIB - 1}` } });
  t.is(got.status, 416);
  t.deepEqual(elements(got.body.toString(), 'Code'), ['InvalidRange']);
  t.deepEqual(elements(got.body.toString(), 'ActualObjectSize'), ['0']);
});

test(`${MANAGER} Uploader with ChecksumAlgorithm CRC32: UploadPart with the part's CRC32 header, CompleteMultipartUpload with &#34;-escaped ETags and ChecksumCRC32 per part`, async (t) => {
  const bucket = await bucketWith();
  const key = 'big/crc.bin';
  const created = await go({ method: 'POST', path: `/${bucket}/big/crc.bin`, query: 'uploads=&x-id=CreateMultipartUpload', headers: { 'x-amz-checksum-algorithm': 'CRC32' } });
  t.is(created.status, 200, created.body.toString());
  const uploadId = elements(created.body.toString(), 'UploadId')[0]!;
  // CRC32s of these parts as Go computed them (hash/crc32 IEEE).
  const parts = [{ body: Buffer.alloc(5 * MIB, 'a'), crc: 'r/zBbw==' }, { body: Buffer.from('b'), crc: 'cb7v+Q==' }];
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) {
    const put = await go({
      method: 'PUT', path: `/${bucket}/${key}`, query: `partNumber=${i + 1}&uploadId=${encodeURIComponent(uploadId)}&x-id=UploadPart`, body: part.body,
      headers: { 'content-type': 'application/octet-stream', 'x-amz-checksum-crc32': part.crc, 'x-amz-sdk-checksum-algorithm': 'CRC32' },
    });
    t.is(put.status, 200, put.body.toString());
    t.is(put.headers['x-amz-checksum-crc32'], part.crc);
    etags.push(put.headers.etag!);
  }
  const xml = '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    + parts.map((p, i) => `<Part><ChecksumCRC32>${p.crc}</ChecksumCRC32><ETag>${etags[i]!.replace(/"/g, '&#34;')}</ETag><PartNumber>${i + 1}</PartNumber></Part>`).join('')
    + '</CompleteMultipartUpload>';
  const done = await go({ method: 'POST', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(uploadId)}&x-id=CompleteMultipartUpload`, body: xml, headers: { 'content-type': 'application/xml' } });
  t.is(done.status, 200, done.body.toString());
  t.regex(elements(done.body.toString(), 'ETag')[0] ?? '', /^&quot;[0-9a-f]{32}-2&quot;$/);
  // The composite checksum: CRC32 of the two parts' CRC32s, "-2" (computed with Go's hash/crc32).
  t.is(elements(done.body.toString(), 'ChecksumCRC32')[0], 'dYPmEQ==-2');
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  t.is(head.ContentLength, 5 * MIB + 1);
});

test(`${GO} DeleteObjects (?delete=&x-id=DeleteObjects, Content-Md5 signed, Go's <Delete xmlns=...>): every key answered <Deleted>, a missing one too`, async (t) => {
  const bucket = await bucketWith({ 'copy.txt': 'a', 'copy space.txt': 'b' });
  const xml = '<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>copy.txt</Key></Object><Object><Key>copy space.txt</Key></Object><Object><Key>never-existed</Key></Object></Delete>';
  const res = await go({ method: 'POST', path: `/${bucket}`, query: 'delete=&x-id=DeleteObjects', body: xml, headers: { 'content-md5': createHash('md5').update(xml).digest('base64'), 'content-type': 'application/xml' } });
  t.is(res.status, 200, res.body.toString());
  t.deepEqual(elements(res.body.toString(), 'Key'), ['copy.txt', 'copy space.txt', 'never-existed']);
  t.false(res.body.toString().includes('<Error>'), res.body.toString());
});

test(`${GO} NewListObjectsV2Paginator (delimiter "/", MaxKeys 1): each page's NextContinuationToken sent back as continuation-token, keys and CommonPrefixes one page each`, async (t) => {
  const bucket = await bucketWith({ 'dir/a.txt': 'a', 'dir/b.txt': 'b', 'dir/sub/c.txt': 'c', 'dir/x/y': 'y', 'e.txt': 'e' });
  const seen: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 6; page++) {
    const query = `${token === undefined ? '' : `continuation-token=${encodeURIComponent(token)}&`}delimiter=%2F&list-type=2&max-keys=1&prefix=dir%2F`;
    const res = await go({ method: 'GET', path: `/${bucket}`, query });
    t.is(res.status, 200, res.body.toString());
    const xml = res.body.toString();
    seen.push(...elements(xml, 'Key'), ...[...xml.matchAll(/<CommonPrefixes><Prefix>([^<]*)<\/Prefix><\/CommonPrefixes>/g)].map((m) => m[1]!));
    t.deepEqual(elements(xml, 'KeyCount'), ['1']);
    token = elements(xml, 'NextContinuationToken')[0];
    if (elements(xml, 'IsTruncated')[0] === 'false') break;
    t.truthy(token, xml);
  }
  t.deepEqual(seen, ['dir/a.txt', 'dir/b.txt', 'dir/sub/', 'dir/x/']);
  t.is(token, undefined);
});

// The ObjectNotExists and BucketNotExists waiters (api_op_HeadObject.go, api_op_HeadBucket.go)
// match the error code "NotFound", which Go derives from a body-less 404.
test(`${GO} HeadObject and HeadBucket of missing ones (the NotExists waiters): 404 with no body`, async (t) => {
  const bucket = await bucketWith();
  const object = await go({ method: 'HEAD', path: `/${bucket}/nope` });
  t.is(object.status, 404);
  t.is(object.body.length, 0);
  const missing = await go({ method: 'HEAD', path: `/${bucket}-missing` });
  t.is(missing.status, 404);
  t.is(missing.body.length, 0);
});

// Go 1.29.1 reads GetBucketLocation with a hand-written deserializer of a root <LocationConstraint>
// element (S3's answer); us-east-1 is an empty element (AWS GetBucketLocation docs).
test(`${GO} GetBucketLocation (?location=) of a us-east-1 bucket: a root LocationConstraint element, empty`, async (t) => {
  const bucket = await bucketWith();
  const res = await go({ method: 'GET', path: `/${bucket}`, query: 'location=' });
  t.is(res.status, 200);
  t.regex(res.body.toString(), /<LocationConstraint xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"(\/>|><\/LocationConstraint>)\s*$/);
});

// Go sends an io.Reader body of unknown length chunked when the caller swaps in UNSIGNED-PAYLOAD
// (v4.SwapComputePayloadSHA256ForUnsignedPayloadMiddleware) and sets no ContentLength; S3 refuses
// it: "MissingContentLength, You must provide the Content-Length HTTP header., 411 Length Required"
// (S3 API reference, ErrorResponses, "List of error codes").
test(`${GO} PutObject of an io.Pipe with UNSIGNED-PAYLOAD and no ContentLength (Transfer-Encoding: chunked): 411 MissingContentLength`, async (t) => {
  const bucket = await bucketWith();
  const url = new URL(server.endpoint);
  const path = `/${bucket}/chunked`;
  const headers: Record<string, string> = { ...goHeaders({ 'content-type': 'application/octet-stream' }), host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  const signer = new SigV4Signer({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS });
  Object.assign(headers, signer.sign({ method: 'PUT', path, query: 'x-id=PutObject', headers, payloadHash: 'UNSIGNED-PAYLOAD' }));
  const head = `PUT ${path}?x-id=PutObject HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}transfer-encoding: chunked\r\nconnection: close\r\n\r\n`;
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${head}d\r\nstreamed body\r\n0\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk: Buffer) => { text += chunk.toString('latin1'); });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
  t.regex(answer, /^HTTP\/1\.1 411 /, answer);
  t.deepEqual(elements(answer, 'Code'), ['MissingContentLength']);
});
