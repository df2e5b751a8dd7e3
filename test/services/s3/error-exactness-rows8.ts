/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format): the
 * answers LocalStack's AWS-recorded snapshots hold for object operations. A snapshot entry is
 * AWS's own response, recorded when the test last ran against AWS (its *.validation.json date,
 * cited per row). UploadPartCopy's x-amz-copy-source-range rows also agree with the S3 answers
 * quoted in versity/versitygw#610 (2024-06) and #1122 (2025-03), fsspec/s3fs#321 (2020-05) and
 * gaul/s3proxy#304 (2019-06).
 */
import { createHash } from 'node:crypto';
import type { RawRequest } from './signed-request.js';
import { type Row, type RowState } from './error-exactness-rows.js';

const LS_API = 'localstack/localstack tests/aws/services/s3/test_s3_api.py';
const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const TEN = '0123456789';

/** UploadPartCopy of the row key (a 10-byte object) into the row's upload, part 1. */
const partCopy = (s: RowState, headers: Record<string, string> = {}): RawRequest => ({
  method: 'PUT', path: obj(s), query: `partNumber=1&uploadId=${encodeURIComponent(s.uploadId!)}`, body: '',
  headers: { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}`, ...headers },
});
const RANGE_FORM = 'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy';

export const uploadPartCopyRows: Row[] = [
  // test_upload_part_copy_range (validated 2025-06-13): anything but bytes=<first>-<last> with
  // first <= last is the form error, naming the header and echoing its value.
  ...['0-8', 'bytes=1-0', 'bytes=-1-', 'bytes=0--1', 'bytes=0-1,3-4,7-9', 'bytes=-', 'bytes=-0', 'bytes=1-', 'bytes=-2', 'bytes=-15', 'bytes=invalid-range'].map((range): Row => ({
    name: `UploadPartCopy x-amz-copy-source-range ${range}`,
    source: range === 'bytes=invalid-range' ? 'versity/versitygw#1122 (S3 answer, 2025-03-06)' : `${LS_API}::TestS3Multipart::test_upload_part_copy_range (validated 2025-06-13)`,
    objects: { '': TEN }, upload: [], request: (s) => partCopy(s, { 'x-amz-copy-source-range': range }),
    status: 400, code: 'InvalidArgument', message: RANGE_FORM, fields: { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: range },
  })),
  // The last byte past the end (the first inside): InvalidArgument with the source's size.
  { name: 'UploadPartCopy range ending past the source', source: `${LS_API}::TestS3Multipart::test_upload_part_copy_range (validated 2025-06-13)`,
    objects: { '': TEN }, upload: [], request: (s) => partCopy(s, { 'x-amz-copy-source-range': 'bytes=0-100' }),
    status: 400, code: 'InvalidArgument', message: 'Range specified is not valid for source object of size: 10',
    fields: { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: 'bytes=0-100' } },
  // The first byte past the end: InvalidRequest, naming no argument.
  { name: 'UploadPartCopy range starting past the source', source: `${LS_API}::TestS3Multipart::test_upload_part_copy_range (validated 2025-06-13)`,
    objects: { '': TEN }, upload: [], request: (s) => partCopy(s, { 'x-amz-copy-source-range': 'bytes=100-200' }),
    status: 400, code: 'InvalidRequest', message: 'The specified copy range is invalid for the source object size', fields: { ArgumentName: null } },
  ...['bytes=0-8', 'bytes=1-1', 'bytes=0-0', 'bytes=0-9'].map((range): Row => ({
    name: `UploadPartCopy x-amz-copy-source-range ${range} succeeds`, source: `${LS_API}::TestS3Multipart::test_upload_part_copy_range (validated 2025-06-13)`,
    objects: { '': TEN }, upload: [], request: (s) => partCopy(s, { 'x-amz-copy-source-range': range }), status: 200,
    headers: { 'x-amz-server-side-encryption': 'AES256' },
  })),
  { name: 'UploadPartCopy without a range copies the whole source', source: `${LS_API}::TestS3Multipart::test_upload_part_copy_no_copy_source_range (validated 2025-06-13)`,
    objects: { '': TEN }, upload: [], request: (s) => partCopy(s), status: 200, headers: { 'x-amz-server-side-encryption': 'AES256' } },
];

/**
 * GetObject with a Range, x-amz-checksum-mode ENABLED (boto3's default, as the snapshot was
 * recorded): test_get_object_range (validated 2025-01-21). A Range S3 cannot parse or that asks
 * several ranges is ignored (200, whole object); a suffix longer than the object, or a last byte
 * past it, is served as 206 of the whole object; the object's checksum is answered only when the
 * bytes served are the whole object, 206 or not.
 */
const CRC32_TEN = 'poTHxg==';
const ranged = (range: string, status: number, contentRange: string | null, length: number): Row => ({
  name: `GetObject Range "${range}" → ${status}${contentRange ? ` ${contentRange}` : ''}`,
  source: `${LS_API}::TestS3ObjectCRUD::test_get_object_range (validated 2025-01-21)`, objects: { '': TEN },
  request: (s) => ({ method: 'GET', path: obj(s), headers: { range, 'x-amz-checksum-mode': 'ENABLED' } }), status,
  headers: { 'content-range': contentRange, 'content-length': String(length), 'accept-ranges': 'bytes', 'x-amz-checksum-crc32': length === 10 ? CRC32_TEN : null },
});
export const getRangeRows: Row[] = [
  ranged('bytes=0-8', 206, 'bytes 0-8/10', 9),
  ranged('bytes=1-1', 206, 'bytes 1-1/10', 1),
  ranged('bytes=1-0', 200, null, 10),
  ranged('bytes=1-', 206, 'bytes 1-9/10', 9),
  ranged('bytes=-1-', 200, null, 10),
  ranged('bytes=-2', 206, 'bytes 8-9/10', 2),
  ranged('bytes=-9', 206, 'bytes 1-9/10', 9),
  ranged('bytes=-15', 206, 'bytes 0-9/10', 10),
  ranged('bytes=0-100', 206, 'bytes 0-9/10', 10),
  ranged('bytes=0-0', 206, 'bytes 0-0/10', 1),
  ranged('bytes=0--1', 200, null, 10),
  ranged('bytes=0-1,3-4,7-9', 200, null, 10),
  ranged('0-1', 200, null, 10),
  ranged('bytes=-', 200, null, 10),
  ...['bytes=-0', 'bytes=100-200'].map((range): Row => ({
    name: `GetObject Range "${range}" is not satisfiable`, source: `${LS_API}::TestS3ObjectCRUD::test_get_object_range (validated 2025-01-21)`,
    objects: { '': TEN }, request: (s) => ({ method: 'GET', path: obj(s), headers: { range } }), status: 416, code: 'InvalidRange',
    message: 'The requested range is not satisfiable', fields: { RangeRequested: range, ActualObjectSize: '10' },
  })),
];

/** Object tagging refusals: test_object_tagging_exc and test_tagging_validation (validated 2025-01-21). */
const TAGGING_EXC = `${LS_API}::TestS3BucketObjectTagging::test_object_tagging_exc (validated 2025-01-21)`;
const TAGGING_VALIDATION = `${LS_API}::TestS3BucketObjectTagging::test_tagging_validation (validated 2025-01-21)`;
const tagSet = (tags: [string, string][]): string =>
  `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
const putTagging = (s: RowState, tags: [string, string][]): RawRequest => {
  const body = tagSet(tags);
  return { method: 'PUT', path: obj(s), query: 'tagging=', body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') } };
};
const TAGGING_HEADER = "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.";
export const objectTaggingRows: Row[] = [
  // GetObjectTagging names the missing key as "<bucket>/<key>"; Put and Delete name the key alone.
  { name: 'GetObjectTagging of a missing key names bucket/key', source: TAGGING_EXC,
    request: (s) => ({ method: 'GET', path: obj(s), query: 'tagging=' }), status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.',
    fields: (s) => ({ Key: `${s.bucket}/${s.key}` }) },
  { name: 'DeleteObjectTagging of a missing key names the key', source: TAGGING_EXC,
    request: (s) => ({ method: 'DELETE', path: obj(s), query: 'tagging=' }), status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.',
    fields: (s) => ({ Key: s.key }) },
  { name: 'PutObjectTagging of a missing key names the key', source: TAGGING_EXC,
    request: (s) => putTagging(s, [['tag1', 'tag1']]), status: 404, code: 'NoSuchKey', fields: (s) => ({ Key: s.key }) },
  ...['key1=val1&key1=val2', 'key1=val1,key2=val2'].map((header): Row => ({
    name: `PutObject x-amz-tagging "${header}"`, source: TAGGING_EXC,
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'x', headers: { 'x-amz-tagging': header } }), status: 400, code: 'InvalidArgument',
    message: TAGGING_HEADER, fields: { ArgumentName: 'x-amz-tagging', ArgumentValue: header },
  })),
  { name: 'PutObjectTagging with a key twice', source: TAGGING_VALIDATION, objects: { '': 'x' },
    request: (s) => putTagging(s, [['Key1', 'Val1'], ['Key1', 'Val1']]), status: 400, code: 'InvalidTag',
    message: 'Cannot provide multiple Tags with the same key', fields: { TagKey: 'Key1' } },
  { name: 'PutObjectTagging key "Key1,Key2"', source: TAGGING_VALIDATION, objects: { '': 'x' },
    request: (s) => putTagging(s, [['Key1,Key2', 'Val1']]), status: 400, code: 'InvalidTag',
    message: 'The TagKey you have provided is invalid', fields: { TagKey: 'Key1,Key2' } },
  { name: 'PutObjectTagging key "aws:prefixed"', source: TAGGING_VALIDATION, objects: { '': 'x' },
    request: (s) => putTagging(s, [['aws:prefixed', 'Val1']]), status: 400, code: 'InvalidTag',
    message: 'Your TagKey cannot be prefixed with aws:', fields: { TagKey: 'aws:prefixed' } },
];
