/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format): the
 * assertions of getmoto/moto's S3 tests marked aws_verified (run against AWS with
 * MOTO_TEST_ALLOW_AWS_REQUEST=true; tests/test_s3/__init__.py::s3_aws_verified). Tests without
 * that mark assert moto's own behaviour and are not used. Each row cites `file::test`.
 */
import { createHash } from 'node:crypto';
import type { RawRequest } from './signed-request.js';
import { type Row, type RowState } from './error-exactness-rows.js';

const MOTO = 'getmoto/moto tests/test_s3';
const enc = (key: string): string => encodeURIComponent(key).replace(/%2F/g, '/');
const obj = (s: RowState, extra = ''): string => `/${s.bucket}/${enc(s.key + extra)}`;
const md5 = (body: string): string => createHash('md5').update(body).digest('base64');
const tagSet = (tags: [string, string][]): string =>
  `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
const tagging = (path: string, tags: [string, string][]): RawRequest => {
  const body = tagSet(tags);
  return { method: 'PUT', path, query: 'tagging=', body, headers: { 'content-md5': md5(body) } };
};
const complete = (s: RowState): RawRequest => {
  const body = `<CompleteMultipartUpload>${s.parts!.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>${p.etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  return { method: 'POST', path: obj(s), query: `uploadId=${encodeURIComponent(s.uploadId!)}`, body, headers: { 'if-none-match': '*' } };
};
/** CreateBucket of a fresh name (the row's bucket plus a suffix) from `region`'s endpoint. */
const createIn = (s: RowState, region: string, body?: string): RawRequest =>
  ({ method: 'PUT', path: `/${s.bucket}-new`, region, ...(body === undefined ? {} : { body }) });
const config = (constraint?: string): string =>
  `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${constraint === undefined ? '' : `<LocationConstraint>${constraint}</LocationConstraint>`}</CreateBucketConfiguration>`;
const incompatible = (what: string): string => `The ${what} location constraint is incompatible for the region specific endpoint this request was sent to.`;
const PRECONDITION = 'At least one of the pre-conditions you specified did not hold';
const MiB = 1024 * 1024;

export const motoLocationRows: Row[] = [
  // A regional endpoint refuses every constraint but its own as Illegal, a region it does not
  // know ("us-gov-east-2") and "us-east-1" (which the us-east-1 endpoint calls Invalid) included.
  ...(['us-east-1', 'us-east-2', 'eu-central-1', 'us-gov-east-2'] as const).map((constraint): Row => ({
    name: `CreateBucket on us-west-2 with LocationConstraint ${constraint}`, source: `${MOTO}/test_s3.py::test_create_bucket_with_wrong_location_constraint`,
    request: (s) => createIn(s, 'us-west-2', config(constraint)), status: 400, code: 'IllegalLocationConstraintException', message: incompatible(constraint),
  })),
  { name: 'CreateBucket on us-east-1 with LocationConstraint us-east-1', source: `${MOTO}/test_s3.py::test_bucket_create_force_us_east_1`,
    request: (s) => createIn(s, 'us-east-1', config('us-east-1')), status: 400, code: 'InvalidLocationConstraint', message: 'The specified location-constraint is not valid' },
  ...([['no body', undefined], ['an empty configuration', config()]] as const).map(([what, body]): Row => ({
    name: `CreateBucket on us-east-2 with ${what}`, source: `${MOTO}/test_s3.py::test_bucket_create_empty_location_constraint_non_standard_region_should_return_error`,
    request: (s) => createIn(s, 'us-east-2', body), status: 400, code: 'IllegalLocationConstraintException', message: incompatible('unspecified'),
  })),
  { name: 'CreateBucket on us-east-1 with an empty configuration succeeds', source: `${MOTO}/test_s3.py::test_bucket_create_empty_location_constraint_standard_region_should_pass`,
    request: (s) => createIn(s, 'us-east-1', config()), status: 200 },
];

const TEN = '0123456789';
export const motoHeadRows: Row[] = [
  { name: 'HeadObject of a simple object: no Content-Range, Accept-Ranges bytes', source: `${MOTO}/test_s3.py::test_head_object`, objects: { '': TEN },
    request: (s) => ({ method: 'HEAD', path: obj(s) }), status: 200, headers: { 'content-range': null, 'content-length': '10', 'accept-ranges': 'bytes' } },
  ...(['HEAD', 'GET'] as const).map((method): Row => ({
    name: `${method} partNumber=1 of a simple object: 206 with the whole object's range`, source: `${MOTO}/test_s3.py::test_${method === 'HEAD' ? 'head' : 'get'}_object`,
    objects: { '': TEN }, request: (s) => ({ method, path: obj(s), query: 'partNumber=1' }), status: 206,
    headers: { 'content-range': 'bytes 0-9/10', 'content-length': '10', 'accept-ranges': 'bytes' },
  })),
  { name: 'HeadObject partNumber=2 of a simple object: 416 without a body', source: `${MOTO}/test_s3.py::test_head_object`, objects: { '': TEN },
    request: (s) => ({ method: 'HEAD', path: obj(s), query: 'partNumber=2' }), status: 416 },
  // A satisfiable Range changes HEAD's Content-Length and adds Content-Range (206, as GET).
  ...([['0-9', 'bytes 0-1/2', '2'], ['0-', 'bytes 0-1/2', '2'], ['-1', 'bytes 1-1/2', '1'], ['1-1', 'bytes 1-1/2', '1']] as const).map(([range, contentRange, length]): Row => ({
    name: `HeadObject Range bytes=${range} of a 2-byte object`, source: `${MOTO}/test_s3.py::test_head_object_with_range_header`, objects: { '': 'f1' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { range: `bytes=${range}` } }), status: 206,
    headers: { 'content-range': contentRange, 'content-length': length },
  })),
  { name: 'HeadObject Range bytes=1-0 is ignored', source: `${MOTO}/test_s3.py::test_head_object_with_range_header`, objects: { '': 'f1' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { range: 'bytes=1-0' } }), status: 200, headers: { 'content-range': null, 'content-length': '2' } },
  ...(['5-9', '100-'] as const).map((range): Row => ({
    name: `HeadObject Range bytes=${range} past a 2-byte object: 416 without a body`, source: `${MOTO}/test_s3.py::test_head_object_with_range_header`, objects: { '': 'f1' },
    request: (s) => ({ method: 'HEAD', path: obj(s), headers: { range: `bytes=${range}` } }), status: 416,
  })),
];

export const motoConditionRows: Row[] = [
  { name: 'PutObject If-None-Match: * over an object', source: `${MOTO}/test_s3_conditionals.py::test_put_object_if_none_match`, objects: { '': 'test' },
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'another_test', headers: { 'if-none-match': '*' } }), status: 412, code: 'PreconditionFailed',
    message: PRECONDITION, fields: { Condition: 'If-None-Match' } },
  { name: 'PutObject If-Match "test" (no such ETag)', source: `${MOTO}/test_s3_conditionals.py::test_put_object_if_match`, objects: { '': 'test' },
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'test2', headers: { 'if-match': 'test' } }), status: 412, code: 'PreconditionFailed',
    message: PRECONDITION, fields: { Condition: 'If-Match' } },
  // S3 is lenient with the quotes: an ETag missing its opening quote still matches.
  { name: 'PutObject If-Match with the ETag missing its opening quote succeeds', source: `${MOTO}/test_s3_conditionals.py::test_put_object_if_match`, objects: { '': 'test' },
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'test4', headers: { 'if-match': s.etag!.slice(1) } }), status: 200 },
  { name: 'PutObject If-Match on a key never written', source: `${MOTO}/test_s3_conditionals.py::test_put_object_if_match`,
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'test', headers: { 'if-match': 'test' } }), status: 404, code: 'NoSuchKey' },
  { name: 'CompleteMultipartUpload If-None-Match: * over an object', source: `${MOTO}/test_s3_conditionals.py::test_multipart_upload__if_none_match__put_object`,
    objects: { '': '' }, upload: [5 * MiB, 1],
    request: complete, status: 412, code: 'PreconditionFailed', message: PRECONDITION, fields: { Condition: 'If-None-Match' } },
];

const TAGGING = `${MOTO}/test_s3_tagging.py`;
export const motoTaggingRows: Row[] = [
  { name: 'PutObject x-amz-tagging "aws:foo=bar"', source: `${TAGGING}::test_put_object_with_tagging`,
    request: (s) => ({ method: 'PUT', path: obj(s), body: 'test', headers: { 'x-amz-tagging': 'aws:foo=bar' } }), status: 400, code: 'InvalidTag',
    message: 'Your TagKey cannot be prefixed with aws:' },
  { name: 'PutBucketTagging with three tags, one value empty: 204', source: `${TAGGING}::test_put_bucket_tagging`,
    request: (s) => tagging(`/${s.bucket}`, [['TagOne', 'ValueOne'], ['TagTwo', 'ValueTwo'], ['TagThree', '']]), status: 204 },
  { name: 'PutBucketTagging with a key twice', source: `${TAGGING}::test_put_bucket_tagging`,
    request: (s) => tagging(`/${s.bucket}`, [['TagOne', 'ValueOne'], ['TagOne', 'ValueOneAgain']]), status: 400, code: 'InvalidTag',
    message: 'Cannot provide multiple Tags with the same key' },
  { name: 'PutBucketTagging "aws:sometag"', source: `${TAGGING}::test_put_bucket_tagging`,
    request: (s) => tagging(`/${s.bucket}`, [['aws:sometag', 'nope']]), status: 400, code: 'InvalidTag',
    message: 'System tags cannot be added/updated by requester' },
  { name: 'PutBucketTagging "something:aws:stuff" succeeds', source: `${TAGGING}::test_put_bucket_tagging`,
    request: (s) => tagging(`/${s.bucket}`, [['something:aws:stuff', 'this is fine']]), status: 204 },
  { name: 'PutObjectTagging of a key never written names the key', source: `${TAGGING}::test_put_object_tagging`,
    request: (s) => tagging(obj(s), [['item1', 'foo'], ['item2', 'bar']]), status: 404, code: 'NoSuchKey',
    message: 'The specified key does not exist.', fields: (s) => ({ Key: s.key }) },
  { name: 'PutObjectTagging "aws:item1"', source: `${TAGGING}::test_put_object_tagging`, objects: { '': 'test' },
    request: (s) => tagging(obj(s), [['aws:item1', 'foo']]), status: 400, code: 'InvalidTag' },
  { name: 'PutObjectTagging with three tags, one value empty: 200', source: `${TAGGING}::test_put_object_tagging`, objects: { '': 'test' },
    request: (s) => tagging(obj(s), [['item1', 'foo'], ['item2', 'bar'], ['item3', '']]), status: 200 },
];
