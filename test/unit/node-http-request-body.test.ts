/**
 * node:http bodies in reusable slabs (src/server/node-http-request-body.ts), forced on so that
 * Node 20 (where the adapter does not use them: no ArrayBuffer.prototype.transfer) runs the same
 * stream contract; the memory case needs transfer and runs on Node 22 and 24
 * (scripts/test-node-lines.sh). The adapter's general cases are in server-adapters.test.ts.
 */
import test from 'ava';
import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createNodeHttpServer } from '../../src/server/node-http-adapter.js';
import { NodeHttpRequestBody, releasesChunks } from '../../src/server/node-http-request-body.js';
import { SLAB_BYTES, SMALL_BODY, SlabPool, recycleAll, recycleBefore } from '../../src/util/byte-slabs.js';
import type { RequestHandler } from '../../src/server/types.js';
import { repeated } from '../helpers/repeated-body.js';
import { SlabBacking } from '../helpers/slab-backing.js';

const MiB = 1024 * 1024;

async function withServer(handler: RequestHandler, fn: (port: number) => Promise<void>, bodiesInSlabs = true): Promise<void> {
  const server = createNodeHttpServer({ handler, reason: 'test', bodiesInSlabs });
  const port = await server.listen('127.0.0.1', 0);
  try {
    await fn(port);
  } finally {
    await server.close(1000);
  }
}

/** A body of `total` bytes in 64 KiB chunks (byte i is i mod 251, so order errors show). */
function generated(total: number): Readable {
  let produced = 0;
  return new Readable({
    read() {
      const n = Math.min(64 * 1024, total - produced);
      if (n <= 0) return void this.push(null);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) chunk[i] = (produced + i) % 251;
      produced += n;
      this.push(chunk);
    },
  });
}


function put(port: number, body: Readable, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: '/o', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    body.pipe(req);
  });
}

/** Checks every byte against the generated pattern; answers the length, or where it broke. */
const verifyBody: RequestHandler = (req, res) => {
  void (async () => {
    let at = 0;
    for await (const chunk of req.body as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== (at + i) % 251) return res.send(200, {}, `wrong byte at ${at + i}`);
      }
      at += chunk.length;
    }
    res.send(200, {}, String(at));
  })().catch(() => undefined);
};

/**
 * Regression: on Node 24, node:http's fresh buffer per body piece piled up as garbage while a
 * large upload streamed (`arrayBuffers` up to ~71 MiB, peaks of 83-112 MiB in the adapter test).
 * With slabs handed back by the consumer, as the blob writer does, and node's pieces freed on
 * arrival, the memory of a 200 MiB upload stays at a few slabs.
 */
// First in the file, so that no garbage of the other cases is in its baseline.
(releasesChunks() ? test.serial : test.serial.skip)('a 200 MiB upload whose consumer hands slabs back holds a few MiB of buffers (Node 22+)', async (t) => {
  const total = 200 * MiB;
  let peak = 0;
  const base = process.memoryUsage().arrayBuffers;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().arrayBuffers - base); }, 20);
  await withServer((req, res) => {
    void (async () => {
      let consumed = 0;
      let last: Buffer | undefined;
      for await (const chunk of req.body as AsyncIterable<Buffer>) {
        consumed += chunk.length;
        recycleBefore(chunk);
        last = chunk;
        if (consumed % MiB < chunk.length) await sleep(2); // a disk at a few hundred MB/s
      }
      if (last) recycleAll(last);
      res.send(200, {}, String(consumed));
    })();
  }, async (port) => {
    t.is(await put(port, repeated(total), { 'content-length': String(total) }), String(total));
  });
  clearInterval(timer);
  t.log(`peak arrayBuffers growth ${(peak / MiB).toFixed(1)} MiB`);
  t.true(peak < 16 * MiB, `${(peak / MiB).toFixed(1)} MiB`);
});

test.serial('a large body arrives byte-exact through the slabs, by length and chunked', async (t) => {
  await withServer(verifyBody, async (port) => {
    const size = 5 * MiB + 12345;
    t.is(await put(port, generated(size), { 'content-length': String(size) }), String(size));
    t.is(await put(port, generated(size)), String(size)); // no length: chunked
    t.is(await put(port, generated(1000), { 'content-length': '1000' }), '1000'); // small: node's own buffers
  });
});

test.serial('past the first 64 KiB, chunks are views into 1 MiB slabs', async (t) => {
  const seen: number[] = [];
  await withServer((req, res) => {
    void (async () => {
      for await (const chunk of req.body as AsyncIterable<Buffer>) seen.push(chunk.buffer.byteLength);
      res.send(200, {}, 'ok');
    })();
  }, async (port) => {
    await put(port, generated(3 * MiB), { 'content-length': String(3 * MiB) });
  });
  t.true(seen.filter((n) => n === SLAB_BYTES).length > seen.length / 2, `backing sizes: ${[...new Set(seen)].join(', ')}`);
});

test.serial('a client abort mid-body errors the body', async (t) => {
  let bodyError: (Error & { code?: string }) | undefined;
  await withServer((req) => {
    void (async () => {
      for await (const _ of req.body) { /* read */ }
    })().catch((error: Error) => { bodyError = error; });
  }, async (port) => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 10000000\r\n\r\n' + 'x'.repeat(300_000));
    await sleep(100);
    socket.destroy();
    for (let i = 0; i < 100 && !bodyError; i++) await sleep(10);
    t.is(bodyError?.code, 'ECONNRESET');
  });
});

test.serial('a slow consumer holds the client back', async (t) => {
  let produced = 0;
  let consumed = 0;
  let maxAhead = 0;
  const total = 40 * MiB;
  await withServer((req, res) => {
    void (async () => {
      for await (const chunk of req.body as AsyncIterable<Buffer>) {
        consumed += chunk.length;
        maxAhead = Math.max(maxAhead, produced - consumed);
        if (consumed % MiB < chunk.length) await sleep(10);
      }
      res.send(200, {}, String(consumed));
    })();
  }, async (port) => {
    const body = generated(total);
    body.on('data', (c: Buffer) => { produced += c.length; });
    body.pause();
    t.is(await put(port, body, { 'content-length': String(total) }), String(total));
  });
  t.log(`at most ${(maxAhead / MiB).toFixed(1)} MiB sent but not consumed`);
  t.true(maxAhead < 16 * MiB, `${(maxAhead / MiB).toFixed(1)} MiB ahead`);
});

test.serial('an answer before the body is read leaves the connection usable', async (t) => {
  await withServer((req, res) => {
    if (req.method === 'PUT') return res.send(400, {}, 'refused');
    res.send(200, {}, 'next');
  }, async (port) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => { out += d.toString('latin1'); });
    await new Promise((r) => socket.once('connect', r));
    socket.write(`PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: ${MiB}\r\n\r\n` + 'x'.repeat(MiB));
    for (let i = 0; i < 200 && !out.includes('refused'); i++) await sleep(10);
    socket.write('GET /n HTTP/1.1\r\nHost: h\r\n\r\n');
    for (let i = 0; i < 200 && !out.endsWith('next'); i++) await sleep(10);
    socket.destroy();
    t.true(out.includes('refused'));
    t.true(out.endsWith('next'), 'the next request on the connection is answered');
  });
});

test.serial('a consumer that falls behind still gets slab views one by one, never joined copies', async (t) => {
  // Regression: as a byte stream, read() joined whatever was buffered into one fresh Buffer, so a
  // `for await` consumer that had waited got copies of up to 256 KiB: garbage for every batch,
  // and views the blob writer could not hand back.
  const backing = new SlabBacking();
  await withServer((req, res) => {
    void (async () => {
      let consumed = 0;
      for await (const chunk of req.body as AsyncIterable<Buffer>) {
        if (consumed > 64 * 1024) backing.add(chunk);
        consumed += chunk.length;
        if (consumed % MiB < chunk.length) await sleep(10);
      }
      res.send(200, {}, String(consumed));
    })();
  }, async (port) => {
    t.is(await put(port, repeated(20 * MiB), { 'content-length': String(20 * MiB) }), String(20 * MiB));
  });
  backing.check(t);
});

(releasesChunks() ? test.serial : test.serial.skip)('node\'s own buffer of each piece copied into a slab is freed on arrival (Node 22+)', async (t) => {
  const pool = new SlabPool();
  const pieces: Buffer[] = [];
  const lengths: number[] = [];
  const server = createServer((req, res) => {
    req.on('data', (piece: Buffer) => lengths.push(piece.length));
    const body = new NodeHttpRequestBody(req, pool);
    // Listening after the body, so this sees each piece once the body has dealt with it.
    req.on('data', (piece: Buffer) => pieces.push(piece));
    void (async () => {
      let n = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) n += chunk.length;
      res.end(String(n));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    t.is(await put(port, repeated(4 * MiB), { 'content-length': String(4 * MiB) }), String(4 * MiB));
  } finally {
    server.close();
  }
  let seen = 0;
  const kept = lengths.filter((n) => (seen += n) <= SMALL_BODY).length; // a body's first 64 KiB keeps node's buffers
  const freed = pieces.filter((p) => p.buffer.byteLength === 0).length;
  t.true(pieces.length > 16);
  t.is(freed, pieces.length - kept, `${freed} of ${pieces.length} pieces freed`);
});


for (const how of ['an iterator return', 'an AbortError'] as const) {
  test(`a body its consumer abandons mid-way (${how}) is drained, so the client reads the answer`, async (t) => {
    // Destroying the IncomingMessage here reset the connection under the client's writes: the
    // client never read the 400 (Node 24, an aws-chunked trailer refused mid-body).
    const handler: RequestHandler = async (req, res) => {
      const body = req.bodyChunks();
      if (how === 'an iterator return') {
        for await (const chunk of body) { void chunk; break; }
      } else {
        await body[Symbol.asyncIterator]().next();
        (body as Readable).destroy(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
      }
      res.send(400, { 'content-type': 'text/plain' }, 'refused');
    };
    await withServer(handler, async (port) => {
      t.is(await put(port, generated(16 * MiB)), 'refused');
      t.is(await put(port, generated(16 * MiB)), 'refused', 'and the server serves on');
    });
  });
}
