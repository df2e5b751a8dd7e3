/**
 * Micro benchmark: encoding a ListObjectsV2 answer of 1,000 keys with the rest-xml encoder
 * (generic, model-driven XML serialization), the body of figure 5 of s3-figures.
 * Prints JSON: median µs per encode and per key, for fresh entries (every listing from LevelDB)
 * and for immutable ones (entries of a bucket held by the listing index), and the body size.
 *   node dist/bench/micro/xml-encode.js [--keys 1000] [--time 1000]
 */
import { Bench } from 'tinybench';
import { loadModel } from '../../src/model/generated/index.js';
import { encodeRestXml } from '../../src/protocols/rest-xml/encode.js';
import { markImmutable } from '../../src/util/immutable.js';

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
const size = Buffer.byteLength(encodeRestXml(ctx, output).body ?? '');

// The same entries marked immutable, as the S3 listing marks entries of objects held by its
// listing index: the serializer then keeps each entry's XML (src/util/immutable.ts).
const immutableOutput = { ...output, Contents: (output['Contents'] as object[]).map((e) => markImmutable({ ...e })) };

const bench = new Bench({ time, warmupTime: 200 });
// The body must end as UTF-8 bytes: a string body (a rope) is converted here so that its
// flattening cost is not hidden.
const toBytes = (body: Buffer | string | undefined): void => { if (typeof body === 'string') Buffer.from(body); };
bench.add('fresh entries', () => toBytes(encodeRestXml(ctx, output).body));
bench.add('immutable entries', () => toBytes(encodeRestXml(ctx, immutableOutput).body));
await bench.run();
const p50Us = (i: number): number => ((bench.tasks[i]!.result as { latency?: { p50: number } }).latency?.p50 ?? NaN) * 1000;
const fresh = p50Us(0);
const memo = p50Us(1);
process.stdout.write(JSON.stringify({
  bench: 'xml-encode', keys, bodyBytes: size,
  medianUs: Math.round(fresh), usPerKey: Math.round((fresh / keys) * 100) / 100,
  immutableMedianUs: Math.round(memo), immutableUsPerKey: Math.round((memo / keys) * 100) / 100,
}, null, 2) + '\n');
