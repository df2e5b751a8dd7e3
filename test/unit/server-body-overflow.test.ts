/**
 * Request body bytes that arrive although the socket is paused (src/server/body-overflow.ts), as
 * uWS v20.51 (Node 22/24) delivers them while its reads fill their buffer. Node 20's uWS honours
 * the pause, so these drive the body directly with a pause that holds nothing back.
 */
import test from 'ava';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse as UwsResponse } from '@based/uws';
import { BodyOverflow, MEMORY_BYTES } from '../../src/server/body-overflow.js';
import { UwsExchange } from '../../src/server/uws-exchange.js';
import { UwsRequestBody } from '../../src/server/uws-request-body.js';
import { SlabPool } from '../../src/util/byte-slabs.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * A 512 KiB chunk (a full uWS read) whose every word says where in the body it is, so order
 * shows; written into `into` (uWS, too, reuses one receive buffer for every read).
 */
function chunkBytes(index: number, into = new Uint8Array(512 * KiB)): Uint8Array {
  const view = new DataView(into.buffer, into.byteOffset, into.byteLength);
  for (let i = 0; i < into.byteLength; i += 4) view.setUint32(i, index * into.byteLength + i);
  return into;
}

function checkOrder(t: import('ava').ExecutionContext, received: Buffer, total: number): void {
  t.is(received.length, total);
  for (let i = 0; i < total; i += 4096) {
    if (received.readUInt32BE(i) !== i) return void t.fail(`byte ${i} holds ${received.readUInt32BE(i)}`);
  }
  t.pass();
}

async function withDir(run: (dir: string) => Promise<void>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-overflow-'));
  try {
    await run(dir);
    return await readdir(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the overflow gives chunks back in arrival order: memory first, then its file, then memory again', async (t) => {
  const left = await withDir(async (dir) => {
    const overflow = new BodyOverflow(dir);
    const copy = (bytes: Uint8Array) => Buffer.from(bytes);
    const chunks = MEMORY_BYTES / (512 * KiB) + 6;
    for (let i = 0; i < chunks; i++) overflow.add(chunkBytes(i), copy);
    const out: Buffer[] = [];
    // Half read back, then more arrives: it must queue behind what is in the file.
    for (let i = 0; i < chunks / 2; i++) out.push(overflow.take(copy)!);
    for (let i = chunks; i < chunks + 3; i++) overflow.add(chunkBytes(i), copy);
    for (let c = overflow.take(copy); c !== undefined; c = overflow.take(copy)) out.push(c);
    t.true(overflow.empty);
    // Emptied, the next chunk is held in memory again.
    overflow.add(chunkBytes(chunks + 3), copy);
    out.push(overflow.take(copy)!);
    overflow.close();
    checkOrder(t, Buffer.concat(out), (chunks + 4) * 512 * KiB);
  });
  t.deepEqual(left, [], 'the spill file is gone');
});

/** A uWS response whose pause holds nothing back, as v20.51's does while reads come full. */
function leakyResponse(): { res: UwsResponse; pauses: () => number } {
  let pauses = 0;
  const res = { onAborted: () => undefined, pause: () => { pauses++; }, resume: () => undefined };
  return { res: res as unknown as UwsResponse, pauses: () => pauses };
}

test.serial('a body whose pause is ignored is parked, so memory stays bounded, and the consumer still gets every byte in order', async (t) => {
  const chunks = 80; // 40 MiB, delivered in one go as uWS's repeat-read loop does
  const total = chunks * 512 * KiB;
  await withDir(async (dir) => {
    const { res, pauses } = leakyResponse();
    const body = new UwsRequestBody(new UwsExchange(res, false, false, () => undefined), new SlabPool(), dir, total);
    const receiveBuffer = new Uint8Array(512 * KiB);
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < chunks; i++) body.onChunk(chunkBytes(i, receiveBuffer).buffer as ArrayBuffer, i === chunks - 1);
    const held = process.memoryUsage().arrayBuffers - before;
    t.true(pauses() >= 1);
    // Without the overflow's file every chunk was a slab copy held by the stream: 40 MiB.
    t.true(held < 8 * MiB, `array buffers grew by ${(held / MiB).toFixed(1)} MiB while 40 MiB arrived`);
    const received: Buffer[] = [];
    for await (const chunk of body.stream as AsyncIterable<Buffer>) {
      received.push(Buffer.from(chunk));
      if (received.length % 16 === 0) await sleep(1);
    }
    checkOrder(t, Buffer.concat(received), total);
  });
});
