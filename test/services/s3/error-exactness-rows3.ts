/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format and the
 * sources): bucket naming, the extra elements S3 puts in its error documents, HEAD errors,
 * conditional-request precedence and body framing. Issue threads are cited with the date of the
 * S3 answer they quote.
 */
import type { RawRequest } from './signed-request.js';
import { ERRORS_DOC, S3H, S3T, type Row, type RowState } from './error-exactness-rows.js';

const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const create = (name: string): RawRequest => ({ method: 'PUT', path: `/${name}` });
const copyFrom = (s: RowState, headers: Record<string, string>): RawRequest =>
  ({ method: 'PUT', path: obj(s, '-dst'), body: '', headers: { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, ...headers } });
/** A name of `length` characters that no other row uses. */
const named = (s: RowState, length: number): string => `${s.bucket.slice(0, 24)}${'a'.repeat(length - 24)}`;

const NOT_VALID_BUCKET = 'The specified bucket is not valid.';
const NAMING_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';
const GET_OBJECT_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html';
const HEAD_OBJECT_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html';
const COPY_OBJECT_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html';
const CREATE_BUCKET_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html';
const OLD = 'Sat, 29 Oct 1994 19:43:31 GMT';
const NOT_ALLOWED = 'The specified method is not allowed against this resource.';

export const bucketNamingRows: Row[] = [
  ...([280, 3000] as const).map((n): Row => ({
    name: `CreateBucket with a ${n}-character name`, source: `${S3T}::test_bucket_create_naming_bad_long`,
    request: () => create('a'.repeat(n)), status: 400, code: 'InvalidBucketName', message: NOT_VALID_BUCKET,
  })),
  ...([60, 61, 62] as const).map((n): Row => ({
    name: `CreateBucket with a ${n}-character name succeeds`, source: `${S3T}::test_bucket_create_naming_good_long_${n}`,
    request: (s) => create(named(s, n)), status: 200,
  })),
  { name: 'CreateBucket with a name starting with a digit succeeds', source: `${S3T}::test_bucket_create_naming_good_starts_digit`,
    request: (s) => create(`0${s.bucket.slice(0, 40)}`), status: 200 },
  { name: 'CreateBucket "aaa-111" (a hyphen) succeeds', source: `${S3T}::test_bucket_create_naming_good_contains_hyphen`,
    request: (s) => create(`${s.bucket.slice(0, 30)}aaa-111`), status: 200 },
  { name: 'CreateBucket of a bucket you own, in us-east-1, succeeds', source: `${CREATE_BUCKET_DOC} (BucketAlreadyOwnedByYou: "except in the North Virginia Region"); ${S3T}::test_bucket_create_exists`,
    request: (s) => create(s.bucket), status: 200 },
  // The naming rules AWS lists; the answer is the one S3T's check_bad_bucket_name expects.
  ...(['xn--abc', 'sthree-abc', 'amzn-s3-demo-abc', 'abc-s3alias', 'abc--ol-s3', 'abc.mrap', 'abc--x-s3', 'abc--table-s3', 'Abc'] as const).map((name): Row => ({
    name: `CreateBucket "${name}"`, source: `${NAMING_DOC}; answer: ${S3T}::check_bad_bucket_name`,
    request: () => create(name), status: 400, code: 'InvalidBucketName', message: NOT_VALID_BUCKET,
  })),
  { name: 'PUT on the service (an empty bucket name)', source: `${S3T}::test_bucket_create_naming_bad_short_empty; message: versity/versitygw#1810 (S3 XML quoted, 2026-02-03)`,
    request: () => ({ method: 'PUT', path: '/' }), status: 405, code: 'MethodNotAllowed', message: NOT_ALLOWED },
  { name: 'POST on the service names the method and resource type', source: 'versity/versitygw#1810 (S3 XML quoted, 2026-02-03), #1487 (2025-08-23)',
    request: () => ({ method: 'POST', path: '/' }), status: 405, code: 'MethodNotAllowed', message: NOT_ALLOWED,
    fields: { Method: 'POST', ResourceType: 'SERVICE' }, sequence: ['Code', 'Message', 'Method', 'ResourceType', 'RequestId', 'HostId'] },
];

export const errorElementRows: Row[] = [
  { name: 'NoSuchBucket names the bucket', source: 'electron/apps#2157 (S3 XML, 2024-08-17); awslabs/amazon-pollexy#7 (2020)',
    request: () => ({ method: 'GET', path: '/no-such-bucket-s3exact2' }), status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist',
    fields: { BucketName: 'no-such-bucket-s3exact2' }, sequence: ['Code', 'Message', 'BucketName', 'RequestId', 'HostId'] },
  { name: 'NoSuchKey names the key', source: 'frostealth/yii2-aws-s3#25 (S3 XML quoted, 2017); tronprotocol/tips#593 (2023)',
    request: (s) => ({ method: 'GET', path: obj(s) }), status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.',
    fields: (s) => ({ Key: s.key }), sequence: ['Code', 'Message', 'Key', 'RequestId', 'HostId'] },
  { name: 'InvalidRange names the range and the size', source: 'versity/versitygw#2069 (S3 XML quoted, 2026-04-21); catalyst/moodle-tool_objectfs#412 (2021)', objects: { '': 'testcontent' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range: 'bytes=40-50' } }), status: 416, code: 'InvalidRange',
    fields: { RangeRequested: 'bytes=40-50', ActualObjectSize: '11' }, sequence: ['Message', 'RangeRequested', 'ActualObjectSize', 'RequestId'] },
  { name: 'KeyTooLongError gives the size and the limit', source: 'versity/versitygw#2080 (S3 XML quoted, 2026-04-22); flowwer-dev/pull-request-stats#33 (2022)',
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${'a'.repeat(1025)}`, body: 'x' }), status: 400, code: 'KeyTooLongError', message: 'Your key is too long',
    fields: { Size: '1025', MaxSizeAllowed: '1024' }, sequence: ['Message', 'Size', 'MaxSizeAllowed', 'RequestId'] },
  { name: 'PutObject If-Match failing names the condition', source: 'versity/versitygw#2044 (S3 XML quoted, 2026-04-14)', objects: { '': 'bar' },
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'zar', headers: { 'if-match': 'dummy' } }), status: 412, code: 'PreconditionFailed',
    message: 'At least one of the pre-conditions you specified did not hold', fields: { Condition: 'If-Match' }, sequence: ['Message', 'Condition', 'RequestId'] },
  { name: 'GetBucketTagging of a bucket without tags', source: `versity/versitygw#2072 (S3 XML quoted, 2026-04-21); scality/Arsenal#1814 (AWS CLI, 2022); not ${S3T}::test_set_bucket_tagging (NoSuchTagSetError)`,
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: 'tagging=' }), status: 404, code: 'NoSuchTagSet', message: 'The TagSet does not exist',
    fields: (s) => ({ BucketName: s.bucket }) },
];

export const headAndConditionRows: Row[] = [
  { name: 'HeadObject of a missing key: 404 without a body', source: `${HEAD_OBJECT_DOC} ("no response body"); ${S3T}::test_object_read_not_exist`,
    request: (s) => ({ method: 'HEAD', path: obj(s) }), status: 404 },
  { name: 'HeadObject If-Match with a bogus ETag: 412 without a body', source: `${HEAD_OBJECT_DOC}; ${S3T}::test_get_object_ifmatch_failed`, objects: { '': 'bar' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { 'if-match': '"ABCORZ"' } }), status: 412 },
  { name: 'HeadObject If-None-Match with the ETag: 304', source: `${HEAD_OBJECT_DOC}; ${S3T}::test_get_object_ifnonematch_good`, objects: { '': 'bar' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { 'if-none-match': s.etag! } }), status: 304 },
  { name: 'GetObject If-Match with the ETag succeeds', source: `${S3T}::test_get_object_ifmatch_good`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-match': s.etag! } }), status: 200 },
  { name: 'GetObject If-Match true wins over If-Unmodified-Since false', source: `${GET_OBJECT_DOC} (If-Match / If-Unmodified-Since: 200 OK)`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-match': s.etag!, 'if-unmodified-since': OLD } }), status: 200 },
  { name: 'GetObject If-None-Match false wins over If-Modified-Since true', source: `${GET_OBJECT_DOC} (If-None-Match / If-Modified-Since: 304)`, objects: { '': 'bar' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { 'if-none-match': s.etag!, 'if-modified-since': OLD } }), status: 304 },
  { name: 'HeadObject If-Match true wins over If-Unmodified-Since false', source: `${HEAD_OBJECT_DOC} (same rule as GetObject)`, objects: { '': 'bar' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { 'if-match': s.etag!, 'if-unmodified-since': OLD } }), status: 200 },
  { name: 'CopyObject copy-source-if-match true wins over if-unmodified-since false', source: `${COPY_OBJECT_DOC} (x-amz-copy-source-if-match / -if-unmodified-since: 200)`, objects: { '': 'bar' },
    request: (s) => copyFrom(s, { 'x-amz-copy-source-if-match': s.etag!, 'x-amz-copy-source-if-unmodified-since': OLD }), status: 200 },
  { name: 'CopyObject copy-source-if-none-match false wins over if-modified-since true', source: `${COPY_OBJECT_DOC} (x-amz-copy-source-if-none-match / -if-modified-since: 412)`, objects: { '': 'bar' },
    request: (s) => copyFrom(s, { 'x-amz-copy-source-if-none-match': s.etag!, 'x-amz-copy-source-if-modified-since': OLD }), status: 412, code: 'PreconditionFailed' },
];

export const framingRows: Row[] = [
  { name: 'PutObject with neither Content-Length nor Transfer-Encoding', source: `${S3H}::test_object_create_bad_contentlength_none; message: ${ERRORS_DOC}, aws/aws-sdk-cpp#3411 (2025)`,
    request: (s) => ({ method: 'PUT', path: obj(s), framing: 'none' }), status: 411, code: 'MissingContentLength', message: 'You must provide the Content-Length HTTP header.' },
];
