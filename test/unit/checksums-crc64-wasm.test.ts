/**
 * CRC-64/NVME through hash-wasm (src/checksums/hash-wasm-family.ts): once prepareChecksums has
 * loaded it, createHasher('crc64nvme') hashes with the wasm, and it must give what
 * @aws-sdk/crc64-nvme gives, over odd sizes, chunked updates and two streams interleaved on the
 * one shared instance (each parks and restores its state). Before loading, the JS tables stand in.
 */
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { Crc64Nvme } from '@aws-sdk/crc64-nvme';
import { checksumsReady, createHasher, prepareChecksums } from '../../src/checksums/index.js';
import { Crc64NvmeHasher } from '../../src/checksums/crc64-nvme.js';

async function reference(data: Uint8Array): Promise<string> {
  const ref = new Crc64Nvme();
  ref.update(data);
  return Buffer.from(await ref.digest()).toString('hex');
}

test('crc64nvme needs its wasm loaded before checksumsReady says so, and prepareChecksums loads it', async (t) => {
  await prepareChecksums(['crc64nvme']);
  t.true(checksumsReady(['crc64nvme']));
  t.false(createHasher('crc64nvme') instanceof Crc64NvmeHasher, 'the wasm hasher, not the JS tables');
});

test('crc64nvme through hash-wasm agrees with @aws-sdk/crc64-nvme, chunked and interleaved', async (t) => {
  await prepareChecksums(['crc64nvme']);
  for (const size of [0, 1, 7, 8, 9, 16_383, 16_384, 16_385, 65_537, 1024 * 1024 + 3]) {
    const a = randomBytes(size);
    const b = randomBytes(size + 5);
    const ha = createHasher('crc64nvme');
    const hb = createHasher('crc64nvme');
    // Interleaved 40 KB updates: the shared instance swaps between the two streams every update.
    for (let i = 0; i < Math.max(a.length, b.length); i += 40_000) {
      if (i < a.length) ha.update(a.subarray(i, i + 40_000));
      hb.update(b.subarray(i, i + 40_000));
    }
    t.is(ha.digest().toString('hex'), await reference(a), `size ${size}`);
    t.is(hb.digest().toString('hex'), await reference(b), `size ${size + 5}`);
  }
  t.is((() => { const h = createHasher('crc64nvme'); h.update(Buffer.from('123456789')); return h.digest().toString('hex'); })(), 'ae8b14860a799888');
});
