/**
 * Regression: the AWS CLI and SDKs send a CRC-32 with every PutObject, and hashing one small body
 * loaded @node-rs/crc32, whose allocator keeps ~3.5 MiB resident for the life of the process (the
 * at-rest RssAnon figure of issue #7). Small bodies are hashed with node:zlib; this file runs in
 * its own process, so nothing else has loaded the addon.
 */
import test from 'ava';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { createHasher, ZLIB_CRC32_BYTES } from '../../src/checksums/create-hasher.js';

const addonLoaded = (): boolean => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('@node-rs/crc32'));

test('a CRC-32 of bodies up to ZLIB_CRC32_BYTES does not load the native CRC addon', (t) => {
  if (typeof zlib.crc32 !== 'function') return t.pass('this Node has no zlib.crc32: the addon is the only CRC-32');
  for (const size of [13, 4096, ZLIB_CRC32_BYTES]) {
    const h = createHasher('crc32');
    h.update(Buffer.alloc(size, 7));
    h.digest();
  }
  t.false(addonLoaded());
  const big = createHasher('crc32');
  big.update(Buffer.alloc(ZLIB_CRC32_BYTES + 1, 7));
  t.true(addonLoaded(), 'a streamed body uses the addon');
});
