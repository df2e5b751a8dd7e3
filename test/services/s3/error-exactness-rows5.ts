/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format and the
 * sources): Range headers S3 serves, ignores or refuses, and x-amz-copy-source parsing. Issue
 * threads are cited with the date of the S3 answer they quote.
 */
import { createHash } from 'node:crypto';
import type { RawRequest } from './signed-request.js';
import { type Row, type RowState } from './error-exactness-rows.js';

const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const HUNDRED = 'x'.repeat(100);
const bucketTagging = (s: RowState, tags: [string, string][]): RawRequest => {
  const body = `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
  return { method: 'PUT', path: `/${s.bucket}`, query: 'tagging=', body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') } };
};
const LONG_KEY = 'organization1'.repeat(11);
const LONG_VALUE = 'organization1'.repeat(21);

export const rangeRows: Row[] = [
  // S3 ignores a Range it cannot parse and answers the whole object with 200, not 206.
  ...(['bytes=invalid-range', 'invalid', 'bytes=33-10'] as const).map((range): Row => ({
    name: `GetObject Range "${range}" is ignored`, source: 'versity/versitygw#1120 (S3 answer, 2025-03-06), #2052 (200, not 206; 2026-04-16)', objects: { '': HUNDRED },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range } }), status: 200,
  })),
  { name: 'GetObject Range ending past the object is served', source: 'versity/versitygw#591 (S3 answer, 2024-05-28)', objects: { '': '0123456789' },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range: 'bytes=5-15' } }), status: 206 },
  ...(['bytes=-20', 'bytes=-150'] as const).map((range): Row => ({
    name: `GetObject suffix Range "${range}" is served`, source: 'versity/versitygw#1258 (S3 answer, 2025-05-02)', objects: { '': HUNDRED },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range } }), status: 206,
  })),
  { name: 'GetObject Range starting past the object', source: 'versity/versitygw#1257 (S3 answer, 2025-05-02)', objects: { '': HUNDRED },
    request: (s) => ({ method: 'GET', path: obj(s), headers: { range: 'bytes=200-' } }), status: 416, code: 'InvalidRange',
    message: 'The requested range is not satisfiable', fields: { RangeRequested: 'bytes=200-', ActualObjectSize: '100' } },
];

export const copySourceRows: Row[] = [
  { name: 'CopyObject with an empty x-amz-copy-source', source: 'versity/versitygw#1390, #1388 (S3 answer, 2025-07-10)',
    request: (s) => ({ method: 'PUT', path: obj(s), body: '', headers: { 'x-amz-copy-source': '' } }), status: 400, code: 'InvalidArgument',
    message: 'Invalid copy source bucket name' },
  { name: 'CopyObject with a bucket and no key in x-amz-copy-source', source: 'versity/versitygw#1390, #1389 (S3 answer, 2025-07-10)',
    request: (s) => ({ method: 'PUT', path: obj(s, '-dst'), body: '', headers: { 'x-amz-copy-source': s.bucket } }), status: 400, code: 'InvalidArgument',
    message: 'Invalid copy source object key' },
  { name: 'A copy with partNumber and no uploadId', source: 'versity/versitygw#1226 (S3 XML quoted, 2025-04-21)', objects: { '': 'x' },
    request: (s) => ({ method: 'PUT', path: obj(s, '-dst'), query: 'partNumber=1', body: '', headers: { 'x-amz-copy-source': `${s.bucket}/${enc(s.key)}` } }),
    status: 400, code: 'InvalidArgument', message: 'This operation does not accept partNumber without uploadId',
    fields: { ArgumentName: 'partNumber', ArgumentValue: 'partNumber' } },
];

/** Several tags wrong at once: S3 answers the first one it finds, in document order. */
export const tagOrderRows: Row[] = [
  { name: 'PutBucketTagging: a long key, then a long value', source: 'scality/cloudserver#4451 (tried on AWS: "returns on the first error that was found", 2022-04-25)',
    request: (s) => bucketTagging(s, [[LONG_KEY, 'marketing'], ['o121', LONG_VALUE]]), status: 400, code: 'InvalidTag', message: 'The TagKey you have provided is invalid' },
  { name: 'PutBucketTagging: a long value, then a long key', source: 'scality/cloudserver#4451 (tried on AWS: "returns on the first error that was found", 2022-04-25)',
    request: (s) => bucketTagging(s, [['o121', LONG_VALUE], [LONG_KEY, 'marketing']]), status: 400, code: 'InvalidTag', message: 'The TagValue you have provided is invalid' },
];
