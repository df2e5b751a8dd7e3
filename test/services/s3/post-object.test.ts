/**
 * S3's POST Object, a browser form upload: forms made with @aws-sdk/s3-presigned-post's
 * createPresignedPost (as a web app hands them to a browser), posted with fetch + FormData, the
 * object read back with GetObject. What S3 answers is from LocalStack's AWS-validated recordings
 * (localstack/localstack tests/aws/services/s3/test_s3.py TestS3PresignedPost and
 * test_s3.snapshot.json, validated 2026-02-21) and captures of S3's error documents in issue
 * trackers, named beside each test.
 */
import test from 'ava';
import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { CreateBucketCommand, GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { s3Client, startBoltstack, startChild, uniqueBucket } from '../../helpers/server.js';
import { md5Hex, patternBuffer } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  bucket = uniqueBucket('post');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

type Post = Awaited<ReturnType<typeof createPresignedPost>>;

function presign(options: Partial<PresignedPostOptions> & { Key: string }, client = s3): Promise<Post> {
  return createPresignedPost(client, { Bucket: bucket, Expires: 300, ...options });
}

/** Fields in order, then the file part (a filename, or none when `filename` is null), then `after`. */
function form(fields: Record<string, string>, file: Uint8Array | string, filename: string | null = 'upload.bin', after: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (filename === null) data.append('file', typeof file === 'string' ? file : Buffer.from(file).toString('latin1'));
  else data.append('file', new Blob([file]), filename);
  for (const [name, value] of Object.entries(after)) data.append(name, value);
  return data;
}

const send = (url: string, body: FormData): Promise<Response> => fetch(url, { method: 'POST', body, redirect: 'manual' });

async function errorDoc(res: Response): Promise<Record<string, string>> {
  const xml = await res.text();
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) out[m[1]!] = m[2]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return out;
}

async function stored(key: string): Promise<string | undefined> {
  try {
    return await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
  } catch (err) {
    if ((err as Error).name === 'NoSuchKey') return undefined;
    throw err;
  }
}

test('a presigned POST stores the file and answers 204 with its ETag and Location', async (t) => {
  const post = await presign({ Key: 'simple.txt' });
  const res = await send(post.url, form(post.fields, 'hello form'));
  t.is(res.status, 204, await res.clone().text());
  // 204 with ETag and Location (boto/boto3#2851, a wire trace against S3, 2021).
  t.is(res.headers.get('etag'), `"${md5Hex(Buffer.from('hello form'))}"`);
  t.is(res.headers.get('location'), `http://${new URL(server.endpoint).host}/${bucket}/simple.txt`);
  t.is(await stored('simple.txt'), 'hello form');
  // No Content-Type field: binary/octet-stream, not the file part's type (test_s3.py::test_post_object_with_file_as_string).
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'simple.txt' }))).ContentType, 'binary/octet-stream');
});

test('${filename} in the key is the file name less its path; with no filename it stays as written', async (t) => {
  const post = await presign({ Key: 'uploads/${filename}' });
  t.is((await send(post.url, form(post.fields, 'named', 'C:\\docs\\report.txt'))).status, 204);
  t.is(await stored('uploads/report.txt'), 'named');
  // test_s3.py::test_post_object_with_file_as_string: key stored literally when the file part has no filename.
  const res = await send(post.url, form(post.fields, 'unnamed', null));
  t.is(res.status, 204, await res.clone().text());
  t.is(await stored('uploads/${filename}'), 'unnamed');
});

test('metadata, Content-Type, Cache-Control and tagging fields are applied; field names are case-insensitive', async (t) => {
  const tagging = '<Tagging><TagSet><Tag><Key>team</Key><Value>web</Value></Tag></TagSet></Tagging>';
  const post = await presign({
    Key: 'meta.txt',
    Fields: { 'Content-Type': 'text/plain', 'x-amz-meta-TEST-2': 'value two', 'Cache-Control': 'max-age=60', tagging },
  });
  t.true('Policy' in post.fields && 'X-Amz-Signature' in post.fields, 'the SDK capitalizes the signing fields');
  const res = await send(post.url, form(post.fields, 'with metadata'));
  t.is(res.status, 204, await res.clone().text());
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'meta.txt' }));
  t.is(head.ContentType, 'text/plain');
  t.is(head.CacheControl, 'max-age=60');
  // Stored lower-case (test_s3.py::test_post_object_with_metadata: x-amz-meta-TEST-2 → test-2).
  t.deepEqual(head.Metadata, { 'test-2': 'value two' });
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'meta.txt' }))).TagSet, [{ Key: 'team', Value: 'web' }]);
});

test('success_action_status 201 answers a PostResponse document', async (t) => {
  const post = await presign({ Key: 'dir/${filename}', Fields: { success_action_status: '201' }, Conditions: [['starts-with', '$key', 'dir/']] });
  const res = await send(post.url, form(post.fields, 'something body', 'my-file'));
  t.is(res.status, 201);
  const etag = `"${md5Hex(Buffer.from('something body'))}"`;
  const location = `http://${new URL(server.endpoint).host}/${bucket}/dir%2Fmy-file`;
  // No namespace, key percent-encoded in Location with its / (jamhall/s3rver#504, ceph/ceph#20330 quoting S3).
  t.is(await res.text(), `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${location}</Location><Bucket>${bucket}</Bucket><Key>dir/my-file</Key><ETag>${etag}</ETag></PostResponse>`);
  t.is(res.headers.get('etag'), etag);
  t.is(res.headers.get('location'), location);
  t.is(res.headers.get('content-type'), 'application/xml');
  t.is(await stored('dir/my-file'), 'something body');
});

test('success_action_redirect answers 303 with bucket, key and etag added to its query', async (t) => {
  const redirect = 'http://localhost.test/done?from=form';
  const post = await presign({ Key: 'a b/c.txt', Fields: { success_action_redirect: redirect } });
  const res = await send(post.url, form(post.fields, 'redirected'));
  t.is(res.status, 303);
  const etag = md5Hex(Buffer.from('redirected'));
  // Form-encoded, query kept (layervault/layervault_ruby_client#8, 2014: key%2F..., etag=%22...%22).
  t.is(res.headers.get('location'), `${redirect}&bucket=${bucket}&key=a+b%2Fc.txt&etag=%22${etag}%22`);
  t.is(await stored('a b/c.txt'), 'redirected');
  // A relative URL is not used: 204 (test_s3.py::test_post_object_with_redirect).
  const relative = await presign({ Key: 'rel.txt', Fields: { success_action_redirect: '/wrong/redirect/relative' } });
  t.is((await send(relative.url, form(relative.fields, 'x'))).status, 204);
});

test('content-length-range: EntityTooLarge and EntityTooSmall with their sizes, bounds inclusive, nothing stored', async (t) => {
  // test_s3.py::test_post_object_policy_validation_size ([5, 10]: 12 and 1 bytes refused, 5 and 10 stored).
  const post = await presign({ Key: 'sized.txt', Conditions: [['content-length-range', 5, 10]] });
  const large = await send(post.url, form(post.fields, 'x'.repeat(12)));
  t.is(large.status, 400);
  t.deepEqual(pick(await errorDoc(large), 'Code', 'Message', 'ProposedSize', 'MaxSizeAllowed'),
    { Code: 'EntityTooLarge', Message: 'Your proposed upload exceeds the maximum allowed size', ProposedSize: '12', MaxSizeAllowed: '10' });
  const small = await send(post.url, form(post.fields, 'x'));
  t.is(small.status, 400);
  t.deepEqual(pick(await errorDoc(small), 'Code', 'Message', 'ProposedSize', 'MinSizeAllowed'),
    { Code: 'EntityTooSmall', Message: 'Your proposed upload is smaller than the minimum allowed size', ProposedSize: '1', MinSizeAllowed: '5' });
  t.is(await stored('sized.txt'), undefined);
  t.is((await send(post.url, form(post.fields, 'x'.repeat(5)))).status, 204);
  t.is((await send(post.url, form(post.fields, 'y'.repeat(10)))).status, 204);
  t.is(await stored('sized.txt'), 'y'.repeat(10));
});

test('an expired policy is AccessDenied "Policy expired."', async (t) => {
  // test_s3.py::test_post_object_expires.
  const post = await presign({ Key: 'expired.txt', Expires: -60 });
  const res = await send(post.url, form(post.fields, 'late'));
  t.is(res.status, 403);
  t.deepEqual(pick(await errorDoc(res), 'Code', 'Message'), { Code: 'AccessDenied', Message: 'Invalid according to Policy: Policy expired.' });
  t.is(await stored('expired.txt'), undefined);
});

test('a signature no key can have made is SignatureDoesNotMatch with the policy as StringToSign', async (t) => {
  // test_s3.py::test_post_request_malformed_policy; element order Fausto95/aws-s3#65 (2019).
  const post = await presign({ Key: 'badsig.txt' });
  const res = await send(post.url, form({ ...post.fields, 'X-Amz-Signature': 'not-a-signature' }, 'x'));
  t.is(res.status, 403);
  const doc = await errorDoc(res);
  t.deepEqual(pick(doc, 'Code', 'Message', 'AWSAccessKeyId', 'SignatureProvided', 'StringToSign'), {
    Code: 'SignatureDoesNotMatch', Message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    AWSAccessKeyId: 'test', SignatureProvided: 'not-a-signature', StringToSign: post.fields.Policy!,
  });
  t.is(doc.StringToSignBytes, Buffer.from(post.fields.Policy!).toString('hex').replace(/(..)(?!$)/g, '$1 '));
});

test('policy conditions: a failed eq, starts-with or bucket condition, and fields no condition names', async (t) => {
  const post = await presign({ Key: 'exact.txt', Conditions: [['starts-with', '$Content-Type', 'image/']], Fields: { 'Content-Type': 'image/png' } });
  // Simple conditions printed as eq (boto/boto3#4514, 2025); S3's spacing (test_s3.py ..._validation_eq).
  const wrongKey = await send(post.url, form({ ...post.fields, key: 'other.txt' }, 'x'));
  t.is(wrongKey.status, 403);
  t.is((await errorDoc(wrongKey)).Message, 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "exact.txt"]');
  const wrongType = await send(post.url, form({ ...post.fields, 'Content-Type': 'text/plain' }, 'x'));
  t.is((await errorDoc(wrongType)).Message, 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]');
  // Extra input fields (moxiecode/moxie#165, martinklepsch/s3-beam#42); x-ignore-* is exempt.
  const extra = await send(post.url, form({ ...post.fields, 'x-amz-meta-note': 'n', 'x-ignore-me': 'y' }, 'x'));
  t.is(extra.status, 403);
  t.deepEqual(pick(await errorDoc(extra), 'Code', 'Message'), { Code: 'AccessDenied', Message: 'Invalid according to Policy: Extra input fields: x-amz-meta-note' });
  // The bucket posted to must be the policy's (s3-tests test_post_object_wrong_bucket).
  const other = uniqueBucket('post-other');
  await s3.send(new CreateBucketCommand({ Bucket: other }));
  const wrongBucket = await send(post.url.replace(bucket, other), form(post.fields, 'x'));
  t.is((await errorDoc(wrongBucket)).Message, `Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "${bucket}"]`);
  t.is(await stored('exact.txt'), undefined);
  t.is((await send(post.url, form(post.fields, 'fine'))).status, 204);
});

test('missing fields, anonymous forms, fields after the file and forms without a file', async (t) => {
  const post = await presign({ Key: 'fields.txt' });
  const { 'X-Amz-Signature': _signature, ...unsigned } = post.fields;
  // test_s3.py::test_post_request_missing_signature (two spaces after the first period).
  const noSignature = await errorDoc(await send(post.url, form(unsigned, 'x')));
  t.deepEqual(noSignature, { ...noSignature, Code: 'InvalidArgument', ArgumentName: 'X-Amz-Signature',
    Message: "Bucket POST must contain a field named 'X-Amz-Signature'.  If it is specified, please check the order of the fields." });
  // A field after the file is ignored: a key there is missing (grafana/k6#1382).
  const { key, ...keyless } = post.fields;
  const late = await errorDoc(await send(post.url, form(keyless, 'x', 'f', { key: key! })));
  t.is(late.ArgumentName, 'key');
  // Only key and policy: anonymous, and the bucket is not public (test_s3.py::test_post_request_missing_fields).
  const anonymous = await send(post.url, form({ key: key!, Policy: post.fields.Policy! }, 'x'));
  t.is(anonymous.status, 403);
  t.deepEqual(pick(await errorDoc(anonymous), 'Code', 'Message'), { Code: 'AccessDenied', Message: 'Access Denied' });
  // No file part (rowanwins/vue-dropzone#303, 2018).
  const fieldsOnly = new FormData();
  for (const [name, value] of Object.entries(post.fields)) fieldsOnly.append(name, value);
  t.deepEqual(pick(await errorDoc(await send(post.url, fieldsOnly)), 'Code', 'Message', 'ArgumentName'),
    { Code: 'InvalidArgument', Message: 'POST requires exactly one file upload per request.', ArgumentName: 'file' });
  // Lower-case names work as the SDK's capitalized ones do (test_s3.py::test_post_object_policy_casing).
  const lower = Object.fromEntries(Object.entries(post.fields).map(([k, v]) => [k.toLowerCase(), v]));
  t.is((await send(post.url, form(lower, 'lower'))).status, 204);
  t.is(await stored('fields.txt'), 'lower');
});

test('a bucket that does not exist, a body that is no form, an unreadable policy', async (t) => {
  const post = await presign({ Key: 'x.txt' });
  const missing = await send(post.url.replace(bucket, `${bucket}-none`), form(post.fields, 'x'));
  t.is(missing.status, 404);
  t.is((await errorDoc(missing)).Code, 'NoSuchBucket');
  // test_s3.py::test_post_object_wrong_content_type: 412 with its Condition.
  const notForm = await fetch(post.url, { method: 'POST', body: 'plain', headers: { 'content-type': 'text/html' } });
  t.is(notForm.status, 412);
  t.deepEqual(pick(await errorDoc(notForm), 'Code', 'Condition'), { Code: 'PreconditionFailed', Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' });
  // tpyo/amazon-s3-php-class#53: InvalidPolicyDocument "Invalid Policy: Invalid JSON.".
  const garbage = await send(post.url, form({ ...post.fields, Policy: Buffer.from('{"expiration":').toString('base64') }, 'x'));
  t.is(garbage.status, 400);
  t.deepEqual(pick(await errorDoc(garbage), 'Code', 'Message'), { Code: 'InvalidPolicyDocument', Message: 'Invalid Policy: Invalid JSON.' });
});

test('a SigV2 form (AWSAccessKeyId, signature) is accepted; its ACL and encryption follow PutObject', async (t) => {
  const policy = Buffer.from(JSON.stringify({
    expiration: new Date(Date.now() + 300_000).toISOString(),
    conditions: [{ bucket }, ['starts-with', '$key', 'v2/'], ['starts-with', '$acl', ''], ['starts-with', '$x-amz-server-side-encryption', '']],
  })).toString('base64');
  const signature = createHmac('sha1', 'test').update(policy).digest('base64');
  const fields = { key: 'v2/file.txt', AWSAccessKeyId: 'test', acl: 'private', 'x-amz-server-side-encryption': 'AES256', policy, signature };
  const url = `${server.endpoint}/${bucket}`;
  const ok = await send(url, form(fields, 'sigv2'));
  t.is(ok.status, 204, await ok.clone().text());
  t.is(ok.headers.get('x-amz-server-side-encryption'), 'AES256');
  t.is(await stored('v2/file.txt'), 'sigv2');
  // ACLs disabled: a public ACL is refused as on PutObject (docs/s3.md; stackd ownership_replay.json).
  const refused = await send(url, form({ ...fields, key: 'v2/public.txt', acl: 'public-read' }, 'x'));
  t.is((await errorDoc(refused)).Code, 'AccessControlListNotSupported');
  // SSE-KMS is not emulated: NotImplemented naming it, as PutObject answers (DESIGN.md §7).
  const kms = await send(url, form({ ...fields, key: 'v2/kms.txt', 'x-amz-server-side-encryption': 'aws:kms' }, 'x'));
  t.is(kms.status, 501);
  t.regex((await errorDoc(kms)).Message ?? '', /ServerSideEncryption/);
  t.is(await stored('v2/public.txt'), undefined);
  t.is(await stored('v2/kms.txt'), undefined);
});

test('x-amz-storage-class and x-amz-checksum-* fields are PutObject\'s; fields before the file are capped at 20 KiB', async (t) => {
  // test_s3.py::test_post_object_with_storage_class: STANDARD_IA stored, FakeClass InvalidStorageClass.
  const ia = await presign({ Key: 'ia.txt', Fields: { 'x-amz-storage-class': 'STANDARD_IA' } });
  const standardIa = await send(ia.url, form(ia.fields, 'infrequent'));
  t.is(standardIa.status, 204, await standardIa.clone().text());
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'ia.txt' }))).StorageClass, 'STANDARD_IA');
  const fake = await presign({ Key: 'fake.txt', Fields: { 'x-amz-storage-class': 'FakeClass' } });
  t.deepEqual(pick(await errorDoc(await send(fake.url, form(fake.fields, 'x'))), 'Code', 'StorageClassRequested'),
    { Code: 'InvalidStorageClass', StorageClassRequested: 'FakeClass' });
  // ceph/s3-tests test_post_object_upload_checksum: a right SHA-256 stored and answered, a wrong one refused.
  const body = 'x'.repeat(2048);
  const sha256 = createHash('sha256').update(body).digest('base64');
  const sum = await presign({ Key: 'sum.txt', Fields: { 'x-amz-checksum-sha256': sha256 } });
  const ok = await send(sum.url, form(sum.fields, body));
  t.is(ok.status, 204, await ok.clone().text());
  t.is(ok.headers.get('x-amz-checksum-sha256'), sha256);
  const wrong = await presign({ Key: 'sum-wrong.txt', Fields: { 'x-amz-checksum-sha256': createHash('sha256').update('other').digest('base64') } });
  t.is((await send(wrong.url, form(wrong.fields, body))).status, 400);
  t.is(await stored('sum-wrong.txt'), undefined);
  // MaxPostPreDataLengthExceeded with its limit (waynehoover/s3_direct_upload#45, 2013; "preceeding" sic).
  const big = await presign({ Key: 'pre.txt', Fields: { 'x-amz-meta-big': 'y'.repeat(21_000) } });
  const refused = await send(big.url, form(big.fields, 'x'));
  t.is(refused.status, 400);
  t.deepEqual(pick(await errorDoc(refused), 'Code', 'Message', 'MaxPostPreDataLengthBytes'), {
    Code: 'MaxPostPreDataLengthExceeded', Message: 'Your POST request fields preceeding the upload file was too large.', MaxPostPreDataLengthBytes: '20480',
  });
});

test('a virtual-hosted form (POST / on <bucket>.localhost) is the bucket\'s POST Object', async (t) => {
  // botocore and the JS SDK post to the bucket URL, virtual-hosted by default against AWS (RESTObjectPOST: "POST / HTTP/1.1, Host: bucket.s3.amazonaws.com").
  const post = await presign({ Key: 'vhost.txt' });
  const encoded = new Response(form(post.fields, 'virtual host'));
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(server.endpoint);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/', method: 'POST',
      headers: { host: `${bucket}.localhost:${url.port}`, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length) } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end(body);
  });
  t.is(status, 204);
  t.is(await stored('vhost.txt'), 'virtual host');
});

test('a client that goes away mid-file leaves nothing stored and the server answering', async (t) => {
  const post = await presign({ Key: 'aborted.bin' });
  const boundary = 'abort-boundary';
  const head = Object.entries(post.fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n`;
  const url = new URL(post.url);
  await new Promise<void>((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 8 * 1024 * 1024) } });
    req.on('error', () => resolve());
    req.write(head);
    req.write(patternBuffer(1024 * 1024, 3), () => setTimeout(() => { req.destroy(); resolve(); }, 100));
  });
  // The aborted upload is finished with, not left waiting for bytes that never come.
  t.is(await inFlightSettles(), 0);
  const after = await presign({ Key: 'after-abort.txt' });
  t.is((await send(after.url, form(after.fields, 'still here'))).status, 204);
  t.is(await stored('after-abort.txt'), 'still here');
  t.is(await stored('aborted.bin'), undefined);
});

test('a 64 MiB file streams to the blob store: the server\'s peak memory does not grow with it', async (t) => {
  t.timeout(120_000);
  const child = await startChild(['--port', '0', '--ephemeral', '--log-level', 'error']);
  try {
    const client = s3Client(child.endpoint);
    const big = uniqueBucket('post-big');
    await client.send(new CreateBucketCommand({ Bucket: big }));
    const post = await createPresignedPost(client, { Bucket: big, Key: 'big.bin', Expires: 300 });
    const body = patternBuffer(64 * 1024 * 1024, 7);
    // Warm up the code path first, so the peak measured is the file's, not first-use loading.
    await send(post.url, form(post.fields, 'warm'));
    const before = await peakRss(child.child.pid!);
    const res = await send(post.url, form(post.fields, body));
    t.is(res.status, 204, await res.clone().text());
    const grown = (await peakRss(child.child.pid!)) - before;
    t.log(`peak RSS grew by ${(grown / 1048576).toFixed(1)} MiB`);
    t.true(grown < 24 * 1024 * 1024, `peak RSS grew by ${grown} bytes for a 64 MiB file`);
    const got = await client.send(new GetObjectCommand({ Bucket: big, Key: 'big.bin' }));
    t.is(md5Hex(Buffer.from(await got.Body!.transformToByteArray())), md5Hex(body));
    t.is(res.headers.get('etag'), `"${md5Hex(body)}"`);
  } finally {
    await child.stop();
  }
});

/** boltstack_requests_in_flight once it is 0, or what it still is after 3 s. */
async function inFlightSettles(): Promise<number> {
  let last = -1;
  for (const end = Date.now() + 3000; Date.now() < end;) {
    const text = await (await fetch(`${server.endpoint}/_boltstack/metrics`)).text();
    last = Number(/^boltstack_requests_in_flight (\d+)/m.exec(text)?.[1] ?? -1);
    if (last === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return last;
}

/** The process's peak resident set (VmHWM), in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function pick(doc: Record<string, string>, ...names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, doc[n]]));
}
