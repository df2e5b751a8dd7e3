/**
 * Downloads of one store share their read buffers (native-store/blob-read-stream.ts): a chunk the
 * consumer gives back (the uWS writer does, once uWS has copied it) is read into again by the
 * next download, and a chunk still held is never read into.
 */
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReadStream, CHUNK_BYTES, ReadBuffers } from '../../native-store/blob-read-stream.js';
import { giveBack } from '../../src/util/lent-buffers.js';

async function withFiles(sizes: number[], run: (paths: string[], contents: Buffer[]) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-read-buffers-'));
  try {
    const contents = sizes.map((size, n) => Buffer.alloc(size, n + 1).fill(n + 101, 0, 7));
    const paths = contents.map((_, n) => join(dir, `blob-${n}`));
    await Promise.all(paths.map((path, n) => writeFile(path, contents[n]!)));
    await run(paths, contents);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads a whole stream; `release` decides which chunks go back (as the uWS writer would). */
async function drain(stream: BlobReadStream, release: (chunk: Buffer, n: number) => boolean): Promise<{ bytes: Buffer; arrayBuffers: ArrayBufferLike[]; held: Buffer[] }> {
  const copies: Buffer[] = [];
  const arrayBuffers: ArrayBufferLike[] = [];
  const held: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    copies.push(Buffer.from(chunk));
    arrayBuffers.push(chunk.buffer);
    if (release(chunk, n++)) giveBack(chunk);
    else held.push(chunk);
  }
  return { bytes: Buffer.concat(copies), arrayBuffers, held };
}

test('a download reads into the buffers an earlier download gave back', async (t) => {
  await withFiles([3 * CHUNK_BYTES + 1000, 2 * CHUNK_BYTES + 5], async ([a, b], [aBytes, bBytes]) => {
    const buffers = new ReadBuffers();
    const first = await drain(new BlobReadStream(a!, undefined, buffers), () => true);
    t.true(first.bytes.equals(aBytes!));
    const second = await drain(new BlobReadStream(b!, undefined, buffers), () => true);
    t.true(second.bytes.equals(bBytes!));
    t.true(second.arrayBuffers.every((ab) => first.arrayBuffers.includes(ab)), 'the second download allocated instead of reusing');
  });
});

test('a chunk the consumer still holds is never read into by another download', async (t) => {
  await withFiles([2 * CHUNK_BYTES, 4 * CHUNK_BYTES], async ([a, b], [aBytes, bBytes]) => {
    const buffers = new ReadBuffers();
    // node:http never gives chunks back: they stay the consumer's.
    const first = await drain(new BlobReadStream(a!, undefined, buffers), () => false);
    const second = await drain(new BlobReadStream(b!, undefined, buffers), () => true);
    t.true(second.bytes.equals(bBytes!));
    t.true(Buffer.concat(first.held).equals(aBytes!), 'a held chunk was overwritten');
    t.false(second.arrayBuffers.some((ab) => first.arrayBuffers.includes(ab)));
  });
});

test('a range read through shared buffers returns exactly its bytes', async (t) => {
  await withFiles([3 * CHUNK_BYTES, 3 * CHUNK_BYTES], async ([a, b], [, bBytes]) => {
    const buffers = new ReadBuffers();
    await drain(new BlobReadStream(a!, undefined, buffers), () => true);
    const range = { start: CHUNK_BYTES - 3, end: 2 * CHUNK_BYTES + 9 };
    const read = await drain(new BlobReadStream(b!, range, buffers), () => true);
    t.true(read.bytes.equals(bBytes!.subarray(range.start, range.end + 1)));
  });
});

test('a download destroyed mid-way leaves the buffers usable for the next one', async (t) => {
  await withFiles([4 * CHUNK_BYTES, 2 * CHUNK_BYTES], async ([a, b], [, bBytes]) => {
    const buffers = new ReadBuffers();
    const stream = new BlobReadStream(a!, undefined, buffers);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      giveBack(chunk);
      stream.destroy();
      break;
    }
    const next = await drain(new BlobReadStream(b!, undefined, buffers), () => true);
    t.true(next.bytes.equals(bBytes!));
  });
});
