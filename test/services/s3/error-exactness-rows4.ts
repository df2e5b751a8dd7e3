/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format and the
 * sources): listing and multipart parameters, and the elements S3 puts in multipart errors.
 * Issue threads are cited with the date of the S3 answer they quote.
 */
import type { RawRequest } from './signed-request.js';
import { S3T, type Row, type RowState } from './error-exactness-rows.js';

const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState): string => `/${s.bucket}/${enc(s.key)}`;
const upload = (s: RowState): string => `uploadId=${encodeURIComponent(s.uploadId!)}`;
const complete = (s: RowState, parts: { n: number; etag: string }[]): RawRequest => {
  const body = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>${p.etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  return { method: 'POST', path: obj(s), query: upload(s), body };
};
const unquote = (etag: string): string => etag.replace(/"/g, '');
const KiB = 1024;
const UNKNOWN_UPLOAD = 'edd7397f-533c-4f6c-8470-5e82f80c6caf';
const NO_SUCH_UPLOAD = 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.';
const INT_RANGE = (name: string): string => `Argument ${name} must be an integer between 0 and 2147483647`;

export const listingParamRows: Row[] = [
  ...([['ListObjects', ''], ['ListObjectsV2', '&list-type=2']] as const).map(([op, extra]): Row => ({
    name: `${op} encoding-type=jkldfsf names the argument`, source: 'versity/versitygw#1984 (S3 XML quoted, 2026-03-20); scality/cloudserver#403 (AWS XML, 2016)',
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: `encoding-type=jkldfsf${extra}` }), status: 400, code: 'InvalidArgument',
    message: 'Invalid Encoding Method specified in Request', fields: { ArgumentName: 'encoding-type', ArgumentValue: 'jkldfsf' },
    sequence: ['Message', 'ArgumentName', 'ArgumentValue', 'RequestId'],
  })),
  { name: 'ListMultipartUploads max-uploads=-1', source: 'brekkylab/backlot#176 (S3 measured, 2026-09-10)',
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: 'max-uploads=-1&uploads=' }), status: 400, code: 'InvalidArgument', message: INT_RANGE('max-uploads') },
  { name: 'ListMultipartUploads max-uploads past int32', source: 'versity/versitygw#1794 (S3 answer, 2026-01-27); brekkylab/backlot#176',
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query: 'max-uploads=2157483647&uploads=' }), status: 400, code: 'InvalidArgument',
    message: 'Provided max-uploads not an integer or within integer range' },
  { name: 'ListParts max-parts=-1', source: 'versity/versitygw#329 (S3 answer through its proxy, 2023-12-08)', upload: [],
    request: (s) => ({ method: 'GET', path: obj(s), query: `max-parts=-1&${upload(s)}` }), status: 400, code: 'InvalidArgument', message: INT_RANGE('max-parts') },
  { name: 'ListParts part-number-marker=-2', source: 'versity/versitygw#1383 (S3 answer, 2025-07-09)', upload: [],
    request: (s) => ({ method: 'GET', path: obj(s), query: `part-number-marker=-2&${upload(s)}` }), status: 400, code: 'InvalidArgument', message: INT_RANGE('part-number-marker') },
];

export const multipartElementRows: Row[] = [
  { name: 'UploadPart to an unknown upload names the upload', source: 'versity/versitygw#2035 (S3 XML quoted, 2026-04-13)',
    request: (s) => ({ method: 'PUT', path: obj(s), query: `partNumber=1&uploadId=${UNKNOWN_UPLOAD}`, body: 'x' }), status: 404, code: 'NoSuchUpload',
    message: NO_SUCH_UPLOAD, fields: { UploadId: UNKNOWN_UPLOAD }, sequence: ['Message', 'UploadId', 'RequestId'] },
  { name: 'ListParts of an unknown upload', source: 'versity/versitygw#2035 (same error, 2026-04-13)',
    request: (s) => ({ method: 'GET', path: obj(s), query: `uploadId=${UNKNOWN_UPLOAD}` }), status: 404, code: 'NoSuchUpload',
    message: NO_SUCH_UPLOAD, fields: { UploadId: UNKNOWN_UPLOAD } },
  { name: 'CompleteMultipartUpload of an unknown upload', source: 'versity/versitygw#2035 (same error, 2026-04-13)',
    request: (s) => ({ ...complete({ ...s, uploadId: UNKNOWN_UPLOAD }, [{ n: 1, etag: 'e868e0f4719e394144ef36531ee6824c' }]) }), status: 404, code: 'NoSuchUpload',
    fields: { UploadId: UNKNOWN_UPLOAD } },
  { name: 'UploadPart partNumber=10001 names the argument', source: 'basho/riak_cs#945 (S3 XML quoted, 2014)', upload: [],
    request: (s) => ({ method: 'PUT', path: obj(s), query: `partNumber=10001&${upload(s)}`, body: 'x' }), status: 400, code: 'InvalidArgument',
    message: 'Part number must be an integer between 1 and 10000, inclusive', fields: { ArgumentName: 'partNumber', ArgumentValue: '10001' } },
  { name: 'InvalidPart names the upload, the part and the ETag as sent', source: 'versity/versitygw#2036 (S3 XML quoted, 2026-04-13), #1008 (2024-12-30)', upload: [],
    request: (s) => complete(s, [{ n: 134, etag: 'e868e0f4719e394144ef36531ee6824c' }]), status: 400, code: 'InvalidPart',
    fields: (s) => ({ UploadId: s.uploadId!, PartNumber: '134', ETag: 'e868e0f4719e394144ef36531ee6824c' }),
    sequence: ['Message', 'UploadId', 'PartNumber', 'ETag', 'RequestId'] },
  // AWS's error-code table says "...minimum allowed object size."; every recorded S3 answer, from
  // 2012 to 2026, says "...minimum allowed size" without the stop: the recordings win.
  { name: 'EntityTooSmall gives the size, the minimum, the part and its ETag',
    source: 'versity/versitygw#2040 (S3 XML, 2026-04-14), #1980 (2026-03-19); apache/arrow-rs-object-store#211 (2022-11-30); mumrah/s3-multipart#8 (2012-11-25)',
    upload: [10 * KiB, 10 * KiB], request: (s) => complete(s, s.parts!), status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size',
    fields: (s) => ({ ProposedSize: '10240', MinSizeAllowed: '5242880', PartNumber: '1', ETag: unquote(s.parts![0]!.etag) }),
    sequence: ['Message', 'ProposedSize', 'MinSizeAllowed', 'PartNumber', 'ETag', 'RequestId'] },
  { name: 'CompleteMultipartUpload of one 1-byte part succeeds', source: `${S3T}::test_multipart_upload_small`, upload: [1],
    request: (s) => complete(s, s.parts!), status: 200 },
];

export const taggingRows2: Row[] = [
  { name: 'DeleteObjectTagging answers 204', source: `${S3T}::test_put_delete_tags`, objects: { '': 'x' },
    request: (s) => ({ method: 'DELETE', path: obj(s), query: 'tagging=' }), status: 204 },
];
