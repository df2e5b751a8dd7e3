/**
 * WholeBodyChunks (src/server/whole-body-chunks.ts): a body held whole, iterated as at most one
 * chunk without a stream. The read happens on the first next() only; an empty body is no chunk;
 * giving up before reading drops the body, and after reading does not.
 */
import test from 'ava';
import { WholeBodyChunks } from '../../src/server/whole-body-chunks.js';

test('one chunk, then done; the body is read once, on the first next()', async (t) => {
  let reads = 0;
  const chunks = new WholeBodyChunks(async () => { reads++; return Buffer.from('abc'); }, () => t.fail('dropped'));
  t.is(reads, 0);
  const seen: string[] = [];
  for await (const chunk of chunks) seen.push(Buffer.from(chunk).toString());
  t.deepEqual(seen, ['abc']);
  t.is(reads, 1);
  t.deepEqual(await chunks.next(), { done: true, value: undefined });
  t.is(reads, 1);
});

test('an empty body is no chunk at all', async (t) => {
  const seen: Uint8Array[] = [];
  for await (const chunk of new WholeBodyChunks(async () => Buffer.alloc(0), () => undefined)) seen.push(chunk);
  t.is(seen.length, 0);
});

test('a failed read (client abort) rejects the iteration', async (t) => {
  const chunks = new WholeBodyChunks(() => Promise.reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), () => undefined);
  const error = await t.throwsAsync(async () => { for await (const _ of chunks) { /* drain */ } });
  t.is((error as Error & { code?: string }).code, 'ECONNRESET');
});

test('return() before reading drops the body once; after reading it drops nothing', async (t) => {
  let drops = 0;
  const unread = new WholeBodyChunks(async () => t.fail('read') as never, () => { drops++; });
  await unread.return();
  await unread.return();
  t.is(drops, 1);
  t.deepEqual(await unread.next(), { done: true, value: undefined });
  const read = new WholeBodyChunks(async () => Buffer.from('x'), () => { drops++; });
  await read.next();
  await read.return();
  t.is(drops, 1);
});
