/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format and the
 * sources): negative page sizes, empty batch deletes and a HeadObject Range S3 ignores. Where a
 * source and AWS's error-code table disagree, the newer direct recording of S3's answer wins;
 * issue threads are cited with the date of the S3 answer they quote.
 */
import { createHash } from 'node:crypto';
import type { RawRequest } from './signed-request.js';
import { type Row, type RowState } from './error-exactness-rows.js';

const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const batchDelete = (s: RowState, body: string): RawRequest =>
  ({ method: 'POST', path: `/${s.bucket}`, query: 'delete=', body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') } });
const MALFORMED_XML = 'The XML you provided was not well-formed or did not validate against our published schema';
const NEGATIVE_MAX_KEYS = 'Argument maxKeys must be an integer between 0 and 2147483647';
// A measured table of S3's answers (request → answer), 2026-09-11; floci's PR quotes the same
// message and ArgumentName.
const MAX_KEYS_SOURCE = 'brekkylab/backlot#192 (S3 measured, 2026-09-11); floci-io/floci#3510 (2026-09-12)';

export const pageSizeRows: Row[] = [
  // S3 names the argument "maxKeys" here, not the query parameter's own name.
  ...(['list-type=2&max-keys=-1', 'max-keys=-1', 'list-type=2&max-keys=-3'] as const).map((query): Row => ({
    name: `ListObjects ${query}`, source: MAX_KEYS_SOURCE,
    request: (s) => ({ method: 'GET', path: `/${s.bucket}`, query }), status: 400, code: 'InvalidArgument',
    message: NEGATIVE_MAX_KEYS, fields: { ArgumentName: 'maxKeys' },
  })),
];

export const batchDeleteRows: Row[] = [
  // S3 validates <Delete> against its schema, which wants at least one <Object>.
  { name: 'DeleteObjects <Delete/>', source: 'aws/aws-sdk-ruby#1114 (S3 answer, 2016-03-01); clebert/aws-simple#128 (2021-05-07)',
    request: (s) => batchDelete(s, '<Delete/>'), status: 400, code: 'MalformedXML', message: MALFORMED_XML },
  { name: 'DeleteObjects <Delete></Delete>', source: 'aws/aws-sdk-ruby#1114 (S3 answer, 2016-03-01); clebert/aws-simple#128 (2021-05-07)',
    request: (s) => batchDelete(s, '<Delete></Delete>'), status: 400, code: 'MalformedXML', message: MALFORMED_XML },
  { name: 'DeleteObjects with only <Quiet>', source: 'andrewrk/node-s3-client#25 (body and S3 answer quoted, 2014-06-16)',
    request: (s) => batchDelete(s, '<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet></Delete>'),
    status: 400, code: 'MalformedXML', message: MALFORMED_XML },
  { name: 'DeleteObjects with 1,001 keys names no limit', source: 'boto/boto3#3297 (S3 answer, 2022-06-10); aws/aws-sdk-java#1293 (2017-09-08)',
    request: (s) => batchDelete(s, `<Delete>${Array.from({ length: 1001 }, (_, i) => `<Object><Key>key-${i}</Key></Object>`).join('')}</Delete>`),
    status: 400, code: 'MalformedXML', message: MALFORMED_XML },
];

export const headRangeRows: Row[] = [
  // "0-499" has no "bytes=" unit: S3 ignores it on HEAD as on GET and answers the whole object.
  { name: 'HeadObject Range "0-499" is ignored', source: 'localstack/localstack#3797 (S3 answer, 2021-03-28)', objects: { '': '1234567' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { range: '0-499' } }), status: 200 },
];
