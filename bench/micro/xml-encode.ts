/**
 * Micro benchmark: encoding a ListObjectsV2 answer of 1,000 keys with the rest-xml encoder
 * (generic, model-driven XML serialization), the body of figure 5 of s3-figures.
 * Prints JSON: median µs per encode and per key, and the body size.
 *   node dist/bench/micro/xml-encode.js [--keys 1000] [--time 1000]
 */
import { Bench } from 'tinybench';
import { loadModel } from '../../src/model/generated/index.js';
import { encodeRestXml } from '../../src/protocols/rest-xml/encode.js';

const keys = Number(process.argv[process.argv.indexOf('--keys') + 1]) || 1000;
const time = Number(process.argv[process.argv.indexOf('--time') + 1]) || 1000;

const model = await loadModel('s3');
const operation = model.operations['ListObjectsV2'];
if (!operation) throw new Error('no ListObjectsV2 in the model');
const now = new Date();
const output: Record<string, unknown> = {
  IsTruncated: false, Name: 'bench-list', Prefix: '', MaxKeys: 1000, KeyCount: keys,
  Contents: Array.from({ length: keys }, (_, i) => ({
    Key: `dir-${i % 10}/object-${String(i).padStart(5, '0')}.txt`, LastModified: now,
    ETag: '"0123456789abcdef0123456789abcdef"', Size: 42 + i, StorageClass: 'STANDARD',
  })),
};
const ctx = { model, operation, requestId: '0123456789ABCDEF' };
const size = Buffer.byteLength(String(encodeRestXml(ctx, output).body ?? ''));

const bench = new Bench({ time, warmupTime: 200 });
// Buffer.from: the body is written as UTF-8 bytes anyway, so a cheaper string (a rope) must
// not hide its flattening cost.
bench.add('encodeRestXml ListObjectsV2', () => { Buffer.from(String(encodeRestXml(ctx, output).body)); });
await bench.run();
const task = bench.tasks[0]!;
const p50 = (task.result as { latency?: { p50: number } }).latency?.p50 ?? NaN;
process.stdout.write(JSON.stringify({ bench: 'xml-encode', keys, bodyBytes: size, medianUs: Math.round(p50 * 1000), usPerKey: Math.round((p50 * 1000 / keys) * 100) / 100 }, null, 2) + '\n');
