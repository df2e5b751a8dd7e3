/**
 * Hostile checksum input to the S3 code paths of the seventeenth session (x-amz-checksum-* values
 * on UploadPart and CompleteMultipartUpload, x-amz-sdk-checksum-algorithm, x-amz-checksum-mode,
 * aws-chunked trailers): each answer is a 400 with S3's code, never a 5xx, a hang or a crash (the
 * health check answers after every test), and no refused request replaces a stored part or
 * object. Raw signed requests, so values the SDK would not send reach the server. Messages are
 * those the changed code was written to (openstack/swift test/s3api/test_object_checksums.py,
 * asserted against AWS: test_invalid_checksum, test_good_checksum_*_algorithm_header,
 * test_mpu_complete_multi_checksum_*, test_full_content_with_checksum_checksum_mode_invalid;
 * versity/versitygw#1161 and #1691 for trailers). Found by the fuzzx helper: every row already
 * answered a 400; they stay pinned here. Header values past 8 KiB are the front ends' (docs/s3.md
 * "Limits"), not this file's.
 */
import test from 'ava';
import { computeDigests } from '../../../src/checksums/index.js';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { signedRequest, type RawRequest, type RawResponse } from './signed-request.js';

let server: Boltstack;
const bucket = 'hostile-checksums';
test.before(async () => {
  server = await startBoltstack();
  await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}` });
});
test.after.always(async () => { await server?.stop(); });

type Algorithm = 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';
const ALGORITHMS: Algorithm[] = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];
const b64 = async (algorithm: Algorithm, data: string): Promise<string> =>
  Buffer.from((await computeDigests(Buffer.from(data), [algorithm]))[algorithm]!).toString('base64');
const send = (req: RawRequest): Promise<RawResponse> => signedRequest(server.endpoint, req);
const errorOf = (res: RawResponse): string => {
  const m = /<Code>([^<]*)<\/Code><Message>([^<]*)<\/Message>/.exec(res.body.toString());
  return m ? `${m[1]}: ${m[2]!.replace(/&apos;/g, "'")}` : `${res.status} ${res.body.toString().slice(0, 200)}`;
};
const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;

async function createUpload(key: string, algorithm?: string): Promise<string> {
  const res = await send({ method: 'POST', path: `/${bucket}/${key}`, query: 'uploads=', headers: algorithm ? { 'x-amz-checksum-algorithm': algorithm } : {} });
  const id = /<UploadId>([^<]*)<\/UploadId>/.exec(res.body.toString())?.[1];
  if (id === undefined) throw new Error(`CreateMultipartUpload: ${errorOf(res)}`);
  return id;
}
const partQuery = (n: number, id: string): string => `partNumber=${n}&uploadId=${encodeURIComponent(id)}`;
const chunked = (payload: string, trailer: string): string => `${payload.length.toString(16)}\r\n${payload}\r\n0\r\n${trailer}\r\n\r\n`;
const trailerHeaders = (announced: string, length: number): Record<string, string> => ({
  'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked',
  'x-amz-decoded-content-length': String(length), 'x-amz-trailer': announced,
});

test('UploadPart: malformed x-amz-checksum-* values, algorithm headers and trailers are 400 and leave the stored part', async (t) => {
  const key = 'part-target';
  const id = await createUpload(key, 'CRC32');
  const good = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body: 'hello', headers: { 'x-amz-checksum-crc32': await b64('crc32', 'hello') } });
  t.is(good.status, 200, errorOf(good));
  const invalid = 'InvalidRequest: Value for x-amz-checksum-crc32 header is invalid.';
  const mismatch = (actual: string): string => `InvalidRequest: Checksum Type mismatch occurred, expected checksum Type: crc32, actual checksum Type: ${actual}`;
  const crc = await b64('crc32', 'HELLO');
  // [label, headers, body, expected "Code: Message"]; each one re-uploads part 1 with other bytes.
  const rows: Array<[string, Record<string, string>, string, string]> = [
    ['empty', { 'x-amz-checksum-crc32': '' }, 'HELLO', invalid],
    ['whitespace', { 'x-amz-checksum-crc32': '   ' }, 'HELLO', invalid],
    ['tab', { 'x-amz-checksum-crc32': '\t' }, 'HELLO', invalid],
    ['4000 characters', { 'x-amz-checksum-crc32': 'x'.repeat(4000) }, 'HELLO', invalid],
    ['not base64', { 'x-amz-checksum-crc32': '!!!!' }, 'HELLO', invalid],
    ['percent-encoded', { 'x-amz-checksum-crc32': '%2F%2F' }, 'HELLO', invalid],
    ['padding only', { 'x-amz-checksum-crc32': '====' }, 'HELLO', invalid],
    ['base64 of 3 bytes', { 'x-amz-checksum-crc32': 'AAAA' }, 'HELLO', invalid],
    ['base64 of 12 bytes', { 'x-amz-checksum-crc32': 'AAAAAAAAAAAAAAAA' }, 'HELLO', invalid],
    ['not canonical', { 'x-amz-checksum-crc32': 'y/Q5Jh==' }, 'HELLO', invalid],
    ['repeated header', { 'x-amz-checksum-crc32': `${crc}, ${crc}` }, 'HELLO', invalid],
    ['wrong digest', { 'x-amz-checksum-crc32': 'AAAAAA==' }, 'HELLO', 'BadDigest: The CRC32 you specified did not match the calculated checksum.'],
    ...ALGORITHMS.filter((a) => a !== 'crc32').map((a): [string, Record<string, string>, string, string] => [`${a} on a CRC32 upload`, { [`x-amz-checksum-${a}`]: '' }, 'HELLO', mismatch(a)]),
    ['two checksum headers', { 'x-amz-checksum-crc32': crc, 'x-amz-checksum-crc32c': await b64('crc32c', 'HELLO') }, 'HELLO',
      'InvalidRequest: Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.'],
    ['sdk algorithm alone, empty', { 'x-amz-sdk-checksum-algorithm': '' }, 'HELLO', mismatch('null')],
    // An algorithm with no value is refused as PutObject refuses it (exactness-26.test.ts).
    ['sdk algorithm alone, lower case', { 'x-amz-sdk-checksum-algorithm': 'crc32' }, 'HELLO',
      'InvalidRequest: x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.'],
    ['sdk algorithm alone, repeated', { 'x-amz-sdk-checksum-algorithm': 'CRC32,CRC32' }, 'HELLO', 'InvalidRequest: Invalid types are specified in x-amz-checksum-algorithm header.'],
    ['sdk algorithm MD5 beside a value', { 'x-amz-sdk-checksum-algorithm': 'MD5', 'x-amz-checksum-crc32': crc }, 'HELLO', 'InvalidRequest: Value for x-amz-sdk-checksum-algorithm header is invalid.'],
    ['sdk algorithm repeated beside a value', { 'x-amz-sdk-checksum-algorithm': 'CRC32, CRC32', 'x-amz-checksum-crc32': crc }, 'HELLO', 'InvalidRequest: Value for x-amz-sdk-checksum-algorithm header is invalid.'],
    ['trailer of another algorithm', trailerHeaders('x-amz-checksum-crc32c', 5), chunked('HELLO', `x-amz-checksum-crc32c:${await b64('crc32c', 'HELLO')}`), mismatch('crc32c')],
    ['trailer value empty', trailerHeaders('x-amz-checksum-crc32', 5), chunked('HELLO', 'x-amz-checksum-crc32:'), invalid],
    ['trailer value wrong digest', trailerHeaders('x-amz-checksum-crc32', 5), chunked('HELLO', 'x-amz-checksum-crc32:AAAAAA=='), 'BadDigest: The CRC32 you specified did not match the calculated checksum.'],
    ['trailer value 100000 characters', trailerHeaders('x-amz-checksum-crc32', 5), chunked('HELLO', `x-amz-checksum-crc32:${'x'.repeat(100_000)}`),
      'MalformedTrailerError: The request contained trailing data that was not well-formed or did not conform to our published schema.'],
    ['trailer announced as two', trailerHeaders('x-amz-checksum-crc32,x-amz-checksum-crc32c', 5), chunked('HELLO', `x-amz-checksum-crc32:${crc}`),
      'InvalidRequest: Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.'],
    ['trailer announced with no algorithm', trailerHeaders('x-amz-checksum-', 5), chunked('HELLO', `x-amz-checksum-crc32:${crc}`),
      'InvalidRequest: The value specified in the x-amz-trailer header is not supported'],
    ['trailer beside an sdk algorithm of another', { ...trailerHeaders('x-amz-checksum-crc32', 5), 'x-amz-sdk-checksum-algorithm': 'SHA256' }, chunked('HELLO', `x-amz-checksum-crc32:${crc}`),
      'InvalidRequest: Value for x-amz-sdk-checksum-algorithm header is invalid.'],
  ];
  for (const [label, headers, body, want] of rows) {
    const res = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body, headers });
    t.is(res.status, 400, label);
    t.is(errorOf(res), want, label);
  }
  // The part uploaded first is still the one listed.
  const listed = await send({ method: 'GET', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(id)}` });
  t.is(/<ETag>([^<]*)<\/ETag>/.exec(listed.body.toString().replace(/&quot;/g, '"'))?.[1], good.headers.etag);
  t.is(await healthy(), 200);
});

test('CompleteMultipartUpload: malformed listed and object checksums are 400 and the upload completes afterwards', async (t) => {
  const key = 'complete-target';
  const id = await createUpload(key, 'CRC32');
  const body = 'part one';
  const part = await send({ method: 'PUT', path: `/${bucket}/${key}`, query: partQuery(1, id), body, headers: { 'x-amz-checksum-crc32': await b64('crc32', body) } });
  t.is(part.status, 200, errorOf(part));
  const complete = (extra: string, headers: Record<string, string> = {}): Promise<RawResponse> => send({
    method: 'POST', path: `/${bucket}/${key}`, query: `uploadId=${encodeURIComponent(id)}`, headers,
    body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.headers.etag}</ETag>${extra}</Part></CompleteMultipartUpload>`,
  });
  const invalidArgument = 'InvalidArgument: Invalid Base64 or multiple checksums present in request';
  const every = (await Promise.all(ALGORITHMS.map(async (a) => `<Checksum${a.toUpperCase()}>${await b64(a, body)}</Checksum${a.toUpperCase()}>`))).join('');
  const rows: Array<[string, string, Record<string, string>, string]> = [
    ['every algorithm at once', every, {}, invalidArgument],
    ['empty element', '<ChecksumCRC32></ChecksumCRC32>', {}, invalidArgument],
    ['self-closed element', '<ChecksumCRC32/>', {}, invalidArgument],
    ['nested element', '<ChecksumCRC32><x/></ChecksumCRC32>', {}, invalidArgument],
    ['whitespace', '<ChecksumCRC32>   </ChecksumCRC32>', {}, invalidArgument],
    ['1 MB value', `<ChecksumCRC32>${'x'.repeat(1 << 20)}</ChecksumCRC32>`, {}, invalidArgument],
    ['not base64', '<ChecksumCRC32>!!!!</ChecksumCRC32>', {}, invalidArgument],
    ['wrong length', '<ChecksumCRC32>AAAAAAAAAAAAAAAA</ChecksumCRC32>', {}, invalidArgument],
    ['not canonical', '<ChecksumCRC32>y/Q5Jh==</ChecksumCRC32>', {}, invalidArgument],
    ['repeated element', '<ChecksumCRC32>a</ChecksumCRC32><ChecksumCRC32>b</ChecksumCRC32>', {}, invalidArgument],
    ['unknown algorithm element', '<ChecksumMD5>AAAA</ChecksumMD5>', {}, invalidArgument],
    ['checksum type empty', `<ChecksumCRC32>${part.headers['x-amz-checksum-crc32']}</ChecksumCRC32>`, { 'x-amz-checksum-type': '' }, 'InvalidRequest: Value for x-amz-checksum-type header is invalid.'],
    ['checksum type unknown', `<ChecksumCRC32>${part.headers['x-amz-checksum-crc32']}</ChecksumCRC32>`, { 'x-amz-checksum-type': 'FULL' }, 'InvalidRequest: Value for x-amz-checksum-type header is invalid.'],
    // An object checksum of another algorithm is BadDigest (radkawar/stackd testdata/aws/s3/
    // checksum_algorithms_multipart_replay.json seq 152-155); a malformed one only needs a 400
    // (no source says which of the two S3 checks first).
    ...(await Promise.all(ALGORITHMS.filter((a) => a !== 'crc32').map(async (a): Promise<[string, string, Record<string, string>, string]> =>
      [`object ${a}`, `<ChecksumCRC32>${part.headers['x-amz-checksum-crc32']}</ChecksumCRC32>`, { [`x-amz-checksum-${a}`]: await b64(a, body) }, `BadDigest: The ${a} you specified did not match the calculated checksum.`]))),
    ...ALGORITHMS.flatMap((a) => ['', ' ', 'x'.repeat(4000), 'AAAA'].map((v): [string, string, Record<string, string>, string] =>
      [`object ${a} ${JSON.stringify(v.slice(0, 8))}`, `<ChecksumCRC32>${part.headers['x-amz-checksum-crc32']}</ChecksumCRC32>`, { [`x-amz-checksum-${a}`]: v }, ''])),
  ];
  for (const [label, extra, headers, want] of rows) {
    const res = await complete(extra, headers);
    t.is(res.status, 400, `${label}: ${errorOf(res)}`);
    if (want !== '') t.is(errorOf(res), want, label);
  }
  const done = await complete(`<ChecksumCRC32>${part.headers['x-amz-checksum-crc32']}</ChecksumCRC32>`);
  t.is(done.status, 200, errorOf(done));
  t.is((await send({ method: 'GET', path: `/${bucket}/${key}` })).body.toString(), body);
  t.is(await healthy(), 200);
});

test('GetObject/HeadObject: x-amz-checksum-mode oddities are 400 InvalidRequest; ENABLED in any case and padded is read', async (t) => {
  const key = 'mode-target';
  t.is((await send({ method: 'PUT', path: `/${bucket}/${key}`, body: 'object' })).status, 200);
  for (const mode of ['', 'DISABLED', 'ENABLED, ENABLED', 'x'.repeat(4000), '\u00e9']) {
    for (const [method, query] of [['GET', ''], ['HEAD', ''], ['GET', 'partNumber=1']]) {
      const res = await send({ method: method!, path: `/${bucket}/${key}`, query, headers: { 'x-amz-checksum-mode': mode } });
      t.is(res.status, 400, `${method} ${query} ${mode.slice(0, 20)}`);
      if (method === 'GET') t.is(errorOf(res), 'InvalidRequest: Value for x-amz-checksum-mode header is invalid.');
    }
  }
  for (const mode of ['ENABLED', 'enabled', ' ENABLED']) {
    t.is((await send({ method: 'GET', path: `/${bucket}/${key}`, headers: { 'x-amz-checksum-mode': mode } })).status, 200, mode);
  }
  t.is(await healthy(), 200);
});
