import test from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import { Crc64Nvme } from '@aws-sdk/crc64-nvme';
import {
  CHECKSUM_ALGORITHMS, MultiHasher, computeDigests, computeDigestsSync, createHasher, createHasherAsync,
  fromBase64, initChecksums, toBase64, toHex,
} from '../../src/checksums/index.js';
import type { ChecksumAlgorithm } from '../../src/checksums/index.js';

const CHECK = Buffer.from('123456789');

test.before(async () => {
  await initChecksums();
});

// Catalogue check values (reveng.sourceforge.io/crc-catalogue) and xxHash's reference output.
const VECTORS: Record<ChecksumAlgorithm, string> = {
  crc32: 'cbf43926',
  crc32c: 'e3069283',
  crc64nvme: 'ae8b14860a799888',
  xxh64: '8cb841db40e6ae83',
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

test('crc32 header value is base64 of the 4 big-endian bytes', (t) => {
  const h = createHasher('crc32');
  h.update(CHECK);
  t.is(toBase64(h.digest()), Buffer.from([0xcb, 0xf4, 0x39, 0x26]).toString('base64'));
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
