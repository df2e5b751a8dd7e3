/**
 * Micro benchmark: what a DynamoDB answer's body costs between the encoder and the socket, sent
 * as a string (what src/protocols/json/encode.ts does) against sent as its UTF-8 bytes made once
 * (measured, not adopted: a loss below ~3 KiB; docs/benchmarking.md). Each way does the
 * three things the server does with a body: its x-amz-crc32 (zlib.crc32), its length for the
 * metrics, and the adapter's copy of its UTF-8 bytes (uWS's `end` takes a string through V8's
 * String::Utf8Value: Utf8Length, an allocation, WriteUtf8; a Buffer's bytes it takes as they are).
 * The adapter's part is stood in for by Buffer.byteLength and a write into a reused buffer (its
 * allocation left out), and its copy into the socket buffer by a copy, which both ways pay.
 *   string  crc32(string) + 2 × Buffer.byteLength(string) + write(string) (encode.ts)
 *   bytes   Buffer.from(string) + crc32(bytes) + .length + copy(bytes)   (the alternative)
 * Bodies: GetItem answers of 1, 2 and 4 KiB items (dynamodb-figures' is 1 KiB), a 25-item Query
 * page, a 1 MB Scan page, a 100 KiB item of accented text. The bodies are made by concatenation
 * each time, as the encoder makes them (a cons string, flattened by whichever call reads it
 * first). Prints JSON: ns per answer each way and the saving.
 *   node dist/bench/micro/json-answer-bytes.js [--time 1000]
 */
import { Bench } from 'tinybench';
import { createRequire } from 'node:module';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const time = arg('--time', 1000);
const crc32 = (createRequire(import.meta.url)('node:zlib') as { crc32(data: string | Uint8Array): number }).crc32;

const item = (i: number, v: string): string => `{"pk":{"S":"p"},"sk":{"N":"${i}"},"v":{"S":"${v}"}}`;
const BODIES: Record<string, string> = {
  'GetItem 1 KiB': `{"Item":{"data":{"S":"${'x'.repeat(1024)}"},"id":{"S":"k"}}}`,
  'GetItem 2 KiB': `{"Item":{"data":{"S":"${'x'.repeat(2048)}"},"id":{"S":"k"}}}`,
  'GetItem 4 KiB': `{"Item":{"data":{"S":"${'x'.repeat(4096)}"},"id":{"S":"k"}}}`,
  'Query 25 items': `{"Count":25,"Items":[${Array.from({ length: 25 }, (_, i) => item(i, 'y'.repeat(100))).join(',')}],"ScannedCount":25}`,
  'Scan page 1 MB': `{"Count":5000,"Items":[${Array.from({ length: 5000 }, (_, i) => item(i, 'z'.repeat(150))).join(',')}],"ScannedCount":5000}`,
  'GetItem 100 KiB accented': `{"Item":{"data":{"S":"${'é'.repeat(50 * 1024)}"},"id":{"S":"k"}}}`,
};

/** The adapter's copy of the bytes it sends (uWS copies into its cork buffer or socket). */
const sink = Buffer.allocUnsafe(256 * 1024);
let checks = 0;
// Each task makes INNER answers, so tinybench's timer granularity (tens of ns) is amortised.
const INNER = 20;

const bench = new Bench({ time, warmupTime: 200 });
for (const [name, body] of Object.entries(BODIES)) {
  const [head, tail] = [body.slice(0, 8), body.slice(8)];
  bench.add(`${name}: string`, () => {
    for (let i = 0; i < INNER; i++) {
      const body = head + tail;
      checks += crc32(body) & 1;
      checks += Buffer.byteLength(body) & 1;
      // uWS's NativeString: String::Utf8Value (Utf8Length, then WriteUtf8 into a new[] array).
      checks += Buffer.byteLength(body) & 1;
      checks += sink.write(body, 0, 'utf8') & 1;
    }
  });
  bench.add(`${name}: bytes`, () => {
    for (let i = 0; i < INNER; i++) {
      const bytes = Buffer.from(head + tail, 'utf8');
      checks += crc32(bytes) & 1;
      checks += bytes.length & 1;
      checks += bytes.copy(sink, 0) & 1;
    }
  });
}
await bench.run();
const ns = (taskName: string): number => {
  const r = bench.tasks.find((t) => t.name === taskName)!.result as { latency?: { p50?: number }; median?: number } | undefined;
  return Math.round(((r?.latency?.p50 ?? r?.median ?? NaN) * 1e6) / INNER);
};
const results = Object.keys(BODIES).map((name) => {
  const string = ns(`${name}: string`);
  const bytes = ns(`${name}: bytes`);
  return { body: name, bytes: Buffer.byteLength(BODIES[name]!), nsString: string, nsBytes: bytes, savedNs: string - bytes };
});
process.stdout.write(`${JSON.stringify({ benchmark: 'json-answer-bytes', results, checks: checks >= 0 }, null, 2)}\n`);
