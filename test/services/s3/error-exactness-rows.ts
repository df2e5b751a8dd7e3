/**
 * The rows of error-exactness.test.ts: one request each, and the answer a source that ran against
 * AWS gives for it (status, error Code, and the Message where the source or AWS quotes it).
 *
 * Sources, cited per row as `repo path::test`:
 * - S3T = ceph/s3-tests s3tests_boto3/functional/test_s3.py, run against AWS; tests tagged
 *   `fails_on_aws` are left out unless the tag's own comment quotes AWS's current answer.
 * - S3H = ceph/s3-tests s3tests_boto3/functional/test_headers.py.
 * - AWS error catalogue: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
import type { RawRequest } from './signed-request.js';

export const S3T = 'ceph/s3-tests s3tests_boto3/functional/test_s3.py';
export const S3H = 'ceph/s3-tests s3tests_boto3/functional/test_headers.py';
export const ERRORS_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';

/** What a row's set-up leaves for its request: the row's own key and the object's validators. */
export interface RowState { bucket: string; key: string; etag?: string; lastModified?: string; uploadId?: string; parts?: { n: number; etag: string }[] }

export interface Row {
  name: string;
  source: string;
  /** Objects to put first (key suffix → body); '' is the row key itself. */
  objects?: Record<string, string>;
  /** A multipart upload of the row key with these part sizes, before the request. */
  upload?: number[];
  request: (s: RowState) => RawRequest;
  status: number;
  /** undefined: a success (or a bodiless 304/HEAD error). */
  code?: string;
  message?: string;
  /** Other elements of the error document: their text, or null where S3 sends none. */
  fields?: Record<string, string | null> | ((s: RowState) => Record<string, string | null>);
  /** Elements that must come in this order in the error document. */
  sequence?: string[];
  /** Response headers (lower-case names): their value, or null where S3 sends none. */
  headers?: Record<string, string | null>;
}

const MISSING_BUCKET = 'no-such-bucket-s3exact';
const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const put = (path: string, body = 'bar', headers: Record<string, string> = {}): RawRequest => ({ method: 'PUT', path, body, headers });
const create = (name: string): RawRequest => ({ method: 'PUT', path: `/${name}` });

const NOT_VALID_BUCKET = 'The specified bucket is not valid.';
const PRECONDITION = 'At least one of the pre-conditions you specified did not hold';

export const bucketRows: Row[] = [
  { name: 'ListObjects on a missing bucket', source: `${S3T}::test_bucket_notexist`,
    request: () => ({ method: 'GET', path: `/${MISSING_BUCKET}` }), status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' },
  { name: 'ListObjectsV2 on a missing bucket', source: `${S3T}::test_bucketv2_notexist`,
    request: () => ({ method: 'GET', path: `/${MISSING_BUCKET}`, query: 'list-type=2' }), status: 404, code: 'NoSuchBucket' },
  { name: 'DeleteBucket on a missing bucket', source: `${S3T}::test_bucket_delete_notexist`,
    request: () => ({ method: 'DELETE', path: `/${MISSING_BUCKET}` }), status: 404, code: 'NoSuchBucket' },
  { name: 'DeleteBucket on a bucket with an object', source: `${S3T}::test_bucket_delete_nonempty`, objects: { '': 'x' },
    request: (s) => ({ method: 'DELETE', path: `/${s.bucket}` }), status: 409, code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty' },
  { name: 'PutObject into a missing bucket', source: `${S3T}::test_object_write_to_nonexist_bucket`,
    request: () => put(`/${MISSING_BUCKET}/foo`), status: 404, code: 'NoSuchBucket' },
  { name: 'GetObject from a missing bucket', source: `${S3T}::test_object_raw_authenticated_bucket_gone`,
    request: () => ({ method: 'GET', path: `/${MISSING_BUCKET}/foo` }), status: 404, code: 'NoSuchBucket' },
  { name: 'DeleteObject in a missing bucket', source: `${S3T}::test_object_delete_key_bucket_gone`,
    request: () => ({ method: 'DELETE', path: `/${MISSING_BUCKET}/foo` }), status: 404, code: 'NoSuchBucket' },
  { name: 'HeadBucket on a missing bucket: 404 without a body', source: `${S3T}::test_bucket_head_notexist`,
    request: () => ({ method: 'HEAD', path: `/${MISSING_BUCKET}` }), status: 404 },
  { name: 'CreateBucket "a" (one character)', source: `${S3T}::test_bucket_create_naming_bad_short_one`,
    request: () => create('a'), status: 400, code: 'InvalidBucketName', message: NOT_VALID_BUCKET },
  { name: 'CreateBucket "aa" (two characters)', source: `${S3T}::test_bucket_create_naming_bad_short_two`,
    request: () => create('aa'), status: 400, code: 'InvalidBucketName', message: NOT_VALID_BUCKET },
  { name: 'CreateBucket "alpha!soup" (punctuation)', source: `${S3T}::test_bucket_create_naming_bad_punctuation`,
    request: () => create('alpha!soup'), status: 400, code: 'InvalidBucketName' },
  { name: 'CreateBucket with a 256-character name', source: `${S3T}::test_bucket_create_naming_bad_long`,
    request: () => create('a'.repeat(256)), status: 400, code: 'InvalidBucketName' },
  // The next five are tagged fails_on_aws from the days AWS took them; each tag's comment quotes
  // AWS's answer today: <Code>InvalidBucketName</Code><Message>The specified bucket is not valid.</Message>
  ...(['foo_bar', 'foo-', 'foo..bar', 'foo.-bar', 'foo-.bar'] as const).map((name, i): Row => ({
    name: `CreateBucket "${name}"`,
    source: `${S3T}::test_bucket_create_naming_dns_${['underscore', 'dash_at_end', 'dot_dot', 'dot_dash', 'dash_dot'][i]}`,
    request: () => create(name), status: 400, code: 'InvalidBucketName', message: NOT_VALID_BUCKET,
  })),
  { name: 'CreateBucket with a 63-character name succeeds', source: `${S3T}::test_bucket_create_naming_good_long_63`,
    request: (s) => create(`${s.bucket.slice(0, 20)}${'a'.repeat(63 - 20)}`), status: 200 },
  { name: 'CreateBucket "aaa.111" (a period) succeeds', source: `${S3T}::test_bucket_create_naming_good_contains_period`,
    request: (s) => create(`${s.bucket.slice(0, 30)}-aaa.111`), status: 200 },
];

export const objectRows: Row[] = [
  { name: 'GetObject of a key never written', source: `${S3T}::test_object_read_not_exist`,
    request: (s) => ({ method: 'GET', path: obj(s) }), status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
  { name: 'Range past the end of an 11-byte object', source: `${S3T}::test_ranged_request_invalid_range`, objects: { '': 'testcontent' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range: 'bytes=40-50' } }), status: 416, code: 'InvalidRange', message: 'The requested range is not satisfiable' },
  { name: 'Range on an empty object', source: `${S3T}::test_ranged_request_empty_object`, objects: { '': '' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range: 'bytes=40-50' } }), status: 416, code: 'InvalidRange' },
  { name: 'GetObject If-Match with a bogus ETag', source: `${S3T}::test_get_object_ifmatch_failed`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-match': '"ABCORZ"' } }), status: 412, code: 'PreconditionFailed', message: PRECONDITION },
  { name: 'GetObject If-None-Match with the ETag: 304', source: `${S3T}::test_get_object_ifnonematch_good`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-none-match': s.etag! } }), status: 304 },
  { name: 'GetObject If-None-Match with a bogus ETag succeeds', source: `${S3T}::test_get_object_ifnonematch_failed`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-none-match': 'ABCORZ' } }), status: 200 },
  { name: 'GetObject If-Modified-Since 1994 succeeds', source: `${S3T}::test_get_object_ifmodifiedsince_good`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-modified-since': 'Sat, 29 Oct 1994 19:43:31 GMT' } }), status: 200 },
  { name: 'GetObject If-Modified-Since its Last-Modified: 304', source: `${S3T}::test_get_object_ifmodifiedsince_failed`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-modified-since': s.lastModified! } }), status: 304 },
  { name: 'GetObject If-Unmodified-Since 1994', source: `${S3T}::test_get_object_ifunmodifiedsince_good`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-unmodified-since': 'Sat, 29 Oct 1994 19:43:31 GMT' } }), status: 412, code: 'PreconditionFailed', message: PRECONDITION },
  { name: 'GetObject If-Unmodified-Since 2100 succeeds', source: `${S3T}::test_get_object_ifunmodifiedsince_failed`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-unmodified-since': 'Sat, 29 Oct 2100 19:43:31 GMT' } }), status: 200 },
  { name: 'PutObject If-Match with a bogus ETag over an object', source: `${S3T}::test_put_object_ifmatch_failed`, objects: { '': 'bar' },
    request: (s) => put(obj(s), 'zar', { 'if-match': '"ABCORZ"' }), status: 412, code: 'PreconditionFailed', message: PRECONDITION },
  { name: 'CopyObject onto itself without a change', source: `${S3T}::test_object_copy_to_itself`, objects: { '': 'foo' },
    request: (s) => put(obj(s), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}` }), status: 400, code: 'InvalidRequest',
    message: "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes." },
  { name: 'CopyObject onto itself replacing metadata succeeds', source: `${S3T}::test_object_copy_to_itself_with_metadata`, objects: { '': 'foo' },
    request: (s) => put(obj(s), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, 'x-amz-metadata-directive': 'REPLACE', 'x-amz-meta-foo': 'bar' }), status: 200 },
  { name: 'CopyObject from a missing bucket', source: `${S3T}::test_object_copy_bucket_not_found`,
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${MISSING_BUCKET}/foo123bar` }), status: 404, code: 'NoSuchBucket' },
  { name: 'CopyObject from a missing key', source: `${S3T}::test_object_copy_key_not_found`,
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}` }), status: 404, code: 'NoSuchKey' },
  { name: 'CopyObject x-amz-copy-source-if-match with the ETag succeeds', source: `${S3T}::test_copy_object_ifmatch_good`, objects: { '': 'bar' },
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, 'x-amz-copy-source-if-match': s.etag! }), status: 200 },
  { name: 'CopyObject x-amz-copy-source-if-match with a bogus ETag', source: `${S3T}::test_copy_object_ifmatch_failed`, objects: { '': 'bar' },
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, 'x-amz-copy-source-if-match': 'ABCORZ' }), status: 412, code: 'PreconditionFailed', message: PRECONDITION },
  { name: 'CopyObject x-amz-copy-source-if-none-match with the ETag', source: `${S3T}::test_copy_object_ifnonematch_good`, objects: { '': 'bar' },
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, 'x-amz-copy-source-if-none-match': s.etag! }), status: 412, code: 'PreconditionFailed', message: PRECONDITION },
  { name: 'CopyObject x-amz-copy-source-if-none-match with a bogus ETag succeeds', source: `${S3T}::test_copy_object_ifnonematch_failed`, objects: { '': 'bar' },
    request: (s) => put(obj(s, '-dst'), '', { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, 'x-amz-copy-source-if-none-match': 'ABCORZ' }), status: 200 },
  { name: 'PutObject Content-MD5 of the wrong length', source: `${S3H}::test_object_create_bad_md5_invalid_short`,
    request: (s) => put(obj(s), 'bar', { 'content-md5': 'YWJyYWNhZGFicmE=' }), status: 400, code: 'InvalidDigest', message: 'The Content-MD5 you specified was invalid.' },
  { name: 'PutObject Content-MD5 of another body', source: `${S3H}::test_object_create_bad_md5_bad`,
    request: (s) => put(obj(s), 'bar', { 'content-md5': 'rL0Y20xC+Fzt72VPzMSk2A==' }), status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' },
  { name: 'PutObject with an empty Content-MD5', source: `${S3H}::test_object_create_bad_md5_empty`,
    request: (s) => put(obj(s), 'bar', { 'content-md5': '' }), status: 400, code: 'InvalidDigest', message: 'The Content-MD5 you specified was invalid.' },
  { name: 'PutObject Content-MD5 of another body: the digests and their spelling', source: 'versity/versitygw#2034 (S3 XML quoted, 2026-04-13); dandi/dandi-cli#1257 (S3 logs, 2023)',
    request: (s) => put(obj(s), '', { 'content-md5': 'XrY7u+Ae7tCTyyK7j1rNww==' }), status: 400, code: 'BadDigest',
    fields: { CalculatedDigest: '1B2M2Y8AsgTpgAmY7PhCfg==', ExpectedDigest: '5eb63bbbe01eeed093cb22bb8f5acdc3' },
    sequence: ['Code', 'Message', 'CalculatedDigest', 'ExpectedDigest', 'RequestId', 'HostId'] },
  { name: 'PutObject with an empty Content-Type succeeds', source: `${S3H}::test_object_create_bad_contenttype_empty`,
    request: (s) => put(obj(s), 'bar', { 'content-type': '' }), status: 200 },
  { name: 'PutObject x-amz-checksum-crc32 of another body', source: `${ERRORS_DOC} (BadDigest); AWS answer quoted in test/services/s3/objects.test.ts`,
    request: (s) => put(obj(s), 'abc', { 'x-amz-checksum-crc32': 'AAAAAA==' }), status: 400, code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' },
  { name: 'PutObject with a 1,025-byte key', source: `${ERRORS_DOC} (KeyTooLongError)`,
    request: (s) => put(`/${s.bucket}/${'k'.repeat(1025)}`), status: 400, code: 'KeyTooLongError', message: 'Your key is too long' },
  { name: 'PutObject with 2 KB of user metadata and more', source: `${ERRORS_DOC} (MetadataTooLarge)`,
    request: (s) => put(obj(s), 'bar', { 'x-amz-meta-big': 'v'.repeat(2100) }), status: 400, code: 'MetadataTooLarge',
    message: 'Your metadata headers exceed the maximum allowed metadata size.' },
];
