/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format and the
 * sources): listing parameters, batch delete, tagging limits and multipart upload mistakes.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { RawRequest } from './signed-request.js';
import { ERRORS_DOC, S3T, type Row, type RowState } from './error-exactness-rows.js';

const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const md5 = (body: string): string => createHash('md5').update(body).digest('base64');
const crc32Base64 = (body: string): string => { const b = Buffer.alloc(4); b.writeUInt32BE(crc32(body)); return b.toString('base64'); };
const post = (path: string, query: string, body: string): RawRequest => ({ method: 'POST', path, query, body, headers: { 'content-md5': md5(body) } });
const tagging = (s: RowState, tags: [string, string][]): RawRequest => {
  const body = `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
  return { method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, query: 'tagging=', body, headers: { 'content-md5': md5(body) } };
};
const complete = (s: RowState, parts: { n: number; etag: string }[]): RawRequest => {
  const body = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>${p.etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  return { method: 'POST', path: `/${s.bucket}/${enc(s.key)}`, query: `uploadId=${encodeURIComponent(s.uploadId!)}`, body };
};
const letters = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('');
const KiB = 1024;
const UPLOAD_PART_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html';
const COMPLETE_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html';
const PART_RANGE = 'Part number must be an integer between 1 and 10000, inclusive';

export const listingRows: Row[] = [
  { name: 'ListObjects max-keys=blah', source: `${S3T}::test_bucket_list_maxkeys_invalid`,
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: 'max-keys=blah' }), status: 400, code: 'InvalidArgument' },
  { name: 'ListObjectsV2 with a continuation token S3 never issued', source: 'versity/versitygw#993 (S3 answer quoted, 2024-12-18); aws/aws-sdk-js-v3#1636 (2020)',
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: 'continuation-token=aWrongToken2&list-type=2' }), status: 400, code: 'InvalidArgument',
    message: 'The continuation token provided is incorrect', fields: { ArgumentName: 'continuation-token', ArgumentValue: null } },
  { name: 'DeleteObjects with 1,001 keys', source: `${S3T}::test_multi_object_delete_key_limit; code: ${ERRORS_DOC} (MalformedXML)`,
    request: (s) => post(`/${s.bucket}`, 'delete=', `<Delete>${Array.from({ length: 1001 }, (_, i) => `<Object><Key>key-${i}</Key></Object>`).join('')}</Delete>`),
    status: 400, code: 'MalformedXML' },
];

/** S3's answer to a checksum-required operation with neither Content-MD5 nor x-amz-checksum-*. */
const MISSING_CHECKSUM = {
  source: 'versity/versitygw#1301 (S3 XML quoted, 2025-05-19); model: httpChecksum requestChecksumRequired; API_DeleteObjects ("required")',
  status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: Content-MD5 OR x-amz-checksum-*',
} as const;
const withoutChecksum = (request: RawRequest): RawRequest => ({ ...request, headers: {} });

export const missingChecksumRows: Row[] = [
  { name: 'DeleteObjects without Content-MD5 or x-amz-checksum-*', ...MISSING_CHECKSUM, objects: { '': 'x' },
    request: (s) => withoutChecksum(post(`/${s.bucket}`, 'delete=', `<Delete><Object><Key>${s.key}</Key></Object></Delete>`)) },
  { name: 'PutObjectTagging without Content-MD5 or x-amz-checksum-* succeeds', source: 'versity/versitygw#1662: S3 takes it (measured 2025-11-24)', objects: { '': 'x' },
    request: (s) => withoutChecksum(tagging(s, [['a', 'b']])), status: 200 },
  { name: 'PutBucketTagging without Content-MD5 or x-amz-checksum-*', ...MISSING_CHECKSUM,
    request: (s) => withoutChecksum({ ...tagging(s, [['a', 'b']]), path: `/${s.bucket}` }) },
  { name: 'DeleteObjects with x-amz-checksum-crc32 and no Content-MD5 succeeds', source: 'versity/versitygw#1301: either header satisfies S3', objects: { '': 'x' },
    request: (s) => {
      const body = `<Delete><Object><Key>${s.key}</Key></Object></Delete>`;
      return { method: 'POST', path: `/${s.bucket}`, query: 'delete=', body, headers: { 'x-amz-checksum-crc32': crc32Base64(body) } };
    }, status: 200 },
];

export const taggingRows: Row[] = [
  { name: 'PutObjectTagging with 10 tags of 128/256 characters succeeds', source: `${S3T}::test_put_max_kvsize_tags`, objects: { '': 'x' },
    request: (s) => tagging(s, Array.from({ length: 10 }, (_, i) => [letters(128, i), letters(256, i)])), status: 200 },
  // ceph/s3-tests test_put_excess_tags expects InvalidTag; S3's own answers, newer, say BadRequest.
  { name: 'PutObjectTagging with 11 tags', source: `boto/boto3#1213 (S3 answer, 2017); getmoto/moto#7112 (verified against AWS, 2023); not ${S3T}::test_put_excess_tags`,
    objects: { '': 'x' }, request: (s) => tagging(s, Array.from({ length: 11 }, (_, i) => [String(i), String(i)])), status: 400, code: 'BadRequest',
    message: 'Object tags cannot be greater than 10' },
  { name: 'PutObject x-amz-tagging with 11 tags', source: 'hashicorp/terraform-provider-aws PutObject errors (S3 request ids, 2021–2025); getmoto/moto#7112',
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, body: 'x', headers: { 'x-amz-tagging': Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&') } }),
    status: 400, code: 'BadRequest', message: 'Object tags cannot be greater than 10' },
  { name: 'PutObjectTagging with a 129-character key', source: `${S3T}::test_put_excess_key_tags`, objects: { '': 'x' },
    request: (s) => tagging(s, [[letters(129, 1), letters(256, 1)]]), status: 400, code: 'InvalidTag' },
  { name: 'PutObjectTagging with a 257-character value', source: `${S3T}::test_put_excess_val_tags`, objects: { '': 'x' },
    request: (s) => tagging(s, [[letters(128, 1), letters(257, 1)]]), status: 400, code: 'InvalidTag' },
  { name: 'PutBucketTagging Content-MD5 of another body: ExpectedDigest as sent', source: 'versity/versitygw#1525 (S3 XML quoted, 2025-09-09)',
    request: (s) => ({ ...tagging(s, [['a', 'b']]), path: `/${s.bucket}`, headers: { 'content-md5': 'YeIr1pjzMg1uk/zgIoa12w==' } }), status: 400, code: 'BadDigest',
    message: 'The Content-MD5 you specified did not match what we received.',
    fields: { CalculatedDigest: md5('<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>'), ExpectedDigest: 'YeIr1pjzMg1uk/zgIoa12w==' },
    sequence: ['Message', 'CalculatedDigest', 'ExpectedDigest', 'RequestId'] },
  { name: 'PutObjectTagging with a key twice names the key', source: 'versity/versitygw#2039 (S3 XML quoted, 2026-04-14); versity/versitygw#1214', objects: { '': 'x' },
    request: (s) => tagging(s, [['key', 'value'], ['key', 'value1']]), status: 400, code: 'InvalidTag',
    message: 'Cannot provide multiple Tags with the same key', fields: { TagKey: 'key' } },
  { name: 'PutObjectTagging with "&" in a key names the key', source: 'versity/versitygw#1663, #1583 (S3 XML quoted, 2025); pattern: API_control_S3Tag', objects: { '': 'x' },
    request: (s) => tagging(s, [['ke&amp;y', 'value']]), status: 400, code: 'InvalidTag',
    message: 'The TagKey you have provided is invalid', fields: { TagKey: 'ke&y' } },
  { name: 'PutObjectTagging with "&" in a value names the tag', source: 'versity/versitygw#2039 (S3 XML quoted, 2026-04-14)', objects: { '': 'x' },
    request: (s) => tagging(s, [['key', 'inv&amp;alid']]), status: 400, code: 'InvalidTag',
    message: 'The TagValue you have provided is invalid', fields: { TagKey: 'key', TagValue: 'inv&alid' } },
  { name: 'PutObject x-amz-tagging with "," in a value', source: 'gardenlinux/gardenlinux#3720 (S3 answer quoted, 2025-10-26)',
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, body: 'x', headers: { 'x-amz-tagging': 'platform=metal%2Copenstack' } }), status: 400,
    code: 'InvalidTag', message: 'The TagValue you have provided is invalid' },
  { name: 'PutObjectTagging with every allowed punctuation succeeds', source: 'API_control_S3Tag pattern ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', objects: { '': 'x' },
    request: (s) => tagging(s, [['+- =._:/@é1', '+- =._:/@ü2']]), status: 200 },
  ...([['a=1&a=2', 'a tag name twice'], ['=', 'an empty tag name']] as const).map(([header, what]): Row => ({
    name: `PutObject x-amz-tagging with ${what}`, source: 'versity/versitygw#1215 (S3 answer via the AWS CLI, 2025-04-14); localstack S3 provider (AWS-validated)',
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, body: 'x', headers: { 'x-amz-tagging': header } }), status: 400, code: 'InvalidArgument',
    message: "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    fields: { ArgumentName: 'x-amz-tagging', ArgumentValue: header },
  })),
  ...(['key', '&', 'key=', 'key1&key2', 'key1=val1&key2'] as const).map((header): Row => ({
    name: `PutObject x-amz-tagging "${header}" succeeds`, source: 'versity/versitygw#1216 (S3 takes them, 2025-04-14)',
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, body: 'x', headers: { 'x-amz-tagging': header } }), status: 200,
  })),
  { name: 'PutObject x-amz-tagging "foo=bar&bar" succeeds', source: `${S3T}::test_put_obj_with_tags`,
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, body: 'A'.repeat(100), headers: { 'x-amz-tagging': 'foo=bar&bar' } }), status: 200 },
];

export const multipartRows: Row[] = [
  // ceph s3-tests' test_multipart_upload_empty expects MalformedXML, S3's older answer (boto/boto3#1635, 2018); AWS has
  // answered InvalidRequest since (boto3#1635, 2019; LocalStack test_s3.py::TestS3::test_multipart_complete_multipart_too_small,
  // recorded 2023-08-03): the newer direct recording wins.
  { name: 'CompleteMultipartUpload without a body', source: `${S3T}::test_multipart_upload_empty; localstack test_s3.py (2023-08-03)`, upload: [],
    request: (s) => ({ method: 'POST', path: `/${s.bucket}/${enc(s.key)}`, query: `uploadId=${encodeURIComponent(s.uploadId!)}` }), status: 400, code: 'InvalidRequest',
    message: 'You must specify at least one part' },
  // Message: recorded S3 answers (versity/versitygw#2040, 2026), not ERRORS_DOC's "...object size." (see error-exactness-rows4.ts).
  { name: 'CompleteMultipartUpload of ten 10 KiB parts', source: `${S3T}::test_multipart_upload_size_too_small`, upload: [10 * KiB, 10 * KiB, 10 * KiB],
    request: (s) => complete(s, s.parts!), status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' },
  { name: 'CompleteMultipartUpload naming part 9999, never uploaded', source: `${S3T}::test_multipart_upload_missing_part`, upload: [1],
    request: (s) => complete(s, [{ n: 9999, etag: s.parts![0]!.etag }]), status: 400, code: 'InvalidPart',
    message: "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag." },
  { name: 'CompleteMultipartUpload with a wrong ETag', source: `${S3T}::test_multipart_upload_incorrect_etag`, upload: [1],
    request: (s) => complete(s, [{ n: 1, etag: 'ffffffffffffffffffffffffffffffff' }]), status: 400, code: 'InvalidPart' },
  { name: 'CompleteMultipartUpload with parts out of order', source: `${COMPLETE_DOC} (InvalidPartOrder); ${ERRORS_DOC}`, upload: [1, 1],
    request: (s) => complete(s, [s.parts![1]!, s.parts![0]!]), status: 400, code: 'InvalidPartOrder',
    message: 'The list of parts was not in ascending order. Parts must be ordered by part number.' },
  { name: 'AbortMultipartUpload of an unknown upload id', source: `${S3T}::test_abort_multipart_upload_not_found`, objects: { '': 'x' },
    request: (s) => ({ method: 'DELETE', path: `/${s.bucket}/${enc(s.key)}`, query: 'uploadId=56788' }), status: 404, code: 'NoSuchUpload',
    message: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.' },
  { name: 'UploadPart to an unknown upload id', source: `${ERRORS_DOC} (NoSuchUpload)`,
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, query: 'partNumber=1&uploadId=56788', body: 'x' }), status: 404, code: 'NoSuchUpload' },
  ...([0, 10001] as const).map((n): Row => ({
    name: `UploadPart partNumber=${n}`, source: `${UPLOAD_PART_DOC} (part numbers 1 to 10,000); message from boltstack's existing tests`, upload: [],
    request: (s) => ({ method: 'PUT', path: `/${s.bucket}/${enc(s.key)}`, query: `partNumber=${n}&uploadId=${encodeURIComponent(s.uploadId!)}`, body: 'x' }),
    status: 400, code: 'InvalidArgument', message: PART_RANGE,
  })),
];
