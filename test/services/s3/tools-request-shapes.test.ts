/**
 * Requests as S3-heavy CI tools send them, captured through a logging proxy while each drove
 * boltstack (2026-12-07), and replayed here raw so the repo can run them without the tools:
 * restic 0.14.0 (minio-go v7.0.46), the Ruby AWS SDK (aws-sdk-s3 1.117.2, aws-sdk-core 3.168.1),
 * duplicity 0.8.22 (boto3 1.43.11 backend), git-annex 10.20230126 (Haskell aws-0.22.1),
 * s3fs-fuse 1.90 and s3backer 1.5.4.
 * One test per shape, named after the tool and command it came from, with the source of AWS's
 * answer beside it. Rows that found a defect say so; the others pin shapes that work (or fail
 * exactly as on AWS), so they keep doing so.
 */
import test from 'ava';
import { GetBucketLocationCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash, createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { SigV4Signer, amzDate, deriveSigningKey, sha256Hex, EMPTY_SHA256 } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest, type RawResponse } from './signed-request.js';
import { crc32Base64 } from '../../helpers/crc32.js';
import { rawHttp } from '../../helpers/raw-http.js';
import { bucketWithObjects, xmlElements } from '../../helpers/s3-fixtures.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

const bucketWith = (objects: Record<string, string | Buffer> = {}): Promise<string> => bucketWithObjects(s3, 'tools', objects);

const elements = xmlElements;
const md5Base64 = (body: string | Buffer): string => createHash('md5').update(body).digest('base64');
const md5Hex = (body: string | Buffer): string => createHash('md5').update(body).digest('hex');

/** Sends a request over node:http with exactly these headers and body. */
function send(endpoint: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<RawResponse> {
  return rawHttp(endpoint, { method, path, headers, body });
}

/**
 * minio-go's PutObject as restic sends it: STREAMING-AWS4-HMAC-SHA256-PAYLOAD with Content-MD5,
 * x-amz-decoded-content-length and one signed chunk per 64 KiB (signatures chained from the
 * header's seed signature, as the SigV4 streaming doc describes).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
function resticSave(endpoint: string, path: string, payload: Buffer, contentMd5: string): Promise<RawResponse> {
  const url = new URL(endpoint);
  const date = new Date();
  const stamp = amzDate(date);
  const day = stamp.slice(0, 8);
  const scope = `${day}/us-east-1/s3/aws4_request`;
  const chunkSize = 64 * 1024;
  const chunks: Buffer[] = [];
  for (let at = 0; at < payload.length; at += chunkSize) chunks.push(payload.subarray(at, at + chunkSize));
  chunks.push(Buffer.alloc(0));
  const headerLength = (c: Buffer): number => `${c.length.toString(16)};chunk-signature=${'0'.repeat(64)}\r\n`.length + c.length + 2;
  const encodedLength = chunks.reduce((n, c) => n + headerLength(c), 0);
  const headers: Record<string, string> = {
    host: url.host, 'content-md5': contentMd5, 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'x-amz-decoded-content-length': String(payload.length),
  };
  const signer = new SigV4Signer({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS });
  const signed = signer.sign({ method: 'PUT', path, headers, payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', date });
  let previous = /Signature=([0-9a-f]{64})/.exec(signed.authorization!)![1]!;
  const key = deriveSigningKey(CREDENTIALS.secretAccessKey, day, 'us-east-1', 's3');
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const toSign = `AWS4-HMAC-SHA256-PAYLOAD\n${stamp}\n${scope}\n${previous}\n${EMPTY_SHA256}\n${sha256Hex(c)}`;
    previous = createHmac('sha256', key).update(toSign).digest('hex');
    parts.push(Buffer.from(`${c.length.toString(16)};chunk-signature=${previous}\r\n`), c, Buffer.from('\r\n'));
  }
  const body = Buffer.concat(parts);
  return send(endpoint, 'PUT', path, {
    ...headers, ...signed, 'content-type': 'application/octet-stream', 'content-length': String(encodedLength), 'user-agent': 'MinIO (linux; amd64) minio-go/v7.0.46',
  }, body);
}

/** git-annex's default signing (aws-0.22.1, signature=v2): `Authorization: AWS key:sig` over a Date header, no x-amz-content-sha256. */
function gitAnnexV2(endpoint: string, method: string, path: string, extra: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  const url = new URL(endpoint);
  const date = new Date().toUTCString();
  const amz = Object.keys(extra).filter((k) => k.startsWith('x-amz-')).sort().map((k) => `${k}:${extra[k]}\n`).join('');
  const toSign = `${method}\n\n${extra['content-type'] ?? ''}\n${date}\n${amz}${path}`;
  const signature = createHmac('sha1', CREDENTIALS.secretAccessKey).update(toSign).digest('base64');
  const headers: Record<string, string> = { host: url.host, 'accept-encoding': 'gzip', date, authorization: `AWS ${CREDENTIALS.accessKeyId}:${signature}`, ...extra };
  if (body !== undefined || method === 'PUT') headers['content-length'] = String(Buffer.byteLength(body ?? ''));
  return send(endpoint, method, path, headers, body === undefined ? undefined : Buffer.from(body));
}

// ---------------------------------------------------------------------------------------------
// restic 0.14.0 (minio-go v7.0.46)

// Works as on AWS. `restic init` first asks the bucket's region (minio-go getBucketLocation):
// us-east-1 is an empty LocationConstraint ("Buckets in Region us-east-1 have a LocationConstraint
// of null", AWS docs GetBucketLocation), a missing bucket is 404 NoSuchBucket, after which minio-go
// creates it (restic init on a new bucket).
test('restic init (GET ?location=): us-east-1 is an empty LocationConstraint, a missing bucket NoSuchBucket [AWS docs GetBucketLocation]', async (t) => {
  const bucket = await bucketWith({});
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/`, query: 'location=', headers: { 'accept-encoding': 'gzip' } });
  t.is(res.status, 200);
  t.regex(res.body.toString(), /<LocationConstraint xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"\s*(\/>|><\/LocationConstraint>)/);
  const missing = await signedRequest(server.endpoint, { method: 'GET', path: `/${uniqueBucket('missing')}/`, query: 'location=' });
  t.is(missing.status, 404);
  t.deepEqual(elements(missing.body.toString(), 'Code'), ['NoSuchBucket']);
});

// Works as on AWS. `restic init -o s3.region=eu-west-1` on a missing bucket: minio-go MakeBucket
// signs for eu-west-1 and names it as the constraint, with Content-MD5; S3 answers the bucket's
// virtual-hosted URL as Location (radkawar/stackd testdata/aws/s3/recreation_controls_replay.json
// seq 83, us-west-2), and GetBucketLocation names the region (AWS docs GetBucketLocation).
test('restic init -o s3.region=eu-west-1 (PUT bucket with CreateBucketConfiguration and Content-MD5): created in eu-west-1 [stackd recreation_controls_replay seq 83]', async (t) => {
  const bucket = uniqueBucket('restic-eu');
  const body = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/`, region: 'eu-west-1', headers: { 'content-md5': md5Base64(body) }, body });
  t.is(res.status, 200, res.body.toString());
  t.is(res.headers.location, `http://${bucket}.s3.amazonaws.com/`);
  t.is((await s3.send(new GetBucketLocationCommand({ Bucket: bucket }))).LocationConstraint, 'eu-west-1');
});

// Works as on AWS. restic's Save: a signed streaming PUT with Content-MD5 (ETag = MD5 of the
// decoded payload, the stored bytes are the payload, not the chunk framing).
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
test('restic backup (PutObject, STREAMING-AWS4-HMAC-SHA256-PAYLOAD + Content-MD5): ETag is the payload MD5, the payload is stored [AWS docs sigv4-streaming]', async (t) => {
  const bucket = await bucketWith({});
  const payload = Buffer.alloc(150_000, 'restic pack ');
  const res = await resticSave(server.endpoint, `/${bucket}/repo/data/17/17798f5e`, payload, md5Base64(payload));
  t.is(res.status, 200, res.body.toString());
  t.is(res.headers.etag, `"${md5Hex(payload)}"`);
  const back = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/repo/data/17/17798f5e` });
  t.true(back.body.equals(payload));
});

// Works as on AWS. A pack whose Content-MD5 does not match its payload (restic's own check of a
// corrupted upload) is 400 BadDigest and nothing is stored ("The Content-MD5 you specified did not
// match what we received.", AWS docs ErrorResponses, BadDigest).
test('restic backup with a wrong Content-MD5 (streaming PutObject): 400 BadDigest, nothing stored [AWS docs ErrorResponses BadDigest]', async (t) => {
  const bucket = await bucketWith({});
  const payload = Buffer.alloc(20_000, 'x');
  const res = await resticSave(server.endpoint, `/${bucket}/repo/data/aa/bad`, payload, md5Base64('something else'));
  t.is(res.status, 400);
  t.deepEqual(elements(res.body.toString(), 'Code'), ['BadDigest']);
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'repo/data/aa/bad' })).catch((e: { name: string }) => e.name);
  t.is(head, 'NotFound');
});

// Works as on AWS. restic lists each repo folder with ListObjectsV2, fetch-owner=true,
// encoding-type=url and delimiter "/": every Contents carries its Owner (AWS docs ListObjectsV2,
// FetchOwner: "The owner field is not present in ListObjectsV2 by default. If you want to return
// the owner field with each key in the result, then set the FetchOwner field to true").
test('restic snapshots (ListObjectsV2 fetch-owner=true, encoding-type=url, delimiter "/"): Contents carry Owner/ID [AWS docs ListObjectsV2 FetchOwner]', async (t) => {
  const bucket = await bucketWith({ 'repo/keys/2199': 'k', 'repo/keys/sub/x': 'y' });
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/`, query: 'delimiter=%2F&encoding-type=url&fetch-owner=true&list-type=2&prefix=repo%2Fkeys%2F', headers: { 'accept-encoding': 'gzip' } });
  t.is(res.status, 200);
  const xml = res.body.toString();
  t.deepEqual(elements(xml, 'Key'), ['repo/keys/2199']);
  t.is(elements(xml, 'KeyCount')[0], '2');
  t.regex(xml, /<Contents><Key>repo\/keys\/2199<\/Key>.*<Owner><ID>[0-9a-f]{64}<\/ID>.*<\/Owner><\/Contents>/);
  t.true(xml.includes('<CommonPrefixes><Prefix>repo/keys/sub/</Prefix></CommonPrefixes>'), xml);
  // Without fetch-owner there is no Owner, as on AWS.
  const plain = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/`, query: 'list-type=2&prefix=repo%2Fkeys%2F' });
  t.false(plain.body.toString().includes('<Owner>'));
});

// Works as on AWS. restic lists data/ recursively with an empty delimiter (`delimiter=`): S3
// lists every key and writes no <Delimiter> element (versity/versitygw#812, from ceph s3-tests
// test_bucket_list_delimiter_empty, run against AWS).
test('restic prune (ListObjectsV2 with delimiter=""): every key listed, no Delimiter element [versitygw#812; ceph s3-tests test_bucket_list_delimiter_empty]', async (t) => {
  const bucket = await bucketWith({ 'repo/data/17/a': '1', 'repo/data/20/b': '2' });
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/`, query: 'delimiter=&encoding-type=url&fetch-owner=true&list-type=2&prefix=repo%2Fdata%2F' });
  t.is(res.status, 200);
  const xml = res.body.toString();
  t.deepEqual(elements(xml, 'Key'), ['repo/data/17/a', 'repo/data/20/b']);
  t.false(xml.includes('<Delimiter'), xml);
  t.false(xml.includes('<CommonPrefixes>'), xml);
});

// Works as on AWS. restic's Load reads a whole pack as Range bytes=0-(size-1): S3 answers 206 with
// Content-Range even when the range covers the whole object (RFC 9110 §15.3.7; AWS docs GetObject
// Range), and minio-go checks the 206.
test('restic check --read-data (GetObject Range bytes=0-(size-1)): 206 with Content-Range bytes 0-N/size [RFC 9110 15.3.7; AWS docs GetObject]', async (t) => {
  const bucket = await bucketWith({ 'repo/data/41/pack': 'twelve bytes' });
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/repo/data/41/pack`, headers: { range: 'bytes=0-11', 'accept-encoding': 'gzip' } });
  t.is(res.status, 206);
  t.is(res.headers['content-range'], 'bytes 0-11/12');
  t.is(res.headers['accept-ranges'], 'bytes');
  t.is(res.body.toString(), 'twelve bytes');
});

// Works as on AWS. restic stats repo/config before init (HEAD): 404 with no body, which minio-go
// reads as NoSuchKey; restic unlock and forget delete objects (DELETE: 204, a missing key too,
// AWS docs DeleteObject: "If there isn't a null version, Amazon S3 does not remove any objects but
// will still respond that the command was successful").
test('restic init / unlock (HEAD missing config; DELETE locks/x, present and missing): 404 without body; 204 both times [AWS docs HeadObject, DeleteObject]', async (t) => {
  const bucket = await bucketWith({ 'repo/locks/1': 'lock' });
  const head = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/repo/config` });
  t.is(head.status, 404);
  t.is(head.body.length, 0);
  for (const key of ['repo/locks/1', 'repo/locks/1']) {
    const del = await signedRequest(server.endpoint, { method: 'DELETE', path: `/${bucket}/${key}` });
    t.is(del.status, 204);
  }
});

// ---------------------------------------------------------------------------------------------
// The Ruby AWS SDK (aws-sdk-s3 1.117.2 on aws-sdk-core 3.168.1, Net::HTTP)

// Works as on AWS. Ruby sends `Expect: 100-continue` on CompleteMultipartUpload, PUT ?versioning
// and large PUTs, and waits up to http_continue_timeout (1 s) for the interim answer before
// sending the body: the server must answer 100 Continue first (RFC 9110 §10.1.1).
test('Ruby Aws::S3::Client#put_object (Expect: 100-continue): 100 Continue before the body, then 200 [RFC 9110 10.1.1]', async (t) => {
  const bucket = await bucketWith({});
  const url = new URL(server.endpoint);
  const body = 'ruby body';
  const path = `/${bucket}/expect.txt`;
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': sha256Hex(body), expect: '100-continue', 'content-length': String(body.length) };
  Object.assign(headers, new SigV4Signer({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS }).sign({ method: 'PUT', path, headers, payloadHash: sha256Hex(body) }));
  const head = `PUT ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}accept: */*\r\nconnection: close\r\n\r\n`;
  const text = await new Promise<string>((resolve, reject) => {
    let got = '';
    let sent = false;
    const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
    // No body until the interim answer: a server that waits for the body would time out here.
    const timer = setTimeout(() => { socket.destroy(); resolve(got); }, 3000);
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      if (!sent && got.startsWith('HTTP/1.1 100')) { sent = true; socket.write(body); }
    });
    socket.on('error', reject);
    socket.on('close', () => { clearTimeout(timer); resolve(got); });
  });
  t.regex(text, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /, text.slice(0, 200));
  t.is((await signedRequest(server.endpoint, { method: 'GET', path })).body.toString(), body);
});

// Works as on AWS. Aws::S3::Object#upload_file with checksum_algorithm: 'CRC32' (multipart): the
// parts carry x-amz-checksum-crc32, CompleteMultipartUpload lists each part's ChecksumCRC32, and
// the object's checksum is the composite one, "<crc32 of the part crc32s>-<parts>" (AWS docs
// "Checking object integrity", multipart uploads: checksum of checksums with the part count).
test('Ruby Aws::S3::Object#upload_file (multipart, checksum_algorithm CRC32): COMPOSITE "…-2" checksum, as Ruby sent the Complete body [AWS docs checking-object-integrity]', async (t) => {
  const bucket = await bucketWith({});
  const key = 'mpc.bin';
  const created = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}/${key}`, query: 'uploads=', headers: { 'x-amz-checksum-algorithm': 'CRC32' } });
  t.is(created.status, 200);
  const uploadId = elements(created.body.toString(), 'UploadId')[0]!;
  const parts = [Buffer.alloc(5 * 1024 * 1024, 'a'), Buffer.from('tail')];
  const crcs: string[] = [];
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) {
    const crc = crc32Base64(part);
    const res = await signedRequest(server.endpoint, {
      method: 'PUT', path: `/${bucket}/${key}`, query: `partNumber=${i + 1}&uploadId=${encodeURIComponent(uploadId)}`,
      headers: { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc }, body: part,
    });
    t.is(res.status, 200, res.body.toString());
    t.is(res.headers['x-amz-checksum-crc32'], crc);
    crcs.push(crc);
    etags.push(res.headers.etag!);
  }
  // Byte for byte Ruby's builder: ETag, then ChecksumCRC32, then PartNumber.
  const complete = `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts.map((_, i) => `<Part><ETag>${etags[i]}</ETag><ChecksumCRC32>${crcs[i]}</ChecksumCRC32><PartNumber>${i + 1}</PartNumber></Part>`).join('')}</CompleteMultipartUpload>`;
  const done = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(uploadId)}`, headers: { expect: '100-continue' }, body: complete });
  t.is(done.status, 200, done.body.toString());
  const composite = `${crc32Base64(Buffer.concat(crcs.map((c) => Buffer.from(c, 'base64'))))}-2`;
  t.deepEqual(elements(done.body.toString(), 'ChecksumCRC32'), [composite]);
  t.deepEqual(elements(done.body.toString(), 'ChecksumType'), ['COMPOSITE']);
  const head = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/${key}`, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
  t.is(head.headers['x-amz-checksum-crc32'], composite);
});

// Works as on AWS. Aws::S3::Bucket#presigned_post(key:) gives exactly these fields (no
// success_action_status): S3 answers 204 with no body (AWS docs RESTObjectPOST:
// "success_action_status ... If the value is set to 200 or 204, Amazon S3 returns an empty
// document with a 200 or 204 status code. ... If the value is not set or if it is set to an
// invalid value, Amazon S3 returns an empty document with a 204 status code").
test('Ruby Aws::S3::Bucket#presigned_post (key, policy, x-amz-credential/-algorithm/-date/-signature, file): 204, stored [AWS docs RESTObjectPOST]', async (t) => {
  const bucket = await bucketWith({});
  const stamp = amzDate(new Date());
  const credential = `${CREDENTIALS.accessKeyId}/${stamp.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const expiration = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const policy = Buffer.from(JSON.stringify({ expiration, conditions: [{ bucket }, { key: 'post.txt' }, { 'x-amz-credential': credential }, { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }, { 'x-amz-date': stamp }] })).toString('base64');
  const signature = createHmac('sha256', deriveSigningKey(CREDENTIALS.secretAccessKey, stamp.slice(0, 8), 'us-east-1', 's3')).update(policy).digest('hex');
  const fields: [string, string][] = [['key', 'post.txt'], ['policy', policy], ['x-amz-credential', credential], ['x-amz-algorithm', 'AWS4-HMAC-SHA256'], ['x-amz-date', stamp], ['x-amz-signature', signature]];
  // Net::HTTP#set_form(..., 'multipart/form-data') writes each field as one part, the file last.
  const boundary = 'RubyFormBoundary0123456789';
  const body = Buffer.from(`${fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\npost body\r\n--${boundary}--\r\n`);
  const url = new URL(server.endpoint);
  const res = await send(server.endpoint, 'POST', `/${bucket}`, { host: url.host, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) }, body);
  t.is(res.status, 204, res.body.toString());
  t.is(res.body.length, 0);
  t.is(res.headers.etag, `"${md5Hex('post body')}"`);
  t.is((await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/post.txt` })).body.toString(), 'post body');
});

// ---------------------------------------------------------------------------------------------
// duplicity 0.8.22 (boto3 1.43.11 backend: upload_file, download_file, objects.filter)

// Works as on AWS. `duplicity full --s3-use-ia --s3-use-server-side-encryption
// --s3-multipart-chunk-size 5`: CreateMultipartUpload carries the storage class and SSE; the
// completed object keeps both (HeadObject x-amz-storage-class, ListObjects StorageClass) (AWS docs
// CreateMultipartUpload x-amz-storage-class; HeadObject: "Amazon S3 returns this header for all
// objects except for S3 Standard storage class objects").
test('duplicity full --s3-use-ia (CreateMultipartUpload with x-amz-storage-class STANDARD_IA and SSE AES256): the object is STANDARD_IA [AWS docs HeadObject]', async (t) => {
  const bucket = await bucketWith({});
  const key = 'mp/duplicity-full.20261207T182146Z.vol1.difftar.gz';
  const created = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}/${key}`, query: 'uploads=', headers: { 'x-amz-storage-class': 'STANDARD_IA', 'x-amz-server-side-encryption': 'AES256' } });
  t.is(created.status, 200);
  t.is(created.headers['x-amz-server-side-encryption'], 'AES256');
  const uploadId = elements(created.body.toString(), 'UploadId')[0]!;
  const part = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/${key}`, query: `partNumber=1&uploadId=${encodeURIComponent(uploadId)}`, body: 'volume' });
  const complete = `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><ETag>${part.headers.etag}</ETag><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>`;
  const done = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(uploadId)}`, body: complete });
  t.is(done.status, 200, done.body.toString());
  const head = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/${key}` });
  t.is(head.headers['x-amz-storage-class'], 'STANDARD_IA');
  t.is(head.headers['x-amz-server-side-encryption'], 'AES256');
  // duplicity's _list: bucket.objects.filter(Prefix=...) is ListObjects v1 with encoding-type=url.
  const list = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'encoding-type=url&prefix=mp%2F' });
  t.deepEqual(elements(list.body.toString(), 'StorageClass'), ['STANDARD_IA']);
});

// Works as on AWS. `duplicity restore` of a volume written with --s3-use-glacier: boto3's
// download_file GETs it and S3 refuses: 403 InvalidObjectState naming the storage class (AWS docs
// GetObject: "If the object you are retrieving is stored in the S3 Glacier Flexible Retrieval ...
// you must first restore a copy ... Otherwise, this operation returns an InvalidObjectState error").
test('duplicity restore of a --s3-use-glacier volume (GetObject on GLACIER): 403 InvalidObjectState with StorageClass [AWS docs GetObject]', async (t) => {
  const bucket = await bucketWith({});
  const key = 'g/duplicity-full.vol1.difftar.gz';
  const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/${key}`, headers: { 'x-amz-storage-class': 'GLACIER' }, body: 'cold' });
  t.is(put.status, 200);
  const get = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/${key}`, headers: { range: 'bytes=0-8388607' } });
  t.is(get.status, 403);
  t.deepEqual(elements(get.body.toString(), 'Code'), ['InvalidObjectState']);
  t.deepEqual(elements(get.body.toString(), 'StorageClass'), ['GLACIER']);
});

// ---------------------------------------------------------------------------------------------
// git-annex 10.20230126 (S3 special remote, Haskell aws-0.22.1)

// Defect found (fails before the fix: 400 IllegalLocationConstraintException "The unspecified
// location constraint is incompatible for the region specific endpoint this request was sent
// to.", with x-amz-bucket-region: 127.0.0.1). `git annex initremote ... host=127.0.0.1
// signature=v4` signs with its endpoint's host as the region ("Credential=.../127.0.0.1/s3/...")
// and creates its bucket with no body. No AWS endpoint can be reached with such a scope; boltstack
// reads a scope naming no region as its default (us-east-1) endpoint, as docs/s3.md says of the
// region, so the bucket is a us-east-1 one (AWS docs CreateBucket: without a
// CreateBucketConfiguration the bucket is created in us-east-1).
test('git annex initremote signature=v4 (CreateBucket, no body, scope region "127.0.0.1"): 200, a us-east-1 bucket [AWS docs CreateBucket]', async (t) => {
  const bucket = uniqueBucket('annex-v4');
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/`, region: '127.0.0.1', headers: { 'accept-encoding': 'gzip' }, body: '' });
  t.is(res.status, 200, res.body.toString());
  t.is(res.headers.location, `/${bucket}`);
  t.is((await s3.send(new GetBucketLocationCommand({ Bucket: bucket }))).LocationConstraint, undefined);
  // Objects follow under the same scope (annex-uuid, then the keys).
  const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/annex-uuid`, region: '127.0.0.1', headers: { 'x-amz-storage-class': 'STANDARD' }, body: 'de590eef' });
  t.is(put.status, 200);
  // A constraint under such a scope still has to be that scope, as on any regional endpoint.
  const body = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
  const other = await signedRequest(server.endpoint, { method: 'PUT', path: `/${uniqueBucket('annex-v4')}/`, region: '127.0.0.1', body });
  t.is(other.status, 400);
  t.deepEqual(elements(other.body.toString(), 'Code'), ['IllegalLocationConstraintException']);
});

// Works as on AWS. git-annex's default signing is SigV2 (no x-amz-content-sha256 header):
// initremote GETs annex-uuid and the bucket (404 NoSuchBucket), creates it with an empty PUT,
// writes annex-uuid with x-amz-storage-class STANDARD, and checkPresent is a HEAD (404 when
// absent). AWS still accepts SigV2 on buckets created before 2020-06-24 (AWS docs "Signature
// Version 2 turned off (deprecated)"); S3 answers are as for any request.
test('git annex initremote / copy --to (SigV2: GET annex-uuid, GET bucket, PUT bucket, PUT annex-uuid, HEAD key): 404 NoSuchBucket, 200, 200, 404 [AWS docs AuthenticationV2]', async (t) => {
  const bucket = uniqueBucket('annex-v2');
  const uuid = await gitAnnexV2(server.endpoint, 'GET', `/${bucket}/annex-uuid`);
  t.is(uuid.status, 404);
  t.deepEqual(elements(uuid.body.toString(), 'Code'), ['NoSuchBucket']);
  t.is((await gitAnnexV2(server.endpoint, 'GET', `/${bucket}/`)).status, 404);
  const created = await gitAnnexV2(server.endpoint, 'PUT', `/${bucket}/`);
  t.is(created.status, 200, created.body.toString());
  t.is((await gitAnnexV2(server.endpoint, 'PUT', `/${bucket}/annex-uuid`, { 'x-amz-storage-class': 'STANDARD' }, 'de590eef-cf63')).status, 200);
  const absent = await gitAnnexV2(server.endpoint, 'HEAD', `/${bucket}/SHA256E-s14--9aee4386.txt`);
  t.is(absent.status, 404);
  const stored = await gitAnnexV2(server.endpoint, 'PUT', `/${bucket}/SHA256E-s14--9aee4386.txt`, { 'content-type': 'text/plain', 'x-amz-storage-class': 'STANDARD' }, 'file 1\nfile 1\n');
  t.is(stored.status, 200);
  t.is((await gitAnnexV2(server.endpoint, 'GET', `/${bucket}/SHA256E-s14--9aee4386.txt`)).body.toString(), 'file 1\nfile 1\n');
});

/** git-annex's multipart upload (partsize=...): SigV2 throughout, its CompleteMultipartUpload body with no namespace and quotes as &#34;. */
async function gitAnnexMultipart(bucket: string, key: string, parts: Buffer[]): Promise<RawResponse> {
  const path = `/${bucket}/${key}`;
  const created = await gitAnnexV2(server.endpoint, 'POST', `${path}?uploads`, { 'content-type': 'application/octet-stream', 'x-amz-storage-class': 'STANDARD' }, '');
  const uploadId = elements(created.body.toString(), 'UploadId')[0]!;
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) {
    const res = await sendV2Part(path, i + 1, uploadId, part);
    etags.push(res.headers.etag!);
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e.replace(/"/g, '&#34;')}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  return gitAnnexV2(server.endpoint, 'POST', `${path}?uploadId=${uploadId}`, {}, body);
}

/** One SigV2 UploadPart; the signed resource keeps the partNumber and uploadId sub-resources. */
function sendV2Part(path: string, partNumber: number, uploadId: string, body: Buffer): Promise<RawResponse> {
  const url = new URL(server.endpoint);
  const date = new Date().toUTCString();
  const resource = `${path}?partNumber=${partNumber}&uploadId=${uploadId}`;
  const signature = createHmac('sha1', CREDENTIALS.secretAccessKey).update(`PUT\n\n\n${date}\n${resource}`).digest('base64');
  return send(server.endpoint, 'PUT', resource, { host: url.host, date, authorization: `AWS ${CREDENTIALS.accessKeyId}:${signature}`, 'content-length': String(body.length) }, body);
}

// Works as on AWS. `git annex copy --to` a remote with partsize=6MiB: the Haskell aws library's
// CompleteMultipartUpload has an XML declaration, no S3 namespace, and writes each ETag's quotes
// as &#34;; S3 reads it as any XML parser does (AWS docs CompleteMultipartUpload request syntax;
// XML 1.0 §4.1 character references). The object's ETag is "<md5 of the part MD5s>-<parts>".
test('git annex copy --to (partsize=6MiB: SigV2 multipart, Complete body without xmlns, ETags as &#34;...&#34;): 200, a two-part object [AWS docs CompleteMultipartUpload]', async (t) => {
  const bucket = await bucketWith({});
  const parts = [Buffer.alloc(6_288_384, 'g'), Buffer.from('annex tail')];
  const done = await gitAnnexMultipart(bucket, 'SHA256E-s6288394--f22ee11d.bin', parts);
  t.is(done.status, 200, done.body.toString());
  const partMd5s = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
  t.deepEqual(elements(done.body.toString(), 'ETag'), [`&quot;${md5Hex(partMd5s)}-2&quot;`]);
  const head = await gitAnnexV2(server.endpoint, 'HEAD', `/${bucket}/SHA256E-s6288394--f22ee11d.bin`);
  t.is(head.headers['content-length'], String(6_288_384 + 10));
});

// Works as on AWS, and why partsize=5MiB fails: git-annex cuts its parts a little under partsize
// (5,240,320 bytes for 5MiB), under S3's 5 MiB minimum, so CompleteMultipartUpload is 400
// EntityTooSmall with the size, the minimum, the part and its ETag (versity/versitygw#2040, S3 XML
// quoted 2026-04-14; mumrah/s3-multipart#8, 2012). Use partsize=6MiB or more.
test('git annex copy --to (partsize=5MiB: parts of 5,240,320 bytes): 400 EntityTooSmall, ProposedSize 5240320 [versitygw#2040; s3-multipart#8]', async (t) => {
  const bucket = await bucketWith({});
  const done = await gitAnnexMultipart(bucket, 'SHA256E-s5240330--small.bin', [Buffer.alloc(5_240_320, 's'), Buffer.from('annex tail')]);
  t.is(done.status, 400);
  const xml = done.body.toString();
  t.deepEqual(elements(xml, 'Code'), ['EntityTooSmall']);
  t.deepEqual([elements(xml, 'ProposedSize'), elements(xml, 'MinSizeAllowed'), elements(xml, 'PartNumber')], [['5240320'], ['5242880'], ['1']]);
});

// ---------------------------------------------------------------------------------------------
// s3fs-fuse 1.90 (libcurl, its own SigV4)

// Works as on AWS. `chmod 600` on an s3fs mount: CopyObject of the object onto itself with
// x-amz-metadata-directive REPLACE and the new x-amz-meta-mode; S3 allows a copy onto itself only
// when something changes, REPLACE included (AWS docs CopyObject: "you can't copy an object to
// itself unless you change the object's metadata ... x-amz-metadata-directive REPLACE").
test('s3fs chmod (CopyObject onto itself, x-amz-metadata-directive REPLACE, new x-amz-meta-mode): 200, metadata replaced, body kept [AWS docs CopyObject]', async (t) => {
  const bucket = await bucketWith({});
  const path = `/${bucket}/b.txt`;
  const meta = { 'x-amz-meta-atime': '1796668389', 'x-amz-meta-gid': '0', 'x-amz-meta-mtime': '1796668389', 'x-amz-meta-uid': '0' };
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path, headers: { 'content-type': 'text/plain', ...meta, 'x-amz-meta-mode': '33188' }, body: 'hello\n' })).status, 200);
  const copy = await signedRequest(server.endpoint, {
    method: 'PUT', path, headers: {
      accept: '*/*', 'content-type': 'text/plain', 'x-amz-copy-source': path, ...meta, 'x-amz-meta-ctime': '1796668390', 'x-amz-meta-mode': '33152',
      'x-amz-metadata-directive': 'REPLACE', 'x-amz-server-side-encryption': 'AES256',
    },
  });
  t.is(copy.status, 200, copy.body.toString());
  const head = await signedRequest(server.endpoint, { method: 'HEAD', path });
  t.is(head.headers['x-amz-meta-mode'], '33152');
  t.is(head.headers['x-amz-meta-ctime'], '1796668390');
  t.is((await signedRequest(server.endpoint, { method: 'GET', path })).body.toString(), 'hello\n');
});

// Works as on AWS. Writing a few bytes inside a large file on an s3fs mount (multipart_size=5):
// a new upload of the same key, part 1 the edited head (UploadPart), part 2 the untouched rest
// copied from the object being replaced (UploadPartCopy with x-amz-copy-source-range), and a
// multi-line Complete body without xmlns whose copied part's ETag is unquoted. S3 takes ETags
// quoted or not (jamhall/s3rver#629 and #631, 2020: "S3 loosely accepts ETags in both their quoted
// and unquoted forms"; minio/minio#7442: AWS strips the quotes).
test('s3fs dd conv=notrunc into a big file (UploadPart + UploadPartCopy of the same key, Complete with an unquoted ETag): 200, the edited bytes [s3rver#629/#631; minio#7442]', async (t) => {
  const bucket = await bucketWith({});
  const path = `/${bucket}/m30.bin`;
  const original = Buffer.alloc(5_242_880 + 4000, 'o');
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path, body: original })).status, 200);
  const created = await signedRequest(server.endpoint, { method: 'POST', path, query: 'uploads=', headers: { 'content-type': 'application/octet-stream', 'x-amz-meta-mode': '33188', 'x-amz-server-side-encryption': 'AES256' } });
  const uploadId = encodeURIComponent(elements(created.body.toString(), 'UploadId')[0]!);
  const head = Buffer.from(original.subarray(0, 5_242_980));
  head.write('QQ', 100);
  const part1 = await signedRequest(server.endpoint, { method: 'PUT', path, query: `partNumber=1&uploadId=${uploadId}`, headers: { expect: '100-continue' }, body: head });
  t.is(part1.status, 200);
  const part2 = await signedRequest(server.endpoint, {
    method: 'PUT', path, query: `partNumber=2&uploadId=${uploadId}`,
    headers: { accept: '*/*', 'content-type': 'application/octet-stream', 'x-amz-copy-source': path, 'x-amz-copy-source-range': `bytes=5242980-${original.length - 1}` },
  });
  t.is(part2.status, 200, part2.body.toString());
  const copiedEtag = elements(part2.body.toString(), 'ETag')[0]!.replace(/&quot;|"/g, '');
  const complete = `<CompleteMultipartUpload>\n<Part>\n  <PartNumber>1</PartNumber>\n  <ETag>${part1.headers.etag}</ETag>\n</Part>\n<Part>\n  <PartNumber>2</PartNumber>\n  <ETag>${copiedEtag}</ETag>\n</Part>\n</CompleteMultipartUpload>\n`;
  const done = await signedRequest(server.endpoint, { method: 'POST', path, query: `uploadId=${uploadId}`, body: complete });
  t.is(done.status, 200, done.body.toString());
  const expected = Buffer.concat([head, original.subarray(5_242_980)]);
  const back = await signedRequest(server.endpoint, { method: 'GET', path });
  t.true(back.body.equals(expected));
  t.is((await signedRequest(server.endpoint, { method: 'HEAD', path })).headers['x-amz-meta-mode'], '33188');
});

// Works as on AWS. s3fs's directory probe for `ls dir`: HEAD "dir", "dir/" and "dir_$folder$"
// (404 each for a directory that exists only as a prefix), then ListObjects with max-keys=2 and
// the query's "/" left unencoded; S3 answers the prefix's contents (AWS docs ListObjects).
test('s3fs ls d1 (HEAD d1, d1/, d1_%24folder%24; ListObjects delimiter=/&max-keys=2&prefix=d1/ unencoded): 404 x3, then the prefix listed [AWS docs ListObjects]', async (t) => {
  const bucket = await bucketWith({ 'd1/d2/f1.txt': 'f', 'd1/top.txt': 't' });
  for (const probe of ['d1', 'd1/', 'd1_%24folder%24']) {
    t.is((await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/${probe}` })).status, 404, probe);
  }
  const list = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/`, query: 'delimiter=/&max-keys=2&prefix=d1/' });
  t.is(list.status, 200);
  const xml = list.body.toString();
  t.deepEqual(elements(xml, 'Key'), ['d1/top.txt']);
  t.true(xml.includes('<CommonPrefixes><Prefix>d1/d2/</Prefix></CommonPrefixes>'), xml);
  t.deepEqual(elements(xml, 'IsTruncated'), ['false']);
});

// ---------------------------------------------------------------------------------------------
// s3backer 1.5.4 (libcurl, SigV4)

// Works as on AWS. s3backer writes each block with `x-amz-acl: private`, Content-MD5 and Expect:
// 100-continue, and lists its blocks with ListObjects on the bucket path without a slash and an
// empty prefix. On a bucket with ACLs disabled (BucketOwnerEnforced, the default) S3 still takes
// the canned ACLs that give the owner full control, `private` among them (AWS docs, "Controlling
// ownership of objects and disabling ACLs": requests that carry such ACLs "continue to succeed").
test('s3backer block write and --listBlocks (PUT with x-amz-acl private + Content-MD5; GET /bucket?max-keys=256&prefix=): 200, the blocks listed [AWS docs about-object-ownership]', async (t) => {
  const bucket = await bucketWith({});
  const block = Buffer.alloc(65_536, 'b');
  const put = await signedRequest(server.endpoint, {
    method: 'PUT', path: `/${bucket}/0000000b`,
    headers: { accept: '*/*', 'content-type': 'application/x-s3backer-block', 'content-md5': md5Base64(block), 'x-amz-acl': 'private', expect: '100-continue' }, body: block,
  });
  t.is(put.status, 200, put.body.toString());
  const mounted = await signedRequest(server.endpoint, {
    method: 'PUT', path: `/${bucket}/s3backer-mounted`,
    headers: { 'content-type': 'text/plain', 'content-md5': md5Base64('2026-12-07 18:36:08\n'), 'x-amz-meta-s3backer-mount-token': '3da967aa', 'x-amz-acl': 'private' }, body: '2026-12-07 18:36:08\n',
  });
  t.is(mounted.status, 200);
  const list = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'max-keys=256&prefix=', headers: { 'accept-encoding': 'deflate, gzip, br, zstd' } });
  t.is(list.status, 200);
  t.deepEqual(elements(list.body.toString(), 'Key'), ['0000000b', 's3backer-mounted']);
  t.is((await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/s3backer-mounted` })).headers['x-amz-meta-s3backer-mount-token'], '3da967aa');
});
