import test from 'ava';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/protocol-http';
import { isAwsError, type AwsError } from '../../src/errors/aws-error.js';
import { computeDigestsSync } from '../../src/checksums/index.js';
import { decodeAwsChunked, type AwsChunkHeader, type DecodeAwsChunkedOptions } from '../../src/protocols/shared/aws-chunked.js';

type Variant = 'signed' | 'signed-trailer' | 'unsigned-trailer' | 'ecdsa-trailer';

/** A deterministic PRNG so a failing fuzz case can be replayed from its seed. */
function prng(seed: number): (max: number) => number {
  let s = seed >>> 0 || 1;
  return (max) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % max;
  };
}

const sig = (n: number, len = 64): string => n.toString(16).padStart(len, '0').slice(-len);

/** Encodes `chunks` of payload in the given variant (signatures are fake: not verified here). */
function encode(chunks: Buffer[], variant: Variant, trailers: Record<string, string> = {}): Buffer {
  const sigLen = variant === 'ecdsa-trailer' ? 142 : 64;
  const ext = (i: number): string => (variant === 'unsigned-trailer' ? '' : `;chunk-signature=${sig(i, sigLen)}`);
  const parts: Buffer[] = [];
  chunks.forEach((c, i) => parts.push(Buffer.from(`${c.length.toString(16)}${ext(i)}\r\n`), c, Buffer.from('\r\n')));
  parts.push(Buffer.from(`0${ext(chunks.length)}\r\n`));
  if (variant !== 'signed') {
    for (const [k, v] of Object.entries(trailers)) parts.push(Buffer.from(`${k}:${v}\r\n`));
    if (variant !== 'unsigned-trailer') parts.push(Buffer.from(`x-amz-trailer-signature:${sig(99)}\r\n`));
  }
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** Splits `bytes` at random points (1-byte pieces included), as a network might. */
function rechunk(bytes: Buffer, rand: (max: number) => number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const kind = rand(4);
    const len = kind === 0 ? 1 : kind === 1 ? 1 + rand(16) : kind === 2 ? 1 + rand(4096) : 1 + rand(70_000);
    pieces.push(bytes.subarray(at, at + len));
    at += len;
  }
  return pieces;
}

async function* from(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of pieces) yield p;
}

async function decodeAll(pieces: Uint8Array[], opts: DecodeAwsChunkedOptions = {}): Promise<{ payload: Buffer; trailers: Record<string, string> }> {
  const body = decodeAwsChunked(from(pieces), opts);
  const out: Buffer[] = [];
  for await (const c of body.stream) out.push(Buffer.from(c));
  return { payload: Buffer.concat(out), trailers: body.trailers() };
}

async function decodeError(t: { fail(m: string): void }, pieces: Uint8Array[], opts: DecodeAwsChunkedOptions = {}): Promise<AwsError> {
  try {
    await decodeAll(pieces, opts);
  } catch (error) {
    if (isAwsError(error)) return error;
    throw error;
  }
  t.fail('expected an AwsError');
  throw new Error('unreachable');
}

test('every variant decodes to the exact payload, with its trailers', async (t) => {
  const payload = randomBytes(3 * 8192 + 100);
  const chunks = [payload.subarray(0, 8192), payload.subarray(8192, 3 * 8192), payload.subarray(3 * 8192)];
  for (const variant of ['signed', 'signed-trailer', 'unsigned-trailer', 'ecdsa-trailer'] as const) {
    const trailers: Record<string, string> = variant === 'signed' ? {} : { 'x-amz-checksum-crc32': 'AAAAAA==' };
    const r = await decodeAll([encode(chunks, variant, trailers)], { decodedLength: payload.length });
    t.true(r.payload.equals(payload), variant);
    const expected = variant === 'signed' ? {} : variant === 'unsigned-trailer' ? trailers : { ...trailers, 'x-amz-trailer-signature': sig(99) };
    t.deepEqual(r.trailers, expected, variant);
  }
});

test('fuzz: any re-chunking of a valid encoding yields identical output', async (t) => {
  const variants = ['signed', 'signed-trailer', 'unsigned-trailer', 'ecdsa-trailer'] as const;
  for (let seed = 1; seed <= 150; seed++) {
    const rand = prng(seed);
    const variant = variants[seed % variants.length]!;
    // Odd seeds: S3-sized chunks; even seeds: tiny chunks (more headers to split) with the
    // minimum-size rule off.
    const small = seed % 2 === 0;
    const sizes = Array.from({ length: rand(small ? 30 : 5) }, () => (small ? 1 + rand(300) : 8192 + rand(40_000)));
    sizes.push(rand(9000)); // the last chunk may be small, even empty
    const chunks = sizes.map((n) => randomBytes(n));
    const payload = Buffer.concat(chunks);
    const trailers: Record<string, string> = variant === 'signed' ? {} : { 'x-amz-checksum-sha256': sig(seed, 44) };
    const encoded = encode(chunks.filter((c) => c.length > 0), variant, trailers);
    const r = await decodeAll(rechunk(encoded, rand), { decodedLength: payload.length, minChunkSize: small ? 0 : 8192 });
    if (!r.payload.equals(payload)) t.fail(`seed ${seed}: payload differs`);
    t.is(r.trailers['x-amz-checksum-sha256'], trailers['x-amz-checksum-sha256'], `seed ${seed}`);
  }
  t.pass();
});

test('payload bytes are views of the input, not copies', async (t) => {
  const input = encode([Buffer.alloc(10_000, 7)], 'signed');
  for await (const c of decodeAwsChunked(from([input])).stream) t.is(c.buffer, input.buffer);
});

test('chunk signatures and extensions reach onChunk, in order', async (t) => {
  const seen: AwsChunkHeader[] = [];
  await decodeAll([encode([Buffer.alloc(8192), Buffer.alloc(5)], 'signed')], { onChunk: (h) => seen.push(h) });
  t.deepEqual(seen.map((h) => [h.index, h.size, h.signature]), [[1, 8192, sig(0)], [2, 5, sig(1)], [3, 0, sig(2)]]);
});

test('an empty payload is a lone final chunk', async (t) => {
  const r = await decodeAll([Buffer.from(`0;chunk-signature=${sig(1)}\r\n\r\n`)], { decodedLength: 0 });
  t.is(r.payload.length, 0);
  const u = await decodeAll([Buffer.from('0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n')]);
  t.deepEqual(u.trailers, { 'x-amz-checksum-crc32': 'AAAAAA==' });
});

test('bodies from the real SDK (CRC32 trailer, unsigned) decode and match their checksum', async (t) => {
  let captured: HttpRequest | undefined;
  const client = new S3Client({
    region: 'us-east-1', endpoint: 'http://localhost:4566', forcePathStyle: true, maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: { handle: async (request: HttpRequest) => { captured = request; throw new Error('captured'); } },
  });
  for (const sizes of [[70_000, 10_000], [1], [16_384, 16_384, 3]]) {
    const parts = sizes.map((n) => randomBytes(n));
    const payload = Buffer.concat(parts);
    await t.throwsAsync(client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: Readable.from(parts), ContentLength: payload.length })));
    const req = captured!;
    t.is(req.headers['content-encoding'], 'aws-chunked');
    t.is(req.headers['x-amz-content-sha256'], 'STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    const wire: Buffer[] = [];
    for await (const c of req.body as AsyncIterable<Uint8Array>) wire.push(Buffer.from(c));
    const decodedLength = Number(req.headers['x-amz-decoded-content-length']);
    const r = await decodeAll(rechunk(Buffer.concat(wire), prng(sizes.length)), { decodedLength });
    t.true(r.payload.equals(payload));
    t.is(r.trailers['x-amz-checksum-crc32'], computeDigestsSync(payload, ['crc32']).crc32!.toString('base64'));
  }
});

test('malformed framing is IncompleteBody "The request body terminated unexpectedly"', async (t) => {
  const good = encode([Buffer.alloc(8192, 1), Buffer.alloc(10, 2)], 'signed').toString('latin1');
  const cases: Record<string, string> = {
    'bad hex size': good.replace(/^2000/, '2z00'),
    'empty size': `;chunk-signature=${sig(0)}\r\n`,
    'missing CRLF after data': good.replace('\x01\r\n', '\x01XX'),
    'LF without CR in header': good.replace(/^(2000[^\r]*)\r\n/, '$1\n'),
    'truncated in a chunk': good.slice(0, 5000),
    'truncated before the final CRLF': good.slice(0, -2),
    'bytes after the end': good + 'x',
    'header line too long': `2000;x=${'a'.repeat(5000)}\r\n`,
  };
  for (const [name, body] of Object.entries(cases)) {
    for (const pieces of [[Buffer.from(body, 'latin1')], rechunk(Buffer.from(body, 'latin1'), prng(7))]) {
      const e = await decodeError(t, pieces);
      t.is(e.code, 'IncompleteBody', name);
      t.is(e.status, 400);
      t.is(e.message, 'The request body terminated unexpectedly', name);
    }
  }
});

test('a payload total other than x-amz-decoded-content-length is IncompleteBody with both numbers', async (t) => {
  const body = encode([Buffer.alloc(8192), Buffer.alloc(5)], 'unsigned-trailer', { 'x-amz-checksum-crc32': 'AAAAAA==' });
  for (const declared of [3, 9000]) {
    const e = await decodeError(t, [body], { decodedLength: declared });
    t.is(e.code, 'IncompleteBody');
    t.is(e.message, 'You did not provide the number of bytes specified by the Content-Length HTTP header');
    t.deepEqual(e.fields, { NumberBytesExpected: declared, NumberBytesProvided: 8197 });
  }
});

test('a small chunk that is not the last is InvalidChunkSizeError, as S3 numbers it', async (t) => {
  const e = await decodeError(t, [encode([Buffer.alloc(3), Buffer.alloc(2)], 'signed')]);
  t.is(e.code, 'InvalidChunkSizeError');
  t.is(e.message, 'Only the last chunk is allowed to have a size less than 8192 bytes');
  t.deepEqual(e.fields, { Chunk: 2, BadChunkSize: 3 });
  const r = await decodeAll([encode([Buffer.alloc(3), Buffer.alloc(2)], 'signed')], { minChunkSize: 0 });
  t.is(r.payload.length, 5);
});

test('a malformed trailer is MalformedTrailerError', async (t) => {
  for (const line of ['x-amz-checksum-crc32AAAAAA==', ':AAAAAA==', 'bad name:x']) {
    const e = await decodeError(t, [Buffer.from(`5\r\nhello\r\n0\r\n${line}\r\n\r\n`)]);
    t.is(e.code, 'MalformedTrailerError', line);
  }
});

test('a source error (client abort) propagates as is', async (t) => {
  async function* broken(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('2000\r\n');
    throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  }
  const body = decodeAwsChunked(broken());
  await t.throwsAsync(async () => { for await (const _ of body.stream) void _; }, { message: 'aborted' });
});
