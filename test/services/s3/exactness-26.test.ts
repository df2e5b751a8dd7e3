/**
 * S3 answers pinned in the twenty-sixth session, each beside its source: an UploadPart naming an
 * algorithm in x-amz-sdk-checksum-algorithm with no value for it, and an x-amz-trailer announced
 * on a body that is not aws-chunked (so it can carry no trailer). Raw signed requests, since the
 * SDK never sends either shape.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { signedRequest, type RawRequest, type RawResponse } from './signed-request.js';

let server: Boltstack;
const bucket = 'exactness-26';
test.before(async () => {
  server = await startBoltstack();
  await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}` });
});
test.after.always(async () => { await server?.stop(); });

const send = (req: RawRequest): Promise<RawResponse> => signedRequest(server.endpoint, req);
const errorOf = (res: RawResponse): string => {
  const m = /<Code>([^<]*)<\/Code><Message>([^<]*)<\/Message>/.exec(res.body.toString());
  return m ? `${res.status} ${m[1]}: ${m[2]!.replace(/&apos;/g, "'")}` : `${res.status} ${res.body.toString().slice(0, 200)}`;
};

async function createUpload(key: string, algorithm?: string): Promise<string> {
  const res = await send({ method: 'POST', path: `/${bucket}/${key}`, query: 'uploads=', headers: algorithm ? { 'x-amz-checksum-algorithm': algorithm } : {} });
  const id = /<UploadId>([^<]*)<\/UploadId>/.exec(res.body.toString())?.[1];
  if (id === undefined) throw new Error(`CreateMultipartUpload: ${errorOf(res)}`);
  return id;
}
const partQuery = (n: number, id: string): string => `partNumber=${n}&uploadId=${encodeURIComponent(id)}`;
const partsListed = async (key: string, id: string): Promise<number> =>
  ((await send({ method: 'GET', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(id)}` })).body.toString().match(/<Part>/g) ?? []).length;

const SDK_WITHOUT_VALUE = '400 InvalidRequest: x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.';

// Code and status: native AWS, radkawar/stackd testdata/aws/s3/checksum_algorithms_multipart_replay.json
// seq 61 XXHASH128.algorithm-without-checksum (raw UploadPart, 2026). Message: S3's for PutObject
// (versity/versitygw#1593, 2025-10-20); the API Reference gives UploadPart's ChecksumAlgorithm the
// same rule ("there must be a corresponding x-amz-checksum or x-amz-trailer header sent. Otherwise,
// Amazon S3 fails the request with the HTTP status code 400 Bad Request").
for (const [label, created] of [['an upload made without an algorithm', undefined], ['a CRC32 upload', 'CRC32'], ['an XXHASH128 upload', 'XXHASH128']] as const) {
  test(`UploadPart with x-amz-sdk-checksum-algorithm and no value, on ${label}: 400 InvalidRequest, no part stored [stackd checksum_algorithms_multipart_replay.json seq 61; versitygw#1593]`, async (t) => {
    const key = `sdk-alone-${created ?? 'none'}`;
    const id = await createUpload(key, created);
    for (const declared of ['CRC32', 'crc32', 'SHA256', 'XXHASH128']) {
      const res = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body: 'part bytes', headers: { 'x-amz-sdk-checksum-algorithm': declared } });
      t.is(errorOf(res), SDK_WITHOUT_VALUE, declared);
    }
    t.is(await partsListed(key, id), 0);
  });
}

test('UploadPart with x-amz-sdk-checksum-algorithm MD5 and a Content-MD5 is stored, as PutObject (checksum-algorithms.test.ts) [AWS API Reference UploadPart]', async (t) => {
  const key = 'sdk-md5';
  const id = await createUpload(key);
  const md5 = (await import('node:crypto')).createHash('md5').update('part bytes').digest('base64');
  const res = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body: 'part bytes', headers: { 'x-amz-sdk-checksum-algorithm': 'MD5', 'content-md5': md5 } });
  t.is(res.status, 200, errorOf(res));
});

const MALFORMED_TRAILER = '400 MalformedTrailerError: The request contained trailing data that was not well-formed or did not conform to our published schema.';

// A body that is not aws-chunked lacks the trailer x-amz-trailer announces: S3 answers an announced
// trailer the body does not carry with MalformedTrailerError (versity/versitygw#1691, 2025-12-11, and
// #1600, 2025-10-24, both recorded against S3 for aws-chunked bodies; no capture of this exact shape).
for (const [label, payload] of [['UNSIGNED-PAYLOAD', 'UNSIGNED-PAYLOAD'], ['a signed payload hash', undefined]] as const) {
  test(`PutObject with x-amz-trailer and a plain body (${label}): MalformedTrailerError, nothing stored [versitygw#1691, #1600]`, async (t) => {
    const key = `trailer-plain-${payload ?? 'signed'}`;
    const headers: Record<string, string> = { 'x-amz-trailer': 'x-amz-checksum-crc32', ...(payload ? { 'x-amz-content-sha256': payload } : {}) };
    const res = await send({ method: 'PUT', path: `/${bucket}/${key}`, body: 'hello', headers });
    t.is(errorOf(res), MALFORMED_TRAILER);
    t.is((await send({ method: 'HEAD', path: `/${bucket}/${key}` })).status, 404);
  });
}

test('UploadPart with x-amz-trailer and a plain body: MalformedTrailerError, no part stored [versitygw#1691, #1600]', async (t) => {
  const key = 'trailer-plain-part';
  const id = await createUpload(key);
  const res = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body: 'hello', headers: { 'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-sdk-checksum-algorithm': 'CRC32' } });
  t.is(errorOf(res), MALFORMED_TRAILER);
  t.is(await partsListed(key, id), 0);
});

// x-amz-metadata-directive / x-amz-tagging-directive outside the model's COPY | REPLACE: S3's
// "Unknown metadata directive." (minio/minio cmd/api-errors.go ErrInvalidMetadataDirective, S3's
// wording; versity/versitygw s3err/invalid-argument.go InvalidArgMetadataDirective and
// InvalidArgTaggingDirective for the tagging one and the ArgumentName), not a silent COPY.
test('CopyObject with an unknown metadata or tagging directive is 400 InvalidArgument naming it, nothing copied [minio ErrInvalidMetadataDirective; versitygw InvalidArgMetadataDirective]', async (t) => {
  await send({ method: 'PUT', path: `/${bucket}/directive-source`, body: 'source' });
  const rows: Array<[Record<string, string>, string]> = [
    [{ 'x-amz-metadata-directive': 'MOVE' }, '400 InvalidArgument: Unknown metadata directive.'],
    [{ 'x-amz-metadata-directive': 'replace' }, '400 InvalidArgument: Unknown metadata directive.'],
    [{ 'x-amz-metadata-directive': '' }, '400 InvalidArgument: Unknown metadata directive.'],
    [{ 'x-amz-tagging-directive': 'MOVE' }, '400 InvalidArgument: Unknown tagging directive.'],
    [{ 'x-amz-tagging-directive': 'copy' }, '400 InvalidArgument: Unknown tagging directive.'],
  ];
  for (const [headers, want] of rows) {
    const res = await send({ method: 'PUT', path: `/${bucket}/directive-copy`, headers: { 'x-amz-copy-source': `${bucket}/directive-source`, ...headers } });
    t.is(errorOf(res), want, JSON.stringify(headers));
    const [name, value] = Object.entries(headers)[0]!;
    t.regex(res.body.toString(), new RegExp(`<ArgumentName>${name}</ArgumentName><ArgumentValue>${value}</ArgumentValue>`), name);
  }
  t.is((await send({ method: 'HEAD', path: `/${bucket}/directive-copy` })).status, 404);
  const ok = await send({ method: 'PUT', path: `/${bucket}/directive-copy`, headers: { 'x-amz-copy-source': `${bucket}/directive-source`, 'x-amz-metadata-directive': 'REPLACE', 'x-amz-tagging-directive': 'COPY' } });
  t.is(ok.status, 200, errorOf(ok));
});

// A website redirect that is not a path or an http(s) URL: S3's answer quoted in aws/aws-cli#1130
// (2015, PutObject: "InvalidRedirectLocation ... The website redirect location must have a prefix
// of 'http://' or 'https://' or '/'."), on every operation that takes the header.
test('x-amz-website-redirect-location without /, http:// or https:// is 400 InvalidRedirectLocation on PutObject, CopyObject and CreateMultipartUpload [aws/aws-cli#1130]', async (t) => {
  const want = "400 InvalidRedirectLocation: The website redirect location must have a prefix of 'http://' or 'https://' or '/'.";
  await send({ method: 'PUT', path: `/${bucket}/redirect-source`, body: 'source' });
  for (const location of ['ftp://example.com', 'example.com/page', '']) {
    const headers = { 'x-amz-website-redirect-location': location };
    t.is(errorOf(await send({ method: 'PUT', path: `/${bucket}/redirect-put`, body: 'x', headers })), want, `PutObject ${location}`);
    t.is(errorOf(await send({ method: 'PUT', path: `/${bucket}/redirect-copy`, headers: { ...headers, 'x-amz-copy-source': `${bucket}/redirect-source` } })), want, `CopyObject ${location}`);
    t.is(errorOf(await send({ method: 'POST', path: `/${bucket}/redirect-mpu`, query: 'uploads=', headers })), want, `CreateMultipartUpload ${location}`);
  }
  t.is((await send({ method: 'HEAD', path: `/${bucket}/redirect-put` })).status, 404);
  for (const location of ['/page', 'http://example.com', 'https://example.com/a?b']) {
    const res = await send({ method: 'PUT', path: `/${bucket}/redirect-put`, body: 'x', headers: { 'x-amz-website-redirect-location': location } });
    t.is(res.status, 200, `${location}: ${errorOf(res)}`);
  }
});
