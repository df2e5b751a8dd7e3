import test from 'ava';
import { loadModel } from '../../src/model/generated/index.js';
import { encodeRestXml } from '../../src/protocols/rest-xml/encode.js';
import { markImmutable } from '../../src/util/immutable.js';

const entry = (i: number): Record<string, unknown> => ({
  Key: `k<${i}>&"'\r\n😀`, LastModified: new Date(Date.UTC(2026, 10, 21, 19, i % 60, i % 60, i)), ETag: `"etag-${i}"`,
  ChecksumAlgorithm: ['CRC32'], Size: i, StorageClass: 'STANDARD',
});

test('immutable values encode exactly as mutable ones, also from the memo and across pieces', async (t) => {
  const model = await loadModel('s3');
  const ctx = { model, operation: model.operations['ListObjectsV2']!, requestId: 'R' };
  // Enough entries that the writer splits the body into several pieces.
  const plain = Array.from({ length: 300 }, (_, i) => entry(i));
  const frozen = plain.map((e) => markImmutable({ ...e, ChecksumAlgorithm: [...(e.ChecksumAlgorithm as string[])] }));
  const out = (contents: unknown[]): string => String(encodeRestXml(ctx, { Name: 'b', IsTruncated: false, KeyCount: contents.length, Contents: contents }).body);
  const expected = out(plain);
  t.true(Buffer.byteLength(expected) > 32 * 1024);
  t.true(expected.includes('<Contents><Key>k&lt;7&gt;&amp;&quot;&apos;&#13;&#10;😀</Key><LastModified>2026-11-21T19:07:07.007Z</LastModified>' +
    '<ETag>&quot;etag-7&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm><Size>7</Size><StorageClass>STANDARD</StorageClass></Contents>'));
  t.is(out(frozen), expected);
  t.is(out(frozen), expected, 'second time, from the memo');
  t.is(out([...frozen.slice(0, 150), ...plain.slice(150)]), expected);
});

test('dates outside years 0000-9999 still format as toISOString does', async (t) => {
  const model = await loadModel('s3');
  const ctx = { model, operation: model.operations['ListObjectsV2']!, requestId: 'R' };
  for (const date of [new Date(-1), new Date(Date.UTC(10000, 0, 1)), new Date(0), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999))]) {
    const body = String(encodeRestXml(ctx, { Contents: [{ Key: 'k', LastModified: date }] }).body);
    t.true(body.includes(`<LastModified>${date.toISOString()}</LastModified>`), date.toISOString());
  }
});

test('control characters other than tab are hex character references, as S3 writes them in a listing without encoding-type=url', async (t) => {
  // S3: "&#x1b;", "&#x8;" (aws/aws-sdk-php#169, pfig/net-amazon-s3#67, aws/aws-sdk-go#1914).
  // Regression: they were written raw, a document no XML parser reads and no capture shows.
  const model = await loadModel('s3');
  const ctx = { model, operation: model.operations['ListObjectsV2']!, requestId: 'R' };
  const body = String(encodeRestXml(ctx, { Name: 'b', IsTruncated: false, KeyCount: 1, Contents: [{ Key: 'a\x00\x01\x08\t\x0b\x0c\x0e\x1b\x1fz', Size: 0 }] }).body);
  t.true(body.includes('<Key>a&#x0;&#x1;&#x8;\t&#xb;&#xc;&#xe;&#x1b;&#x1f;z</Key>'), body);
});
