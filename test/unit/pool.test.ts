import test from 'ava';
import { randomBytes } from 'node:crypto';
import { createWorkerPool } from '../../src/pool/index.js';
import { parseXml, XmlParseError } from '../../src/util/xml-parse.js';
import { computeDigests } from '../../src/checksums/index.js';
import type { ChecksumAlgorithm } from '../../src/checksums/types.js';

const ALL: ChecksumAlgorithm[] = ['md5', 'crc32', 'crc32c', 'sha1', 'sha256', 'crc64nvme', 'xxh64'];
const ALWAYS_POOL = { 'xml-parse': 0, checksum: 0 };

function completeMultipartXml(parts: number): Buffer {
  const items = Array.from({ length: parts }, (_, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>"${i.toString(16).padStart(32, '0')}"</ETag></Part>`);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${items.join('')}</CompleteMultipartUpload>`);
}

test.serial('no thread exists until the first pooled task, and inline tasks start none', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1 });
  t.is(pool.threads, 0);
  await pool.run({ kind: 'checksum', data: Buffer.from('small'), algorithms: ['crc32'] });
  await pool.run({ kind: 'xml-parse', xml: Buffer.from('<a>b</a>') });
  t.is(pool.threads, 0, 'small tasks ran inline');
  await pool.run({ kind: 'checksum', data: randomBytes(4 * 1024 * 1024), algorithms: ['crc32'] });
  t.true(pool.threads >= 1, 'a big task started a worker');
  await pool.close();
  t.is(pool.threads, 0);
});

test.serial('pooled results equal inline results', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, thresholds: ALWAYS_POOL });
  const data = randomBytes(300_000);
  const expected = await computeDigests(data, ALL);
  const digests = await pool.run({ kind: 'checksum', data: Buffer.from(data), algorithms: ALL });
  t.true(pool.threads >= 1, 'ran in a worker');
  for (const alg of ALL) t.true(Buffer.isBuffer(digests[alg]) && digests[alg]!.equals(expected[alg]!), alg);
  const xml = completeMultipartXml(500);
  t.deepEqual(await pool.run({ kind: 'xml-parse', xml: Buffer.from(xml) }), parseXml(xml));
  await pool.close();
});

test.serial('a pooled buffer is moved, not copied: the caller\'s view is detached', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, thresholds: ALWAYS_POOL });
  const owned = new Uint8Array(randomBytes(100_000));
  await pool.run({ kind: 'checksum', data: owned, algorithms: ['md5'] });
  t.is(owned.byteLength, 0, 'transferred');
  // A view into a larger buffer (or node's shared pool) is compacted first, never detached.
  const big = randomBytes(200_000);
  const view = big.subarray(10, 50_000);
  const expected = await computeDigests(view, ['md5']);
  t.true(Buffer.from((await pool.run({ kind: 'checksum', data: view, algorithms: ['md5'] })).md5!).equals(expected.md5!));
  t.is(big.byteLength, 200_000);
  await pool.close();
});

test.serial('errors keep their class across the thread boundary', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, thresholds: ALWAYS_POOL });
  await t.throwsAsync(pool.run({ kind: 'xml-parse', xml: Buffer.from('<a><b></a>') }), { instanceOf: XmlParseError });
  const inline = createWorkerPool();
  await t.throwsAsync(inline.run({ kind: 'xml-parse', xml: Buffer.from('<a><b></a>') }), { instanceOf: XmlParseError });
  await pool.close();
  await inline.close();
});

test.serial('close() is clean: idempotent, and run() after it is refused', async (t) => {
  const pool = createWorkerPool({ maxThreads: 2, thresholds: ALWAYS_POOL });
  const runs = Array.from({ length: 4 }, () => pool.run({ kind: 'checksum', data: randomBytes(1_000_000), algorithms: ['sha256'] }));
  await Promise.all(runs);
  await pool.close();
  await pool.close();
  t.is(pool.threads, 0);
  await t.throwsAsync(pool.run({ kind: 'checksum', data: Buffer.from('x'), algorithms: ['crc32'] }), { message: /closed/ });
  const unused = createWorkerPool();
  await unused.close();
  t.is(unused.threads, 0);
});

test.serial('idle workers exit after idleTimeout', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, idleTimeout: 100, thresholds: ALWAYS_POOL });
  await pool.run({ kind: 'checksum', data: randomBytes(1000), algorithms: ['crc32'] });
  t.is(pool.threads, 1);
  for (let i = 0; i < 100 && pool.threads > 0; i++) await new Promise((r) => setTimeout(r, 20));
  t.is(pool.threads, 0);
  await pool.close();
});
