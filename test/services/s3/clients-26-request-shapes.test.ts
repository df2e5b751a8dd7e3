/**
 * Requests as three more S3 clients send them, captured through a logging proxy while each drove
 * boltstack (2026-12-07), and replayed here raw so the repo can run them without the clients:
 * - barman-cloud 3.4.0 (Debian barman-cli-cloud; boto3 1.26.27 / botocore 1.29.27): backup of a
 *   PostgreSQL 15 cluster, backup-list, wal-archive, wal-restore, restore (a point-in-time recovery
 *   that started), backup-keep and backup-delete;
 * - Net::Amazon::S3 0.991 (Debian libnet-amazon-s3-perl, libwww-perl 6.68) with its own SigV4 and
 *   SigV2 signers: add_bucket, add_key, list_bucket (prefix/delimiter/marker), get_key, head,
 *   copy_key, edit_metadata, tags, a multipart upload, ranged gets, deletes, presigned URLs;
 * - smart_open 5.2.1 (Debian python3-smart-open over boto3 1.26.27): a 20 MB streaming write in
 *   5 MiB parts read back with seeks, small and empty objects.
 * One test per shape, named after the client and call it came from, with the source of AWS's answer
 * beside it. Bodies are kept small (one 5 MiB part where S3's minimum part size matters).
 */
import test from 'ava';
import type { S3Client } from '@aws-sdk/client-s3';
import { createHash, createHmac } from 'node:crypto';
import { SigV4Signer, amzDate, deriveSigningKey, sha256Hex } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import type { RawResponse } from './signed-request.js';
import { rawHttp } from '../../helpers/raw-http.js';
import { bucketWithObjects, xmlElements } from '../../helpers/s3-fixtures.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

const bucketWith = (objects: Record<string, string | Buffer> = {}): Promise<string> => bucketWithObjects(s3, 'c26', objects);

const elements = xmlElements;
const md5 = (body: string | Buffer): Buffer => createHash('md5').update(body).digest();
const md5Base64 = (body: string | Buffer): string => md5(body).toString('base64');
/** The S3 multipart ETag: MD5 of the parts' binary MD5s, then "-N" (AWS docs, "Checking object integrity"). */
const multipartEtag = (parts: Buffer[]): string => `"${createHash('md5').update(Buffer.concat(parts.map((p) => md5(p)))).digest('hex')}-${parts.length}"`;
const MiB = 1024 * 1024;

interface ClientRequest {
  method: string;
  /** Encoded path, as on the wire and in the canonical request. */
  path: string;
  /** The query as the client writes it on the wire ("uploads", "delete" …). */
  wireQuery?: string;
  /** The canonical query the client signs; the wire query unless given. */
  canonicalQuery?: string;
  /** Lower-case headers the client signs (host, x-amz-content-sha256 and x-amz-date are added). */
  headers?: Record<string, string>;
  /** Headers the client sends without signing them (user-agent, expect …). */
  unsigned?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * botocore's SigV4 (boto3 1.26, used by barman-cloud and smart_open): x-amz-content-sha256 is the
 * body's hash, Content-Length on every request with a body and on bodiless PUT/POST/DELETE.
 */
function boto(req: ClientRequest, region = 'us-east-1'): Promise<RawResponse> {
  return signedV4(req, { 'user-agent': 'Boto3/1.26.27 Python/3.11.2 Linux/6.18 Botocore/1.29.27', 'accept-encoding': 'identity', 'amz-sdk-request': 'attempt=1' }, false, region);
}

/**
 * Net::Amazon::S3 0.991's SigV4 (Signature::V4Implementation): it signs Date and Content-Length
 * (0 on a GET too) besides the usual headers, and writes the Authorization parts with no space
 * after the commas.
 */
function perlV4(req: ClientRequest): Promise<RawResponse> {
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
  const headers = { date: new Date().toUTCString(), 'content-length': String(body.length), ...req.headers };
  return signedV4({ ...req, headers }, { 'user-agent': 'libwww-perl/6.68', te: 'deflate,gzip;q=0.3', connection: 'TE' }, true, 'us-east-1');
}

async function signedV4(req: ClientRequest, unsigned: Record<string, string>, compactAuthorization: boolean, region: string): Promise<RawResponse> {
  const url = new URL(server.endpoint);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const payloadHash = sha256Hex(body ?? '');
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, ...req.headers };
  if (body !== undefined && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  const signer = new SigV4Signer({ region, service: 's3', credentials: CREDENTIALS });
  const signed = signer.sign({ method: req.method, path: req.path, query: req.canonicalQuery ?? req.wireQuery ?? '', headers, payloadHash });
  if (compactAuthorization) signed.authorization = signed.authorization!.replaceAll(', ', ',');
  const path = req.wireQuery === undefined ? req.path : `${req.path}?${req.wireQuery}`;
  return rawHttp(server.endpoint, { method: req.method, path, headers: { ...headers, ...signed, ...unsigned, ...req.unsigned }, body });
}

/**
 * Net::Amazon::S3 0.991's default signer for any host but s3.amazonaws.com, SigV2
 * (Signature::V2): `Authorization: AWS key:base64(HMAC-SHA1)` over the method, Content-MD5,
 * Content-Type, Date, the x-amz-* headers and the resource; no x-amz-date, no x-amz-content-sha256.
 * `resource` is the path plus the sub-resources the client signs.
 */
function perlV2(req: ClientRequest & { resource?: string }): Promise<RawResponse> {
  const url = new URL(server.endpoint);
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
  const date = new Date().toUTCString();
  const extra = req.headers ?? {};
  const amz = Object.keys(extra).filter((k) => k.startsWith('x-amz-')).sort().map((k) => `${k}:${extra[k]}\n`).join('');
  const toSign = `${req.method}\n${extra['content-md5'] ?? ''}\n${extra['content-type'] ?? ''}\n${date}\n${amz}${req.resource ?? req.path}`;
  const signature = createHmac('sha1', CREDENTIALS.secretAccessKey).update(toSign).digest('base64');
  const headers = { host: url.host, date, authorization: `AWS ${CREDENTIALS.accessKeyId}:${signature}`, 'user-agent': 'libwww-perl/6.68', 'content-length': String(body.length), ...extra };
  const path = req.wireQuery === undefined ? req.path : `${req.path}?${req.wireQuery}`;
  return rawHttp(server.endpoint, { method: req.method, path, headers, body });
}

/** Starts a multipart upload with `POST /bucket/key?uploads` (the wire spelling of both clients). */
async function startUpload(send: (req: ClientRequest) => Promise<RawResponse>, bucket: string, key: string): Promise<string> {
  const res = await send({ method: 'POST', path: `/${bucket}/${key}`, wireQuery: 'uploads', canonicalQuery: 'uploads=', headers: { 'content-length': '0' } });
  if (res.status !== 200) throw new Error(`CreateMultipartUpload: ${res.status} ${res.body.toString()}`);
  return elements(res.body.toString(), 'UploadId')[0]!;
}

/** boto3's UploadPart: Content-MD5, Expect: 100-continue, `?uploadId=…&partNumber=N` in that order on the wire. */
function botoPart(bucket: string, key: string, uploadId: string, n: number, part: Buffer): Promise<RawResponse> {
  const id = encodeURIComponent(uploadId);
  return boto({
    method: 'PUT', path: `/${bucket}/${key}`, wireQuery: `uploadId=${id}&partNumber=${n}`, canonicalQuery: `partNumber=${n}&uploadId=${id}`,
    headers: { 'content-md5': md5Base64(part) }, unsigned: { expect: '100-continue' }, body: part,
  });
}

/** botocore's CompleteMultipartUpload body: xmlns, quoted ETags, ETag before PartNumber, no declaration. */
const botoComplete = (etags: string[]): string =>
  `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${etags.map((e, i) => `<Part><ETag>${e}</ETag><PartNumber>${i + 1}</PartNumber></Part>`).join('')}</CompleteMultipartUpload>`;

// ---------------------------------------------------------------------------------------------
// barman-cloud 3.4.0 (boto3 1.26.27, path-style through `s3 = addressing_style = path`). Every
// command starts with HEAD /bucket (no trailing slash) to see that the bucket exists.

// Works as on AWS: barman-cloud-backup on a new bucket: HEAD /bucket is 404 with no body (AWS docs
// HeadBucket: "If the bucket does not exist … the operation returns … 404 Not Found" and a HEAD has
// no body), then `PUT /bucket` with `x-amz-acl: private` creates it (S3 accepts the private canned
// ACL on CreateBucket: versity/versitygw#1869, S3 measured 2026-02-18) with Location /bucket (AWS
// docs CreateBucket), after which HEAD is 200 with x-amz-bucket-region (AWS docs HeadBucket).
test('barman-cloud-backup on a new bucket: HEAD /bucket → 404 empty; PUT /bucket x-amz-acl private → 200 Location /bucket; HEAD → 200 x-amz-bucket-region [AWS docs HeadBucket, CreateBucket; versitygw#1869]', async (t) => {
  const bucket = uniqueBucket('barman');
  const missing = await boto({ method: 'HEAD', path: `/${bucket}` });
  t.is(missing.status, 404);
  t.is(missing.body.length, 0);
  const created = await boto({ method: 'PUT', path: `/${bucket}`, headers: { 'x-amz-acl': 'private', 'content-length': '0' } });
  t.is(created.status, 200, created.body.toString());
  t.is(created.headers.location, `/${bucket}`);
  const head = await boto({ method: 'HEAD', path: `/${bucket}` });
  t.is(head.status, 200);
  t.is(head.headers['x-amz-bucket-region'], 'us-east-1');
});

// Works as on AWS: with AWS_DEFAULT_REGION=eu-west-1, barman-cloud-wal-archive creates the bucket
// with a CreateBucketConfiguration naming eu-west-1 (AWS docs CreateBucket LocationConstraint);
// a later barman-cloud-wal-restore run with us-east-1 gets, for its path-style HEAD /bucket, the
// regional endpoint's bare 301 with x-amz-bucket-region eu-west-1 (docs/s3.md "Addressing";
// AWS docs HeadBucket x-amz-bucket-region), which botocore's S3RegionRedirector
// (utils.py redirect_from_error) takes from a HEAD's bodiless 301, re-signing for eu-west-1 to get
// 200.
test('barman-cloud with AWS_DEFAULT_REGION=eu-west-1: PUT /bucket with LocationConstraint eu-west-1 → 200; HEAD signed us-east-1 → 301 x-amz-bucket-region eu-west-1, re-signed → 200 [AWS docs CreateBucket, HeadBucket]', async (t) => {
  const bucket = uniqueBucket('barman-eu');
  const config = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
  const created = await boto({ method: 'PUT', path: `/${bucket}`, headers: { 'x-amz-acl': 'private' }, body: config }, 'eu-west-1');
  t.is(created.status, 200, created.body.toString());
  const wrong = await boto({ method: 'HEAD', path: `/${bucket}` });
  t.is(wrong.status, 301);
  t.is(wrong.headers['x-amz-bucket-region'], 'eu-west-1');
  t.is(wrong.body.length, 0);
  const right = await boto({ method: 'HEAD', path: `/${bucket}` }, 'eu-west-1');
  t.is(right.status, 200);
  t.is(right.headers['x-amz-bucket-region'], 'eu-west-1');
});

// Works as on AWS: barman-cloud-wal-archive sends a 16 MiB WAL segment through boto3's
// upload_fileobj (8 MiB chunks on two threads, so part 2 may arrive before part 1): POST ?uploads
// with Content-Length 0, parts with Content-MD5 and Expect: 100-continue, then a Complete listing
// quoted ETags in part order. Parts may be uploaded in any order (AWS docs UploadPart: "the part
// number … uniquely identifies a part and also defines its position"), every part but the last is
// at least 5 MiB (AWS docs "Amazon S3 multipart upload limits"), and S3 encrypts with SSE-S3 by
// default and says so (AWS docs "Setting default server-side encryption behavior": "all new object
// uploads … are automatically encrypted", x-amz-server-side-encryption: AES256). wal-restore then
// GETs the object whole.
test('barman-cloud-wal-archive multipart: part 2 before part 1 (Content-MD5, Expect: 100-continue), quoted ETags → "-2" ETag, SSE AES256; wal-restore GET → the bytes [AWS docs UploadPart, multipart limits, default encryption]', async (t) => {
  const bucket = await bucketWith({});
  const key = 'pg/wals/0000000100000000/000000010000000000000003';
  const uploadId = await startUpload(boto, bucket, key);
  const parts = [Buffer.alloc(5 * MiB, 'w'), Buffer.from('end of the WAL segment')];
  const second = await botoPart(bucket, key, uploadId, 2, parts[1]!);
  const first = await botoPart(bucket, key, uploadId, 1, parts[0]!);
  t.is(second.status, 200, second.body.toString());
  t.is(first.status, 200, first.body.toString());
  t.is(first.headers['x-amz-server-side-encryption'], 'AES256');
  const q = `uploadId=${encodeURIComponent(uploadId)}`;
  const done = await boto({ method: 'POST', path: `/${bucket}/${key}`, wireQuery: q, body: botoComplete([first.headers.etag!, second.headers.etag!]) });
  t.is(done.status, 200, done.body.toString());
  t.is(elements(done.body.toString(), 'ETag')[0], multipartEtag(parts).replaceAll('"', '&quot;'));
  const got = await boto({ method: 'GET', path: `/${bucket}/${key}` });
  t.is(got.status, 200);
  t.is(got.headers.etag, multipartEtag(parts));
  t.true(got.body.equals(Buffer.concat(parts)));
});

// Works as on AWS: barman-cloud-backup -e AES256 --tags 'env,test' 'owner,c26 team' writes
// backup.info with x-amz-server-side-encryption and x-amz-tagging form-encoded by urlencode (a space
// as "+"). S3 reads x-amz-tagging as URL query parameters (AWS docs PutObject x-amz-tagging: "The
// tag-set must be encoded as URL Query parameters"), and a query parameter's "+" is a space
// (application/x-www-form-urlencoded, WHATWG URL Standard §5.1; no S3 capture with a "+" found), so
// "c26+team" is "c26 team"; GetObject then answers x-amz-tagging-count (AWS docs GetObject) and the
// SSE header (AWS docs PutObject).
test('barman-cloud-backup -e AES256 --tags: PUT backup.info with SSE + x-amz-tagging "owner=c26+team" → tag "c26 team", x-amz-tagging-count 2 [AWS docs PutObject x-amz-tagging, GetObject]', async (t) => {
  const bucket = await bucketWith({});
  const key = 'pg/base/20261207T215343/backup.info';
  const body = "backup_label='START WAL LOCATION: 0/8000028'\nstatus=DONE\n";
  const put = await boto({
    method: 'PUT', path: `/${bucket}/${key}`, body, unsigned: { expect: '100-continue' },
    headers: { 'content-md5': md5Base64(body), 'x-amz-server-side-encryption': 'AES256', 'x-amz-tagging': 'env=test&owner=c26+team' },
  });
  t.is(put.status, 200, put.body.toString());
  t.is(put.headers['x-amz-server-side-encryption'], 'AES256');
  t.is(put.headers.etag, `"${md5(body).toString('hex')}"`);
  const tags = await boto({ method: 'GET', path: `/${bucket}/${key}`, wireQuery: 'tagging', canonicalQuery: 'tagging=' });
  t.deepEqual(elements(tags.body.toString(), 'Key'), ['env', 'owner']);
  t.deepEqual(elements(tags.body.toString(), 'Value'), ['test', 'c26 team']);
  const got = await boto({ method: 'GET', path: `/${bucket}/${key}` });
  t.is(got.headers['x-amz-tagging-count'], '2');
  t.is(got.headers['x-amz-server-side-encryption'], 'AES256');
  t.is(got.body.toString(), body);
});

// Works as on AWS: barman-cloud-backup-list lists one level with `delimiter=%2F` and
// `encoding-type=url` (the backups are CommonPrefixes), and to find each backup's files lists with
// an EMPTY delimiter, `delimiter=&`: S3 reads that as no delimiter and leaves Delimiter out of the
// answer (ceph/s3-tests test_bucket_listv2_delimiter_empty: "putting an empty value into Delimiter
// will not return a value in the response", keys listed flat, no CommonPrefixes).
test('barman-cloud-backup-list ListObjectsV2: delimiter=%2F → the backups as CommonPrefixes; delimiter= (empty) → every key, no Delimiter element [ceph/s3-tests test_bucket_listv2_delimiter_empty]', async (t) => {
  const bucket = await bucketWith({
    'pg/base/20261207T215049/backup.info': 'a', 'pg/base/20261207T215049/data.tar': 'tar',
    'pg/base/20261207T215103/backup.info': 'b', 'pg/base/20261207T215103/data.tar.gz': 'gz',
  });
  const oneLevel = await boto({ method: 'GET', path: `/${bucket}`, wireQuery: 'list-type=2&prefix=pg%2Fbase%2F&delimiter=%2F&encoding-type=url', canonicalQuery: 'delimiter=%2F&encoding-type=url&list-type=2&prefix=pg%2Fbase%2F' });
  t.is(oneLevel.status, 200, oneLevel.body.toString());
  t.deepEqual(elements(oneLevel.body.toString(), 'Key'), []);
  t.true(oneLevel.body.toString().includes('<CommonPrefixes><Prefix>pg/base/20261207T215049/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>pg/base/20261207T215103/</Prefix></CommonPrefixes>'));
  const flat = await boto({ method: 'GET', path: `/${bucket}`, wireQuery: 'list-type=2&prefix=pg%2Fbase%2F&delimiter=&encoding-type=url', canonicalQuery: 'delimiter=&encoding-type=url&list-type=2&prefix=pg%2Fbase%2F' });
  t.is(flat.status, 200, flat.body.toString());
  const xml = flat.body.toString();
  t.deepEqual(elements(xml, 'Key'), ['pg/base/20261207T215049/backup.info', 'pg/base/20261207T215049/data.tar', 'pg/base/20261207T215103/backup.info', 'pg/base/20261207T215103/data.tar.gz']);
  t.false(xml.includes('<Delimiter'));
  t.false(xml.includes('<CommonPrefixes>'));
  t.deepEqual(elements(xml, 'KeyCount'), ['4']);
});

// Works as on AWS: barman-cloud-backup-keep writes `annotations/keep`, and backup-delete first GETs
// it: missing, it is 404 NoSuchKey naming the key (AWS docs GetObject errors, NoSuchKey). The delete
// is DeleteObjects with the Objects before `<Quiet>true</Quiet>`, xmlns and Content-MD5, on the wire
// `POST /bucket?delete`; quiet mode lists no <Deleted> (AWS docs DeleteObjects: "In quiet mode the
// response includes only keys where the delete action encountered an error").
test('barman-cloud-backup-delete: GET annotations/keep → 404 NoSuchKey; POST /bucket?delete (Objects then Quiet, Content-MD5) → 200 without <Deleted>, keys gone [AWS docs GetObject, DeleteObjects]', async (t) => {
  const bucket = await bucketWith({ 'pg/base/20261207T215049/data.tar': 'tar', 'pg/base/20261207T215049/backup.info': 'info', 'pg/base/20261207T215103/annotations/keep': 'standalone' });
  const keep = await boto({ method: 'GET', path: `/${bucket}/pg/base/20261207T215049/annotations/keep` });
  t.is(keep.status, 404);
  t.deepEqual(elements(keep.body.toString(), 'Code'), ['NoSuchKey']);
  t.deepEqual(elements(keep.body.toString(), 'Key'), ['pg/base/20261207T215049/annotations/keep']);
  const kept = await boto({ method: 'GET', path: `/${bucket}/pg/base/20261207T215103/annotations/keep` });
  t.is(kept.body.toString(), 'standalone');
  for (const key of ['pg/base/20261207T215049/data.tar', 'pg/base/20261207T215049/backup.info']) {
    const xml = `<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>${key}</Key></Object><Quiet>true</Quiet></Delete>`;
    const res = await boto({ method: 'POST', path: `/${bucket}`, wireQuery: 'delete', canonicalQuery: 'delete=', headers: { 'content-md5': md5Base64(xml) }, body: xml });
    t.is(res.status, 200, res.body.toString());
    t.false(res.body.toString().includes('<Deleted>'));
  }
  const left = await boto({ method: 'GET', path: `/${bucket}`, wireQuery: 'list-type=2&prefix=pg%2Fbase%2F&delimiter=&encoding-type=url', canonicalQuery: 'delimiter=&encoding-type=url&list-type=2&prefix=pg%2Fbase%2F' });
  t.deepEqual(elements(left.body.toString(), 'Key'), ['pg/base/20261207T215103/annotations/keep']);
});

// ---------------------------------------------------------------------------------------------
// Net::Amazon::S3 0.991, Vendor::Generic with use_virtual_host => 0 and
// authorization_method => Signature::V4 (the SigV2 default is below). Bucket paths end in "/".

// Works as on AWS: add_bucket is `PUT /bucket/` with Content-Type application/xml, an empty body
// and a signed Date; a CreateBucket body is optional (AWS docs CreateBucket request syntax), and
// the Authorization header's parts may be comma-separated without spaces (AWS docs "Authorization
// header": the components are separated by commas; the space is not part of the syntax).
test('Net::Amazon::S3 add_bucket (V4): PUT /bucket/ with Content-Type application/xml, empty body, "Credential=…,SignedHeaders=…,Signature=…" → 200 [AWS docs CreateBucket, sigv4-auth-using-authorization-header]', async (t) => {
  const bucket = uniqueBucket('nas3');
  const res = await perlV4({ method: 'PUT', path: `/${bucket}/`, headers: { 'content-type': 'application/xml' }, unsigned: { 'keep-alive': '300' } });
  t.is(res.status, 200, res.body.toString());
  t.is(res.headers.location, `/${bucket}`);
  const list = await perlV4({ method: 'GET', path: '/' });
  t.true(elements(list.body.toString(), 'Name').includes(bucket));
});

// Works as on AWS: add_key sends Content-Type and x-amz-meta-* (both signed), the key's space, "+"
// and "%" percent-encoded; get_key reads them back and head_key gets the same headers and no body
// (AWS docs PutObject, GetObject, HeadObject; user metadata in x-amz-meta-*).
test('Net::Amazon::S3 add_key / get_key / head_key (V4): "sp ace+plus%.txt" with Content-Type + x-amz-meta-colour → 200; GET and HEAD give them back [AWS docs PutObject, GetObject, HeadObject]', async (t) => {
  const bucket = await bucketWith({});
  const body = 'body of sp ace+plus%.txt\n';
  const path = `/${bucket}/sp%20ace%2Bplus%25.txt`;
  const put = await perlV4({ method: 'PUT', path, headers: { 'content-type': 'text/plain', 'x-amz-meta-colour': 'blue' }, body });
  t.is(put.status, 200, put.body.toString());
  t.is(put.headers.etag, `"${md5(body).toString('hex')}"`);
  const got = await perlV4({ method: 'GET', path });
  t.is(got.status, 200);
  t.is(got.body.toString(), body);
  t.is(got.headers['content-type'], 'text/plain');
  t.is(got.headers['x-amz-meta-colour'], 'blue');
  const head = await perlV4({ method: 'HEAD', path });
  t.is(head.status, 200);
  t.is(head.body.length, 0);
  t.is(head.headers['content-length'], String(body.length));
  t.is(head.headers['x-amz-meta-colour'], 'blue');
  const missing = await perlV4({ method: 'GET', path: `/${bucket}/nope.txt` });
  t.is(missing.status, 404);
  t.deepEqual(elements(missing.body.toString(), 'Code'), ['NoSuchKey']);
});

// Works as on AWS: add_key with acl_short => 'public-read' on a bucket created without an ACL
// (Object Ownership BucketOwnerEnforced, S3's default since April 2023) is refused (AWS docs
// "Troubleshooting" for Object Ownership: "Requests to set ACLs or update ACLs fail with a 400 error
// and return the AccessControlListNotSupported error code"), and nothing is stored.
test('Net::Amazon::S3 add_key acl_short public-read (V4) on a default bucket → 400 AccessControlListNotSupported, no object [AWS docs object-ownership-error-responses]', async (t) => {
  const bucket = await bucketWith({});
  const res = await perlV4({ method: 'PUT', path: `/${bucket}/acl.txt`, headers: { 'x-amz-acl': 'public-read' }, body: 'acl' });
  t.is(res.status, 400);
  t.deepEqual(elements(res.body.toString(), 'Code'), ['AccessControlListNotSupported']);
  t.deepEqual(elements(res.body.toString(), 'Message'), ['The bucket does not allow ACLs']);
  const head = await perlV4({ method: 'HEAD', path: `/${bucket}/acl.txt` });
  t.is(head.status, 404);
});

// Works as on AWS: list_bucket is ListObjects (v1), `GET /bucket/?delimiter=%2F&max-keys=1000&prefix=dir%2F`
// with a signed Content-Length: 0: the answer carries Prefix, an empty Marker, MaxKeys, Delimiter,
// the keys and CommonPrefixes (AWS docs ListObjects response syntax).
test('Net::Amazon::S3 list_bucket (V4) prefix + delimiter: GET /bucket/?delimiter=%2F&max-keys=1000&prefix=dir%2F → ListObjects v1 with Marker, keys and CommonPrefixes [AWS docs ListObjects]', async (t) => {
  const bucket = await bucketWith({ 'a.txt': 'a', 'dir/one.txt': '1', 'dir/two.txt': '2', 'dir/sub/three.txt': '3' });
  const q = 'delimiter=%2F&max-keys=1000&prefix=dir%2F';
  const res = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: q });
  t.is(res.status, 200, res.body.toString());
  const xml = res.body.toString();
  t.deepEqual(elements(xml, 'Prefix'), ['dir/', 'dir/sub/']);
  t.true(xml.includes('<Marker></Marker>') || xml.includes('<Marker/>'));
  t.deepEqual(elements(xml, 'MaxKeys'), ['1000']);
  t.deepEqual(elements(xml, 'Delimiter'), ['/']);
  t.deepEqual(elements(xml, 'Key'), ['dir/one.txt', 'dir/two.txt']);
  t.deepEqual(elements(xml, 'IsTruncated'), ['false']);
});

// Works as on AWS: list_bucket_all pages with max-keys=2 and, with no delimiter, takes the last key
// as the next marker itself: S3 answers IsTruncated true and no NextMarker (AWS docs ListObjects
// NextMarker: "This element is returned only if you have the delimiter request parameter
// specified"); a marker holding " ", "+" and "%" is read decoded.
test('Net::Amazon::S3 list_bucket_all (V4) max-keys=2 + marker: IsTruncated true without NextMarker; marker "sp ace+plus%.txt" resumes after it [AWS docs ListObjects NextMarker]', async (t) => {
  const bucket = await bucketWith({ 'a.txt': 'a', 'file.bin': 'f', 'sp ace+plus%.txt': 's', 'z.txt': 'z' });
  const first = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: 'max-keys=2' });
  t.deepEqual(elements(first.body.toString(), 'Key'), ['a.txt', 'file.bin']);
  t.deepEqual(elements(first.body.toString(), 'IsTruncated'), ['true']);
  t.deepEqual(elements(first.body.toString(), 'NextMarker'), []);
  const q = 'marker=file.bin&max-keys=2';
  const second = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: q });
  t.deepEqual(elements(second.body.toString(), 'Key'), ['sp ace+plus%.txt', 'z.txt']);
  t.deepEqual(elements(second.body.toString(), 'Marker'), ['file.bin']);
  const last = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: 'marker=sp%20ace%2Bplus%25.txt&max-keys=2' });
  t.deepEqual(elements(last.body.toString(), 'Key'), ['z.txt']);
  t.deepEqual(elements(last.body.toString(), 'IsTruncated'), ['false']);
});

// Works as on AWS: copy_key sends `X-Amz-Copy-Source: /bucket/key` (leading slash) and an empty
// body; with extra headers it adds x-amz-metadata-directive REPLACE; edit_metadata is that copy onto
// the object itself with new metadata and Content-Type, which S3 allows because the metadata changes
// (AWS docs CopyObject: x-amz-copy-source, x-amz-metadata-directive; copying an object onto itself
// needs a change such as REPLACE metadata).
test('Net::Amazon::S3 copy_key / edit_metadata (V4): X-Amz-Copy-Source with a leading "/" → CopyObjectResult; REPLACE onto itself with new Content-Type + meta → 200 [AWS docs CopyObject]', async (t) => {
  const bucket = await bucketWith({});
  await perlV4({ method: 'PUT', path: `/${bucket}/dir/one.txt`, headers: { 'content-type': 'text/plain', 'x-amz-meta-colour': 'blue' }, body: 'one\n' });
  const copy = await perlV4({ method: 'PUT', path: `/${bucket}/copy.txt`, headers: { 'x-amz-copy-source': `/${bucket}/dir/one.txt` } });
  t.is(copy.status, 200, copy.body.toString());
  t.deepEqual(elements(copy.body.toString(), 'ETag'), [`&quot;${md5('one\n').toString('hex')}&quot;`]);
  const copied = await perlV4({ method: 'HEAD', path: `/${bucket}/copy.txt` });
  t.is(copied.headers['x-amz-meta-colour'], 'blue'); // COPY, the default directive, keeps the metadata
  const edit = await perlV4({
    method: 'PUT', path: `/${bucket}/dir/one.txt`,
    headers: { 'content-type': 'text/x-changed', 'x-amz-copy-source': `/${bucket}/dir/one.txt`, 'x-amz-meta-colour': 'green', 'x-amz-metadata-directive': 'REPLACE' },
  });
  t.is(edit.status, 200, edit.body.toString());
  const head = await perlV4({ method: 'HEAD', path: `/${bucket}/dir/one.txt` });
  t.is(head.headers['content-type'], 'text/x-changed');
  t.is(head.headers['x-amz-meta-colour'], 'green');
});

// Works as on AWS: get_acl on the bucket reads `GET /bucket/?acl` (allowed with ACLs disabled: "Requests
// to read ACLs are still supported … always return a response that shows full control for the bucket
// owner", AWS docs Object Ownership troubleshooting), and get_location_constraint `GET /bucket/?location`
// is an empty LocationConstraint in us-east-1 (AWS docs GetBucketLocation).
test('Net::Amazon::S3 get_acl / get_location_constraint (V4): ?acl → the owner FULL_CONTROL; ?location → empty in us-east-1 [AWS docs object-ownership-error-responses, GetBucketLocation]', async (t) => {
  const bucket = await bucketWith({});
  const acl = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: 'acl', canonicalQuery: 'acl=' });
  t.is(acl.status, 200, acl.body.toString());
  t.deepEqual(elements(acl.body.toString(), 'Permission'), ['FULL_CONTROL']);
  const [owner, grantee] = elements(acl.body.toString(), 'ID');
  t.is(grantee, owner);
  const location = await perlV4({ method: 'GET', path: `/${bucket}/`, wireQuery: 'location', canonicalQuery: 'location=' });
  t.is(location.status, 200);
  t.regex(location.body.toString(), /<LocationConstraint xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"\s*(\/>|><\/LocationConstraint>)/);
});

// Works as on AWS: the bucket's add_tags sends PutBucketTagging with no Content-MD5 (0.991 adds none
// for tags), which S3 refuses (versity/versitygw#1521: S3 answered exactly this 400 on 2025-09-08;
// AWS docs PutBucketTagging: Content-MD5 is required); delete_tags is DELETE ?tagging → 204 (AWS
// docs DeleteBucketTagging, DeleteObjectTagging).
test('Net::Amazon::S3 bucket add_tags (V4): PUT /bucket/?tagging without Content-MD5 → 400 InvalidRequest "Missing required header…"; delete_tags → 204 [versitygw#1521; AWS docs PutBucketTagging]', async (t) => {
  const bucket = await bucketWith({ 'z.txt': 'z' });
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>\n';
  const res = await perlV4({ method: 'PUT', path: `/${bucket}/`, wireQuery: 'tagging', canonicalQuery: 'tagging=', headers: { 'content-type': 'application/xml' }, body: xml });
  t.is(res.status, 400);
  t.deepEqual(elements(res.body.toString(), 'Code'), ['InvalidRequest']);
  t.deepEqual(elements(res.body.toString(), 'Message'), ['Missing required header for this request: Content-MD5 OR x-amz-checksum-*']);
  const delObject = await perlV4({ method: 'DELETE', path: `/${bucket}/z.txt`, wireQuery: 'tagging', canonicalQuery: 'tagging=' });
  t.is(delObject.status, 204);
  const delBucket = await perlV4({ method: 'DELETE', path: `/${bucket}/`, wireQuery: 'tagging', canonicalQuery: 'tagging=' });
  t.is(delBucket.status, 204);
});

// The object's add_tags is PutObjectTagging with no Content-MD5 either, and S3 accepts that one
// (versity/versitygw#1662, "the command succeeds direct to s3", 2025-11-24, fixed by versitygw#1678;
// AWS docs PutObjectTagging do not mark Content-MD5 required). Regression: boltstack answered 400
// InvalidRequest (PutObjectTagging was in verify-body-checksums.ts's CHECKSUM_REQUIRED).
test('Net::Amazon::S3 object add_tags (V4): PUT /bucket/key?tagging without Content-MD5 → 200 and the tags stored [versitygw#1662, #1678]', async (t) => {
  const bucket = await bucketWith({ 'z.txt': 'z' });
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>\n';
  const res = await perlV4({ method: 'PUT', path: `/${bucket}/z.txt`, wireQuery: 'tagging', canonicalQuery: 'tagging=', headers: { 'content-type': 'application/xml' }, body: xml });
  t.is(res.status, 200, res.body.toString());
  const tags = await perlV4({ method: 'GET', path: `/${bucket}/z.txt`, wireQuery: 'tagging', canonicalQuery: 'tagging=' });
  t.deepEqual(elements(tags.body.toString(), 'Value'), ['b']);
});

// Works as on AWS: a multipart upload through the Client API (0.991's put_part passes arguments its
// request class refuses, so the part operation was called directly, as put_part means to): parts
// `?partNumber=N&uploadId=…` with no Content-MD5, then a Complete with an XML declaration,
// PartNumber BEFORE ETag, a trailing newline and Content-Type application/xml (AWS docs
// CompleteMultipartUpload: the Part members in any order), and abort_multipart_upload is DELETE
// ?uploadId → 204 (AWS docs AbortMultipartUpload).
test('Net::Amazon::S3 multipart (V4): parts without Content-MD5, Complete with PartNumber before ETag + declaration → "-2" ETag; abort → 204 [AWS docs CompleteMultipartUpload, AbortMultipartUpload]', async (t) => {
  const bucket = await bucketWith({});
  const uploadId = await startUpload(perlV4, bucket, 'multi.bin');
  const id = encodeURIComponent(uploadId);
  const parts = [Buffer.alloc(5 * MiB, 'A'), Buffer.alloc(1000, 'B')];
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) {
    const q = `partNumber=${i + 1}&uploadId=${id}`;
    const res = await perlV4({ method: 'PUT', path: `/${bucket}/multi.bin`, wireQuery: q, body: part });
    t.is(res.status, 200, res.body.toString());
    etags.push(res.headers.etag!);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>\n`;
  const done = await perlV4({ method: 'POST', path: `/${bucket}/multi.bin`, wireQuery: `uploadId=${id}`, headers: { 'content-type': 'application/xml' }, body: xml });
  t.is(done.status, 200, done.body.toString());
  t.is(elements(done.body.toString(), 'ETag')[0], multipartEtag(parts).replaceAll('"', '&quot;'));
  const abortId = await startUpload(perlV4, bucket, 'abort.bin');
  const abort = await perlV4({ method: 'DELETE', path: `/${bucket}/abort.bin`, wireQuery: `uploadId=${encodeURIComponent(abortId)}` });
  t.is(abort.status, 204);
  const parts2 = await perlV4({ method: 'GET', path: `/${bucket}/abort.bin`, wireQuery: `uploadId=${encodeURIComponent(abortId)}` });
  t.deepEqual(elements(parts2.body.toString(), 'Code'), ['NoSuchUpload']);
});

// Works as on AWS: Client::Object put sends Content-MD5 and Content-Type; range('bytes=0-5')->get
// and a suffix range 'bytes=-4' are 206 with those bytes (RFC 9110 §14.1.2; AWS docs GetObject
// Range), and exists() is a HEAD: 404 for a missing key.
test('Net::Amazon::S3 Client put / range / exists (V4): Content-MD5 PUT → 200; Range bytes=0-5 and bytes=-4 → 206; HEAD missing → 404 [AWS docs GetObject Range, RFC 9110 §14.1.2]', async (t) => {
  const bucket = await bucketWith({});
  const body = 'client body\n';
  const put = await perlV4({ method: 'PUT', path: `/${bucket}/client.txt`, headers: { 'content-md5': md5Base64(body), 'content-type': 'text/plain' }, body });
  t.is(put.status, 200, put.body.toString());
  const head = await perlV4({ method: 'GET', path: `/${bucket}/client.txt`, headers: { range: 'bytes=0-5' } });
  t.is(head.status, 206);
  t.is(head.body.toString(), 'client');
  t.is(head.headers['content-range'], `bytes 0-5/${body.length}`);
  const tail = await perlV4({ method: 'GET', path: `/${bucket}/client.txt`, headers: { range: 'bytes=-4' } });
  t.is(tail.status, 206);
  t.is(tail.body.toString(), 'ody\n');
  const missing = await perlV4({ method: 'HEAD', path: `/${bucket}/nope` });
  t.is(missing.status, 404);
});

// Works as on AWS: delete_key of a key that never existed is 204 (AWS docs DeleteObject: no error
// for a missing key on an unversioned bucket); delete_multi_object is `POST /bucket/?delete` with
// <Quiet> FIRST, Content-MD5 and Content-Type application/xml (AWS docs DeleteObjects); then
// delete_bucket `DELETE /bucket/` → 204 and, again, 404 NoSuchBucket (AWS docs DeleteBucket).
test('Net::Amazon::S3 delete_key / delete_multi_object / delete_bucket (V4): missing key → 204; POST /bucket/?delete Quiet first + Content-MD5 → 200; DELETE /bucket/ → 204, again → 404 NoSuchBucket [AWS docs DeleteObject, DeleteObjects, DeleteBucket]', async (t) => {
  const bucket = await bucketWith({ 'a.txt': 'a', 'sp ace+plus%.txt': 's', 'dir/one.txt': '1' });
  const missing = await perlV4({ method: 'DELETE', path: `/${bucket}/never-existed.txt` });
  t.is(missing.status, 204);
  const one = await perlV4({ method: 'DELETE', path: `/${bucket}/a.txt` });
  t.is(one.status, 204);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet><Object><Key>dir/one.txt</Key></Object><Object><Key>sp ace+plus%.txt</Key></Object></Delete>\n`;
  const multi = await perlV4({ method: 'POST', path: `/${bucket}/`, wireQuery: 'delete', canonicalQuery: 'delete=', headers: { 'content-md5': md5Base64(xml), 'content-type': 'application/xml' }, body: xml });
  t.is(multi.status, 200, multi.body.toString());
  t.false(multi.body.toString().includes('<Deleted>'));
  const gone = await perlV4({ method: 'DELETE', path: `/${bucket}/` });
  t.is(gone.status, 204, gone.body.toString());
  const again = await perlV4({ method: 'DELETE', path: `/${bucket}/` });
  t.is(again.status, 404);
  t.deepEqual(elements(again.body.toString(), 'Code'), ['NoSuchBucket']);
  t.deepEqual(elements(again.body.toString(), 'BucketName'), [bucket]);
});

// Works as on AWS (SigV2 is still accepted on the regions and buckets that take it; boltstack takes
// it everywhere, docs/configuration.md "Accounts"): Net::Amazon::S3's default signer for a non-AWS
// host, `Authorization: AWS key:signature` over Date, no x-amz-date and no x-amz-content-sha256,
// through create, put, list, a multipart upload (sub-resources uploads, partNumber, uploadId in the
// signed resource; AWS docs RESTAuthentication "CanonicalizedResource") and a range get.
test('Net::Amazon::S3 default SigV2 signer: PUT /bucket/, PUT key, ListObjects, multipart and a range GET with "Authorization: AWS key:sig" + Date → 200/206 [AWS docs RESTAuthentication]', async (t) => {
  const bucket = uniqueBucket('nas3v2');
  const created = await perlV2({ method: 'PUT', path: `/${bucket}/`, headers: { 'content-type': 'application/xml' } });
  t.is(created.status, 200, created.body.toString());
  const put = await perlV2({ method: 'PUT', path: `/${bucket}/dir/one.txt`, headers: { 'content-type': 'text/plain', 'x-amz-meta-colour': 'blue' }, body: 'one\n' });
  t.is(put.status, 200, put.body.toString());
  const list = await perlV2({ method: 'GET', path: `/${bucket}/`, wireQuery: 'delimiter=%2F&max-keys=1000&prefix=dir%2F', resource: `/${bucket}/` });
  t.deepEqual(elements(list.body.toString(), 'Key'), ['dir/one.txt']);
  const create = await perlV2({ method: 'POST', path: `/${bucket}/multi.bin`, wireQuery: 'uploads', resource: `/${bucket}/multi.bin?uploads` });
  const uploadId = elements(create.body.toString(), 'UploadId')[0]!;
  const part = Buffer.from('the only part');
  const partRes = await perlV2({ method: 'PUT', path: `/${bucket}/multi.bin`, wireQuery: `partNumber=1&uploadId=${uploadId}`, resource: `/${bucket}/multi.bin?partNumber=1&uploadId=${uploadId}`, body: part });
  t.is(partRes.status, 200, partRes.body.toString());
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><PartNumber>1</PartNumber><ETag>${partRes.headers.etag}</ETag></Part></CompleteMultipartUpload>\n`;
  const done = await perlV2({ method: 'POST', path: `/${bucket}/multi.bin`, wireQuery: `uploadId=${uploadId}`, resource: `/${bucket}/multi.bin?uploadId=${uploadId}`, headers: { 'content-type': 'application/xml' }, body: xml });
  t.is(done.status, 200, done.body.toString());
  const ranged = await perlV2({ method: 'GET', path: `/${bucket}/multi.bin`, headers: { range: 'bytes=0-2' } });
  t.is(ranged.status, 206);
  t.is(ranged.body.toString(), 'the');
});

// Works as on AWS: query_string_authentication_uri makes presigned GET URLs: with V4,
// X-Amz-Algorithm … X-Amz-SignedHeaders=host (AWS docs "Authenticating Requests: Using Query
// Parameters"); with V2, AWSAccessKeyId, Expires and Signature (AWS docs RESTAuthentication, "Query
// string request authentication"). Both read "k y+.txt", its space and "+" percent-encoded.
test('Net::Amazon::S3 query_string_authentication_uri: V4 and V2 presigned GETs of "k y+.txt" → 200 [AWS docs sigv4-query-string-auth, RESTAuthentication]', async (t) => {
  const bucket = await bucketWith({ 'k y+.txt': 'presigned body\n' });
  const path = `/${bucket}/k%20y%2B.txt`;
  const url = new URL(server.endpoint);
  const stamp = amzDate(new Date());
  const scope = `${stamp.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(`${CREDENTIALS.accessKeyId}/${scope}`)}&X-Amz-Date=${stamp}&X-Amz-Expires=3600&X-Amz-SignedHeaders=host`;
  const canonical = `GET\n${path}\n${query}\nhost:${url.host}\n\nhost\nUNSIGNED-PAYLOAD`;
  const key = deriveSigningKey(CREDENTIALS.secretAccessKey, stamp.slice(0, 8), 'us-east-1', 's3');
  const v4Signature = createHmac('sha256', key).update(`AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${sha256Hex(canonical)}`).digest('hex');
  const v4 = `${query}&X-Amz-Signature=${v4Signature}`;
  const viaV4 = await rawHttp(server.endpoint, { method: 'GET', path: `${path}?${v4}`, headers: { host: url.host } });
  t.is(viaV4.status, 200, viaV4.body.toString());
  t.is(viaV4.body.toString(), 'presigned body\n');
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const signature = createHmac('sha1', CREDENTIALS.secretAccessKey).update(`GET\n\n\n${expires}\n${path}`).digest('base64');
  const viaV2 = await rawHttp(server.endpoint, { method: 'GET', path: `${path}?AWSAccessKeyId=${CREDENTIALS.accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`, headers: { host: url.host } });
  t.is(viaV2.status, 200, viaV2.body.toString());
  t.is(viaV2.body.toString(), 'presigned body\n');
});

// ---------------------------------------------------------------------------------------------
// smart_open 5.2.1 over boto3 1.26.27 (transport_params={'client': client, 'min_part_size': 5 MiB}).
// Its writer always starts a multipart upload; its reader always GETs with a Range.

// Works as on AWS: a streaming write buffers min_part_size and uploads each full buffer as a part
// (Content-MD5, Expect: 100-continue), the last one smaller, then completes; a write smaller than
// one part is still a one-part multipart upload, legal because the last (here the only) part may be
// under 5 MiB (AWS docs "Amazon S3 multipart upload limits": "no minimum size limit on the last part").
test('smart_open write: 5 MiB parts + a smaller last part → "-2" ETag; a 17-byte write is a one-part upload → "-1" ETag [AWS docs multipart upload limits]', async (t) => {
  const bucket = await bucketWith({});
  const parts = [Buffer.alloc(5 * MiB, 'S'), Buffer.alloc(12_345, 't')];
  const uploadId = await startUpload(boto, bucket, 'big/20mb.bin');
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) etags.push((await botoPart(bucket, 'big/20mb.bin', uploadId, i + 1, part)).headers.etag!);
  const done = await boto({ method: 'POST', path: `/${bucket}/big/20mb.bin`, wireQuery: `uploadId=${encodeURIComponent(uploadId)}`, body: botoComplete(etags) });
  t.is(done.status, 200, done.body.toString());
  t.is(elements(done.body.toString(), 'ETag')[0], multipartEtag(parts).replaceAll('"', '&quot;'));
  const small = Buffer.from('hello smart_open\n');
  const smallId = await startUpload(boto, bucket, 'small.txt');
  const part = await botoPart(bucket, 'small.txt', smallId, 1, small);
  const smallDone = await boto({ method: 'POST', path: `/${bucket}/small.txt`, wireQuery: `uploadId=${encodeURIComponent(smallId)}`, body: botoComplete([part.headers.etag!]) });
  t.is(smallDone.status, 200, smallDone.body.toString());
  t.is(elements(smallDone.body.toString(), 'ETag')[0], multipartEtag([small]).replaceAll('"', '&quot;'));
});

// Works as on AWS: the reader opens with `Range: bytes=0-` (206 with the whole length in
// Content-Range, not 200), a seek reopens at `bytes=N-`, and a seek from the end asks a suffix range
// `bytes=-100` (RFC 9110 §14.1.2 and §15.3.7: a satisfiable Range is answered 206 with
// Content-Range; AWS docs GetObject Range).
test('smart_open read + seeks: Range bytes=0- → 206 bytes 0-(n-1)/n; bytes=N- after a seek; bytes=-100 for SEEK_END → the right bytes [RFC 9110 §14.1.2, §15.3.7; AWS docs GetObject Range]', async (t) => {
  const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
  const bucket = await bucketWith({ 'big/20mb.bin': data });
  const path = `/${bucket}/big/20mb.bin`;
  const open = await boto({ method: 'GET', path, headers: { range: 'bytes=0-' } });
  t.is(open.status, 206);
  t.is(open.headers['content-range'], `bytes 0-${data.length - 1}/${data.length}`);
  t.true(open.body.equals(data));
  const seek = await boto({ method: 'GET', path, headers: { range: 'bytes=150000-' } });
  t.is(seek.status, 206);
  t.is(seek.headers['content-range'], `bytes 150000-${data.length - 1}/${data.length}`);
  t.true(seek.body.equals(data.subarray(150_000)));
  const end = await boto({ method: 'GET', path, headers: { range: 'bytes=-100' } });
  t.is(end.status, 206);
  t.is(end.headers['content-range'], `bytes ${data.length - 100}-${data.length - 1}/${data.length}`);
  t.true(end.body.equals(data.subarray(-100)));
});

// Works as on AWS: closing a writer that got no bytes aborts its multipart upload (DELETE
// ?uploadId → 204) and PUTs an empty object (Content-MD5 of nothing); reading it opens with
// `Range: bytes=0-`, which on an empty object is 416 InvalidRange naming the range and
// ActualObjectSize 0 (LocalStack's AWS-validated tests/aws/services/s3/test_s3_api.snapshot.json,
// TestS3ObjectCRUD::test_get_object_range), and smart_open reads that as b''.
test('smart_open empty object: abort → 204, PUT empty with Content-MD5 → 200; Range bytes=0- → 416 InvalidRange ActualObjectSize 0 [AWS docs AbortMultipartUpload; LocalStack test_s3_api.snapshot.json test_get_object_range]', async (t) => {
  const bucket = await bucketWith({});
  const uploadId = await startUpload(boto, bucket, 'empty.bin');
  const abort = await boto({ method: 'DELETE', path: `/${bucket}/empty.bin`, wireQuery: `uploadId=${encodeURIComponent(uploadId)}`, headers: { 'content-length': '0' } });
  t.is(abort.status, 204);
  const put = await boto({ method: 'PUT', path: `/${bucket}/empty.bin`, headers: { 'content-md5': md5Base64(''), 'content-length': '0' }, unsigned: { expect: '100-continue' }, body: '' });
  t.is(put.status, 200, put.body.toString());
  t.is(put.headers.etag, `"${md5('').toString('hex')}"`);
  const read = await boto({ method: 'GET', path: `/${bucket}/empty.bin`, headers: { range: 'bytes=0-' } });
  t.is(read.status, 416);
  t.deepEqual(elements(read.body.toString(), 'Code'), ['InvalidRange']);
  t.deepEqual(elements(read.body.toString(), 'RangeRequested'), ['bytes=0-']);
  t.deepEqual(elements(read.body.toString(), 'ActualObjectSize'), ['0']);
});

// Works as on AWS: with defer_seek, a seek past the end opens at `bytes=1000-` of a 14-byte object:
// 416 InvalidRange with the range and the size (same LocalStack snapshot; RFC 9110 §14.1.2: a
// first-pos past the end is unsatisfiable), which smart_open reads as EOF; a missing key with a
// Range is 404 NoSuchKey, not 416 (AWS docs GetObject errors).
test('smart_open seek past the end (defer_seek): Range bytes=1000- on 14 bytes → 416 InvalidRange ActualObjectSize 14; a missing key with Range → 404 NoSuchKey [LocalStack test_get_object_range; RFC 9110 §14.1.2]', async (t) => {
  const bucket = await bucketWith({ 'single.bin': 'second version' });
  const past = await boto({ method: 'GET', path: `/${bucket}/single.bin`, headers: { range: 'bytes=1000-' } });
  t.is(past.status, 416);
  t.deepEqual(elements(past.body.toString(), 'RangeRequested'), ['bytes=1000-']);
  t.deepEqual(elements(past.body.toString(), 'ActualObjectSize'), ['14']);
  const missing = await boto({ method: 'GET', path: `/${bucket}/missing.bin`, headers: { range: 'bytes=0-' } });
  t.is(missing.status, 404);
  t.deepEqual(elements(missing.body.toString(), 'Code'), ['NoSuchKey']);
});
