import test from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { Crc64Nvme } from '@aws-sdk/crc64-nvme';
import { Xxh3_128, Xxh3_64 } from '@aws-sdk/checksums/xxh';
import {
  CHECKSUM_ALGORITHMS, MultiHasher, combineCrc64Nvme, computeDigests, computeDigestsSync, createHasher, createHasherAsync,
  fromBase64, prepareChecksums, toBase64, toHex,
} from '../../src/checksums/index.js';
import { ZLIB_CRC32_BYTES } from '../../src/checksums/create-hasher.js';
import type { ChecksumAlgorithm } from '../../src/checksums/index.js';

const CHECK = Buffer.from('123456789');

test.before(async () => {
  await prepareChecksums(CHECKSUM_ALGORITHMS);
});

// Catalogue check values (reveng.sourceforge.io/crc-catalogue) and xxHash's reference output.
const VECTORS: Record<ChecksumAlgorithm, string> = {
  crc32: 'cbf43926',
  crc32c: 'e3069283',
  crc64nvme: 'ae8b14860a799888',
  xxh64: '8cb841db40e6ae83',
  // XXH3-64 and XXH3-128 with seed 0, as @aws-sdk/checksums' independent pure-JS Xxh3 computes them.
  xxh3: '72dcb18b67a17dff',
  xxh128: '33119477ede5dcd5e9716427681d5860',
  sha512: createHash('sha512').update(CHECK).digest('hex'),
  md5: createHash('md5').update(CHECK).digest('hex'),
  sha1: createHash('sha1').update(CHECK).digest('hex'),
  sha256: createHash('sha256').update(CHECK).digest('hex'),
};

for (const alg of CHECKSUM_ALGORITHMS) {
  test(`${alg} of "123456789" matches the check value`, (t) => {
    const h = createHasher(alg);
    h.update(CHECK);
    t.is(h.digest().toString('hex'), VECTORS[alg]);
  });

  test(`${alg} is the same whether fed whole or in odd-sized chunks`, (t) => {
    const data = randomBytes(100_003);
    const whole = createHasher(alg);
    whole.update(data);
    const parts = createHasher(alg);
    for (let i = 0, step = 1; i < data.length; i += step, step = (step * 7 + 3) % 9000 + 1) parts.update(data.subarray(i, i + step));
    t.deepEqual(parts.digest(), whole.digest());
  });
}

test('the empty body has the well-known digests', (t) => {
  const d = computeDigestsSync(new Uint8Array(0), ['md5', 'crc32', 'crc32c']);
  t.is(toHex(d.md5!), 'd41d8cd98f00b204e9800998ecf8427e');
  t.is(toBase64(d.crc32!), 'AAAAAA==');
  t.is(toBase64(d.crc32c!), 'AAAAAA==');
});

test('xxh3 and xxh128 of the empty input and "hello world" match the reference values', (t) => {
  // Empty: xxHash's published XXH3_64bits("") / XXH3_128bits(""); "hello world": what the AWS SDK
  // sends as x-amz-checksum-xxhash3 / -xxhash128 (base64 of the big-endian digest).
  const empty = computeDigestsSync(new Uint8Array(0), ['xxh3', 'xxh128']);
  t.is(toHex(empty.xxh3!), '2d06800538d394c2');
  t.is(toHex(empty.xxh128!), '99aa06d3014798d86001c324468d497f');
  const hello = computeDigestsSync(Buffer.from('hello world'), ['xxh3', 'xxh128']);
  t.is(toBase64(hello.xxh3!), '1Eex6kDmmIs=');
  t.is(toBase64(hello.xxh128!), '340J6T+HSQCpm4d1zBW2xw==');
});

test('xxh3 and xxh128 agree with @aws-sdk/checksums when several streams interleave on the shared instance', async (t) => {
  // One wasm instance serves every stream in a thread: each switch parks one state and restores
  // another. Three streams fed in turn, plus one finished mid-way, must each get their own digest.
  for (const alg of ['xxh3', 'xxh128'] as const) {
    const Ref = alg === 'xxh3' ? Xxh3_64 : Xxh3_128;
    const bodies = [randomBytes(300_001), randomBytes(70_000), randomBytes(5)];
    const ours = bodies.map(() => createHasher(alg));
    const refs = bodies.map(() => new Ref());
    const short = createHasher(alg);
    short.update(CHECK);
    for (let offset = 0; offset < 300_001; offset += 65_536) {
      bodies.forEach((body, i) => { const c = body.subarray(offset, offset + 65_536); ours[i]!.update(c); refs[i]!.update(c); });
      if (offset === 65_536) t.is(short.digest().toString('hex'), VECTORS[alg]);
    }
    for (let i = 0; i < bodies.length; i++) {
      t.is(ours[i]!.digest().toString('hex'), Buffer.from(await refs[i]!.digest()).toString('hex'), `${alg} stream ${i}`);
    }
  }
});

test('crc32 header value is base64 of the 4 big-endian bytes', (t) => {
  const h = createHasher('crc32');
  h.update(CHECK);
  t.is(toBase64(h.digest()), Buffer.from([0xcb, 0xf4, 0x39, 0x26]).toString('base64'));
});

test('crc32 moves from node:zlib to the addon past ZLIB_CRC32_BYTES and gives the addon\'s CRC of the whole body', (t) => {
  const addon = createRequire(import.meta.url)('@node-rs/crc32') as typeof import('@node-rs/crc32');
  for (const size of [ZLIB_CRC32_BYTES - 1, ZLIB_CRC32_BYTES, ZLIB_CRC32_BYTES + 1, 3 * ZLIB_CRC32_BYTES + 17]) {
    const data = randomBytes(size);
    const h = createHasher('crc32');
    // Chunks that straddle the switch: the first part on zlib, the rest on the addon.
    for (let i = 0; i < size; i += 40_000) h.update(data.subarray(i, i + 40_000));
    t.is(h.digest().readUInt32BE(0), addon.crc32(data), `size ${size}`);
  }
});

test('crc64nvme agrees with @aws-sdk/crc64-nvme on random data', async (t) => {
  for (const size of [0, 1, 7, 8, 9, 4096, 65_537]) {
    const data = randomBytes(size);
    const ref = new Crc64Nvme();
    ref.update(data);
    const ours = createHasher('crc64nvme');
    ours.update(data);
    t.is(ours.digest().toString('hex'), Buffer.from(await ref.digest()).toString('hex'), `size ${size}`);
  }
});

test('MultiHasher computes each digest as a single hasher would', (t) => {
  const data = randomBytes(10_000);
  const multi = new MultiHasher(['md5', 'sha256', 'crc32c', 'md5']);
  t.deepEqual(multi.algorithms, ['md5', 'sha256', 'crc32c']);
  multi.update(data.subarray(0, 3000));
  multi.update(data.subarray(3000));
  const d = multi.digests();
  t.is(d.md5!.toString('hex'), createHash('md5').update(data).digest('hex'));
  t.is(d.sha256!.toString('hex'), createHash('sha256').update(data).digest('hex'));
  t.deepEqual(Object.keys(d).sort(), ['crc32c', 'md5', 'sha256']);
  t.throws(() => multi.digests(), { message: /twice/ });
});

test('computeDigests (the pool task) returns every requested algorithm', async (t) => {
  const d = await computeDigests(CHECK, [...CHECKSUM_ALGORITHMS]);
  for (const alg of CHECKSUM_ALGORITHMS) t.is(d[alg]!.toString('hex'), VECTORS[alg]);
});

test('createHasherAsync loads xxhash-wasm on demand', async (t) => {
  const h = await createHasherAsync('xxh64');
  h.update(CHECK);
  t.is(h.digest().toString('hex'), VECTORS.xxh64);
});

test('fromBase64 refuses malformed values and wrong lengths', (t) => {
  t.deepEqual(fromBase64('y/Q5Jg==', 4), Buffer.from('cbf43926', 'hex'));
  t.is(fromBase64('y/Q5Jg==', 8), undefined);
  t.is(fromBase64('not base64!', 4), undefined);
  t.is(fromBase64('y/Q5Jg', 4), undefined);
});

test('combineCrc64Nvme gives the CRC-64/NVME of the concatenation from the pieces\' CRCs and sizes', (t) => {
  const crc = (d: Uint8Array): Buffer => { const h = createHasher('crc64nvme'); h.update(d); return h.digest(); };
  for (const sizes of [[9], [0, 5], [1, 0, 1], [5 * 1024 * 1024 + 3, 1000, 17], [65_536, 65_536]]) {
    const pieces = sizes.map((size) => randomBytes(size));
    const whole = crc(Buffer.concat(pieces));
    t.deepEqual(combineCrc64Nvme(pieces.map((p) => ({ crc: crc(p), size: p.length }))), whole, `sizes ${sizes.join(',')}`);
  }
  t.is(combineCrc64Nvme([]).toString('hex'), '0000000000000000');
});
