/**
 * Regression: an aws-chunked upload whose body carried a checksum trailer that x-amz-trailer had
 * not announced was stored and the trailer ignored (found by the twelfth session's fuzzer). S3
 * reads only the trailers x-amz-trailer announces and refuses any other shape with
 * MalformedTrailerError, quoted from S3 in:
 * - versity/versitygw#1691 (2025-12-11): x-amz-trailer missing, or naming another checksum than
 *   the body's;
 * - scality/Arsenal#2596 (2026-03-12): "The x-amz-trailer is not set but the body contains a
 *   trailer", and "The body trailer does not match the x-amz-trailer header";
 * - versity/versitygw#1600 (2025-10-24): x-amz-trailer announced, no trailer in the body.
 * An x-amz-trailer naming no checksum S3 knows is InvalidRequest (versity/versitygw#1161), and no
 * x-amz-trailer with no trailer is an ordinary upload (versity/versitygw#1632).
 */
import test from 'ava';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { computeDigests } from '../../../src/checksums/index.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest, type RawResponse } from './signed-request.js';

let server: Boltstack;
const bucket = 'aws-chunked-trailers';
test.before(async () => {
  server = await startBoltstack();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

const PAYLOAD = 'hello';
const b64 = async (algorithm: 'crc32' | 'crc32c'): Promise<string> =>
  Buffer.from((await computeDigests(Buffer.from(PAYLOAD), [algorithm]))[algorithm]!).toString('base64');

/** PUTs PAYLOAD as STREAMING-UNSIGNED-PAYLOAD-TRAILER with these trailer lines and x-amz-trailer. */
function upload(key: string, trailerLines: string[], announced?: string): Promise<RawResponse> {
  const body = `${PAYLOAD.length.toString(16)}\r\n${PAYLOAD}\r\n0\r\n${trailerLines.map((l) => `${l}\r\n`).join('')}\r\n`;
  return signedRequest(server.endpoint, {
    method: 'PUT', path: `/${bucket}/${key}`, body,
    headers: {
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(PAYLOAD.length),
      ...(announced !== undefined ? { 'x-amz-trailer': announced } : {}),
    },
  });
}

const MALFORMED = '<Code>MalformedTrailerError</Code><Message>The request contained trailing data that was not well-formed or did not conform to our published schema.</Message>';
const stored = async (key: string): Promise<number> => (await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/${key}` })).status;

test('a checksum trailer x-amz-trailer did not announce is MalformedTrailerError, and nothing is stored', async (t) => {
  const res = await upload('unannounced', [`x-amz-checksum-crc32:${await b64('crc32')}`]);
  t.is(res.status, 400);
  t.true(res.body.toString().includes(MALFORMED), res.body.toString());
  t.is(await stored('unannounced'), 404);
});

test('a trailer other than the one x-amz-trailer announced is MalformedTrailerError', async (t) => {
  const res = await upload('other', [`x-amz-checksum-crc32c:${await b64('crc32c')}`], 'x-amz-checksum-crc32');
  t.is(res.status, 400);
  t.true(res.body.toString().includes(MALFORMED), res.body.toString());
  t.is(await stored('other'), 404);
});

test('an announced trailer missing from the body is MalformedTrailerError', async (t) => {
  const res = await upload('missing', [], 'x-amz-checksum-crc32');
  t.is(res.status, 400);
  t.true(res.body.toString().includes(MALFORMED), res.body.toString());
  t.is(await stored('missing'), 404);
});

test('x-amz-trailer naming an unknown checksum is InvalidRequest', async (t) => {
  const res = await upload('sha10', ['x-amz-checksum-sha10:AAAA'], 'x-amz-checksum-sha10');
  t.is(res.status, 400);
  t.true(res.body.toString().includes('<Code>InvalidRequest</Code><Message>The value specified in the x-amz-trailer header is not supported</Message>'), res.body.toString());
});

test('the announced trailer is verified and echoed; no trailer and no x-amz-trailer is a plain upload', async (t) => {
  const crc = await b64('crc32');
  const ok = await upload('announced', [`x-amz-checksum-crc32:${crc}`], 'x-amz-checksum-crc32');
  t.is(ok.status, 200, ok.body.toString());
  t.is(ok.headers['x-amz-checksum-crc32'], crc);
  const wrong = await upload('announced-wrong', ['x-amz-checksum-crc32:AAAAAA=='], 'x-amz-checksum-crc32');
  t.is(wrong.status, 400);
  t.true(wrong.body.toString().includes('<Code>BadDigest</Code>'));
  const plain = await upload('plain', []);
  t.is(plain.status, 200, plain.body.toString());
  t.is(await stored('plain'), 200);
});
