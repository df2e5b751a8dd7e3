import test from 'ava';
import { ChunkReader, between } from '../../src/bench/drivers/s3/raw-multipart.js';
import { xmlErrorCode } from '../../src/bench/drivers/s3/error-code.js';

async function* chunks(sizes: number[]): AsyncGenerator<Uint8Array> {
  let v = 0;
  for (const n of sizes) yield Uint8Array.from({ length: n }, () => v++ & 0xff);
}

async function collect(it: AsyncIterable<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  for await (const c of it) out.push(...c);
  return out;
}

test('ChunkReader hands out exact consecutive ranges across chunk boundaries', async (t) => {
  const reader = new ChunkReader(chunks([5, 3, 7]));
  const a = await collect(reader.take(4));
  const b = await collect(reader.take(6));
  const c = await collect(reader.take(100));
  t.deepEqual(a, [0, 1, 2, 3]);
  t.deepEqual(b, [4, 5, 6, 7, 8, 9]);
  t.deepEqual(c, [10, 11, 12, 13, 14]);
  t.deepEqual(await collect(reader.take(3)), []);
});

test('between reads an element without an XML parser', (t) => {
  const xml = '<?xml version="1.0"?><InitiateMultipartUploadResult><Bucket>b</Bucket><UploadId>abc-123</UploadId></InitiateMultipartUploadResult>';
  t.is(between(xml, 'UploadId'), 'abc-123');
  t.is(between(xml, 'Missing'), undefined);
});

test('error codes come from the XML body, else the status', (t) => {
  t.is(xmlErrorCode(404, '<Error><Code>NoSuchKey</Code><Message>x</Message></Error>'), 'NoSuchKey');
  t.is(xmlErrorCode(404, ''), 'NotFound');
  t.is(xmlErrorCode(503, 'busy'), 'HTTP 503');
});
