/**
 * How ImportTable reads an object (src/services/dynamodb/imports/object-lines.ts): lines cut on
 * bytes as chunks arrive, and a line past the limit stops the reading, so no object is held
 * whole in memory. The import-level rows are in test/services/dynamodb/imports.test.ts.
 */
import test from 'ava';
import { Readable } from 'node:stream';
import { LineTooLong, MAX_LINE_BYTES, objectLines } from '../../src/services/dynamodb/imports/object-lines.js';

test('lines are cut on bytes as chunks arrive: a character split between chunks stays whole, CRLF ends a line, the last line needs no break', async (t) => {
  const text = 'é€😀\r\nsecond\nthird';
  const bytes = Buffer.from(text);
  // One byte a chunk: every multi-byte character is split.
  const chunks = [...bytes].map((b) => Buffer.from([b]));
  const counter = { bytes: 0 };
  const lines: string[] = [];
  for await (const l of objectLines(Readable.from(chunks), 'NONE', counter)) lines.push(l);
  t.deepEqual(lines, ['é€😀', 'second', 'third']);
  t.is(counter.bytes, bytes.length);
});

test('a line past the limit stops the reading there: the rest of the object is never pulled into memory', async (t) => {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const total = Math.ceil((MAX_LINE_BYTES * 4) / chunk.length);
  let pulled = 0;
  async function* endless(): AsyncGenerator<Buffer> { for (let i = 0; i < total; i++) { pulled++; yield chunk; } }
  const read = async (): Promise<void> => { for await (const _ of objectLines(Readable.from(endless()), 'NONE', { bytes: 0 })) t.fail('no line ends'); };
  await t.throwsAsync(read, { instanceOf: LineTooLong });
  t.true(pulled < total / 2, `${pulled} of ${total} chunks read`);
});
