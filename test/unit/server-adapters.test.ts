/**
 * One suite, both adapters (STYLE.md habit 5): every case runs against uWS and node:http on
 * port 0. Serial, because the streaming cases measure this process's memory.
 */
import test from 'ava';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpServer } from '../../src/server/index.js';
import { uwsBuildFor } from '../../src/server/uws-loader.js';
import type { HttpServer, RequestHandler } from '../../src/server/types.js';

const ADAPTERS = ['uws', 'node-http'] as const;
const MiB = 1024 * 1024;

async function withServer(adapter: (typeof ADAPTERS)[number], handler: RequestHandler, fn: (port: number, server: HttpServer) => Promise<void>, maxHeaderBytes?: number): Promise<void> {
  const server = await createHttpServer({ adapter, handler, ...(maxHeaderBytes ? { maxHeaderBytes } : {}) });
  const port = await server.listen('127.0.0.1', 0);
  try {
    await fn(port, server);
  } finally {
    await server.close(1000);
  }
}

interface Reply { status: number; headers: IncomingMessage['headers']; body: Buffer }

/** A plain node:http client call; `body` may be a stream (sent chunked unless a length is set). */
function call(port: number, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | Readable; onResponse?: (res: IncomingMessage) => Promise<Buffer> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: opts.headers, agent: false }, (res) => {
      const read = opts.onResponse ? opts.onResponse(res) : collect(res);
      read.then((body) => resolve({ status: res.statusCode!, headers: res.headers, body }), reject);
    });
    req.on('error', reject);
    if (opts.body instanceof Readable) opts.body.pipe(req);
    else req.end(opts.body);
  });
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** Raw bytes over a socket: for what node's client hides (100 Continue, exact head bytes). */
function raw(port: number, steps: Array<string | { waitFor: string }>, idleMs = 300): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = connect(port, '127.0.0.1');
    let idle = setTimeout(() => socket.destroy(), idleMs);
    socket.on('data', (d) => {
      out += d.toString('latin1');
      clearTimeout(idle);
      idle = setTimeout(() => socket.destroy(), idleMs);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
    socket.on('connect', async () => {
      for (const step of steps) {
        if (typeof step === 'string') socket.write(step);
        else while (!out.includes(step.waitFor)) await sleep(5);
      }
    });
  });
}

/** A generated body: `total` bytes in 64 KiB chunks, counting what was produced. */
function generated(total: number, counter: { produced: number }): Readable {
  const block = Buffer.alloc(64 * 1024, 0x61);
  return new Readable({
    read() {
      const n = Math.min(block.length, total - counter.produced);
      if (n <= 0) return void this.push(null);
      counter.produced += n;
      this.push(n === block.length ? block : block.subarray(0, n));
    },
  });
}

function memorySampler(): { stop(): number } {
  const base = process.memoryUsage();
  let peak = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
  }, 25);
  return { stop: () => (clearInterval(timer), peak) };
}

const echoHead: RequestHandler = (req, res) => {
  res.send(200, { 'content-type': 'application/json' }, JSON.stringify({ method: req.method, path: req.path, query: req.query, headers: req.headers, remoteAddress: req.remoteAddress }));
};

/** Reads the whole body, answers its length. */
const countBody: RequestHandler = (req, res) => {
  collect(req.body).then((b) => res.send(200, {}, String(b.length)), () => undefined);
};

for (const adapter of ADAPTERS) {
  test.serial(`${adapter}: a simple GET`, async (t) => {
    await withServer(adapter, (_req, res) => res.send(200, { 'content-type': 'text/plain', 'x-custom': 'v' }, 'hello'), async (port, server) => {
      t.is(server.adapter, adapter);
      const r = await call(port, 'GET', '/');
      t.is(r.status, 200);
      t.is(r.body.toString(), 'hello');
      t.is(r.headers['content-length'], '5');
      t.is(r.headers['x-custom'], 'v');
    });
  });

  test.serial(`${adapter}: a request asking to close gets Connection: close and a closed socket; a list with close does not`, async (t) => {
    await withServer(adapter, (_req, res) => res.send(200, { 'content-type': 'text/plain' }, 'ok'), async (port) => {
      // RFC 9112 §9.6: the server SHOULD send close. uWS closed without saying so (jsv2trial).
      const closed = await raw(port, ['GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n'], 2000);
      t.regex(closed, /\r\nconnection: close\r\n/i);
      // Kept open (uWS closes only for `close` alone): the answer must not announce a close, and a
      // second request on the socket is answered.
      const kept = await raw(port, ['GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, te\r\n\r\n', { waitFor: '\r\n\r\nok' }, 'GET / HTTP/1.1\r\nHost: h\r\n\r\n']);
      t.notRegex(kept, /\r\nconnection: close\r\n/i);
      t.is(kept.split('HTTP/1.1 200').length, 3);
    });
  });

  test.serial(`${adapter}: the head is the status line and the headers as given, in order, with the server's own after them`, async (t) => {
    // uws-response.ts writes the status line and every header in one call; these are the bytes a
    // writeStatus and one writeHeader per header wrote (uWS then adds Date, its name and the length).
    const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'R1', 'Content-Length': '99', 'x-amz-crc32': '2745614147' };
    await withServer(adapter, (_req, res) => res.send(200, headers, '{}'), async (port) => {
      const out = await raw(port, ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'], 2000);
      const head = out.slice(0, out.indexOf('\r\n\r\n') + 4);
      if (adapter === 'uws') {
        t.regex(head, /^HTTP\/1\.1 200 OK\r\ncontent-type: application\/x-amz-json-1\.0\r\nx-amzn-requestid: R1\r\nx-amz-crc32: 2745614147\r\nConnection: close\r\nDate: [^\r]+\r\nuWebSockets: \d+\r\nContent-Length: 2\r\n\r\n$/);
      } else {
        t.regex(head, /^HTTP\/1\.1 200 OK\r\n/);
        t.regex(head, /\r\ncontent-type: application\/x-amz-json-1\.0\r\nx-amzn-requestid: R1\r\nx-amz-crc32: 2745614147\r\n/);
        t.regex(head, /\r\ncontent-length: 2\r\n/i);
      }
      t.is(out.slice(head.length), '{}');
    });
  });

  test.serial(`${adapter}: method, raw path, raw query and headers are copied`, async (t) => {
    await withServer(adapter, echoHead, async (port) => {
      const out = await raw(port, ['DELETE /b%20k/x%2Fy?list-type=2&prefix=a%2Fb&flag HTTP/1.1\r\nHost: h\r\nX-Amz-Meta-A: 1\r\nx-amz-meta-a: 2\r\nConnection: close\r\n\r\n']);
      const seen = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
      t.is(seen['method'], 'DELETE');
      t.is(seen['path'], '/b%20k/x%2Fy');
      t.is(seen['query'], 'list-type=2&prefix=a%2Fb&flag');
      t.like(seen['headers'] as object, { host: 'h', 'x-amz-meta-a': '1, 2' });
      t.regex(String(seen['remoteAddress']), /127\.0\.0\.1/);
      t.is((await call(port, 'GET', '/p')).status, 200); // no query: ''
    });
  });

  test.serial(`${adapter}: a 200 MiB upload consumed slowly keeps memory flat`, async (t) => {
    const total = 200 * MiB;
    const counter = { produced: 0 };
    let consumed = 0;
    let maxInFlight = 0;
    await withServer(adapter, (req, res) => {
      void (async () => {
        for await (const chunk of req.body) {
          consumed += (chunk as Buffer).length;
          maxInFlight = Math.max(maxInFlight, counter.produced - consumed);
          if (consumed % MiB < (chunk as Buffer).length) await sleep(5); // a slow disk: about 200 MB/s
        }
        res.send(200, {}, String(consumed));
      })();
    }, async (port) => {
      const mem = memorySampler();
      const r = await call(port, 'PUT', '/big', { headers: { 'content-length': String(total) }, body: generated(total, counter) });
      const peak = mem.stop();
      t.is(r.body.toString(), String(total));
      t.log(`peak heap+buffers growth ${(peak / MiB).toFixed(1)} MiB, max bytes sent but not consumed ${(maxInFlight / MiB).toFixed(1)} MiB`);
      t.true(maxInFlight < 48 * MiB, 'the client is held back while the consumer is behind');
      t.true(peak < 64 * MiB, 'memory does not grow with the body');
    });
  });

  test.serial(`${adapter}: a keep-alive connection serves the next request after a body whose last bytes came while paused`, async (t) => {
    // Regression: uWS v20.51 still hands over the rest of a read after res.pause(), so the last
    // chunk arrived while paused; nothing resumed the socket and the next request on the
    // connection was never read (clients saw ECONNRESET on a reused socket after a ~1 MB PUT).
    // A chunked body in one write puts many chunks into one read; a reader that waits fills the
    // high-water mark, so the body pauses midway and its end arrives while paused.
    await withServer(adapter, (req, res) => {
      if (req.method !== 'PUT') return res.send(200, {}, 'second answer');
      void sleep(100).then(() => collect(req.body)).then((b) => res.send(200, {}, `got ${b.length}`), () => undefined);
    }, async (port) => {
      const piece = 'a'.repeat(16 * 1024);
      const body = `${(16 * 1024).toString(16)}\r\n${piece}\r\n`.repeat(24) + '0\r\n\r\n';
      const out = await raw(port, [
        `PUT /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n${body}`,
        { waitFor: `got ${24 * 16 * 1024}` },
        'GET /next HTTP/1.1\r\nHost: h\r\n\r\n',
      ], 1000);
      t.true(out.includes(`got ${24 * 16 * 1024}`));
      t.true(out.endsWith('second answer'), 'the request after the upload is answered on the same connection');
    });
  });

  test.serial(`${adapter}: a 200 MiB download to a slow reader keeps memory flat`, async (t) => {
    const total = 200 * MiB;
    const counter = { produced: 0 };
    let received = 0;
    let maxAhead = 0;
    let done = false;
    await withServer(adapter, (_req, res) => {
      res.stream(200, { 'content-type': 'application/octet-stream' }, generated(total, counter), total).then(() => { done = true; }, () => undefined);
    }, async (port) => {
      const mem = memorySampler();
      const r = await call(port, 'GET', '/big', {
        onResponse: async (res) => {
          for await (const chunk of res) {
            received += (chunk as Buffer).length;
            maxAhead = Math.max(maxAhead, counter.produced - received);
            if (received % MiB < (chunk as Buffer).length) await sleep(5);
          }
          return Buffer.from(String(received));
        },
      });
      const peak = mem.stop();
      t.is(r.headers['content-length'], String(total));
      t.is(received, total);
      t.log(`peak heap+buffers growth ${(peak / MiB).toFixed(1)} MiB, max bytes produced but not read ${(maxAhead / MiB).toFixed(1)} MiB`);
      t.true(maxAhead < 48 * MiB, 'the source is paused while the socket is full');
      t.true(peak < 64 * MiB);
      await sleep(20);
      t.true(done, 'stream() resolved');
    });
  });

  test.serial(`${adapter}: HEAD sends Content-Length once, no body, and the connection stays usable`, async (t) => {
    await withServer(adapter, (req, res) => {
      if (req.method === 'HEAD') res.send(200, { etag: '"x"', 'content-length': '999' }, undefined, { contentLength: 1234 });
      else res.send(200, {}, 'after');
    }, async (port) => {
      const out = await raw(port, ['HEAD /o HTTP/1.1\r\nHost: h\r\n\r\n', { waitFor: '\r\n\r\n' }, 'GET /o HTTP/1.1\r\nHost: h\r\n\r\n', { waitFor: 'after' }]);
      const [head, second] = out.split(/(?=HTTP\/1\.1 200)/g).slice(0, 2) as [string, string];
      t.is(head.match(/content-length: 1234\r\n/gi)?.length, 1);
      t.true(head.endsWith('\r\n\r\n'), 'no body bytes after the head');
      t.true(second.endsWith('after'));
    });
  });

  test.serial(`${adapter}: 204 has no body`, async (t) => {
    await withServer(adapter, (_req, res) => res.send(204, {}), async (port) => {
      const out = await raw(port, ['DELETE /o HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n']);
      t.regex(out, /^HTTP\/1\.1 204 No Content\r\n/);
      t.true(out.endsWith('\r\n\r\n'));
    });
  });

  test.serial(`${adapter}: a client abort mid-upload errors the body and fires onAborted`, async (t) => {
    let bodyError: Error | undefined;
    let abortedFired = false;
    await withServer(adapter, (req, res) => {
      if (req.method === 'GET') return res.send(200, {}, 'still up');
      res.onAborted(() => { abortedFired = true; });
      void collect(req.body).catch((error: Error) => { bodyError = error; });
    }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write('PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 10000000\r\n\r\n' + 'x'.repeat(100_000));
      await sleep(100);
      socket.destroy();
      for (let i = 0; i < 100 && !(bodyError && abortedFired); i++) await sleep(10);
      t.truthy(bodyError, 'the body stream errored');
      t.true(abortedFired);
      t.is((await call(port, 'GET', '/')).body.toString(), 'still up');
    });
  });

  test.serial(`${adapter}: a client abort mid-download resolves stream() and destroys the source`, async (t) => {
    const counter = { produced: 0 };
    let source: Readable | undefined;
    let settled = false;
    await withServer(adapter, (req, res) => {
      if (req.path === '/next') return res.send(200, {}, 'next');
      source = generated(100 * MiB, counter);
      res.stream(200, {}, source, 100 * MiB).then(() => { settled = true; }, () => { settled = true; });
    }, async (port) => {
      await new Promise<void>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/big', agent: false }, (res) => {
          let got = 0;
          res.on('data', (c: Buffer) => { got += c.length; if (got > MiB) { req.destroy(); resolve(); } });
        });
        req.on('error', () => resolve());
        req.end();
      });
      for (let i = 0; i < 100 && !settled; i++) await sleep(10);
      t.true(settled, 'stream() settled');
      t.true(source!.destroyed, 'the source was destroyed');
      t.true(counter.produced < 50 * MiB, 'production stopped');
      t.is((await call(port, 'GET', '/next')).body.toString(), 'next');
    });
  });

  test.serial(`${adapter}: Expect: 100-continue gets 100 before the body is sent`, async (t) => {
    await withServer(adapter, countBody, async (port) => {
      const out = await raw(port, ['PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n', { waitFor: '100 Continue\r\n\r\n' }, 'hello']);
      t.regex(out, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
      t.true(out.endsWith('\r\n5'));
    });
  });

  // RFC 9110 §10.1.1: the value is case-insensitive. Go v1 sends "100-Continue"; uWS answers only
  // the lower-case spelling itself (src/server/uws-continue.ts answers the rest).
  for (const spelling of ['100-Continue', '100-CONTINUE']) {
    test.serial(`${adapter}: Expect: ${spelling} gets 100 before the body; the final head is whole, with or without headers, and the socket stays usable`, async (t) => {
      const handler: RequestHandler = (req, res) => {
        if (req.path === '/plain') return void collect(req.body).then((b) => res.send(200, {}, String(b.length)), () => undefined);
        if (req.path === '/stream') return void collect(req.body).then((b) => res.stream(201, { 'x-seen': String(b.length) }, Readable.from([Buffer.from('str'), Buffer.from('eam')]), 6), () => undefined);
        collect(req.body).then((b) => res.send(403, { 'content-type': 'text/plain', 'x-amz-request-id': 'R1' }, `n=${b.length}`), () => undefined);
      };
      await withServer(adapter, handler, async (port) => {
        const plain = await raw(port, [`PUT /plain HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: ${spelling}\r\n\r\n`, { waitFor: '100 Continue\r\n\r\n' }, 'hello', { waitFor: '\r\n\r\n5' }, 'GET /plain HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n']);
        t.regex(plain, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n[^]*\r\n\r\n5HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\n0$/i, plain);
        t.is(plain.split('100 Continue').length, 2, plain);
        const withHeaders = await raw(port, [`PUT /h HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: ${spelling}\r\nConnection: close\r\n\r\n`, { waitFor: '100 Continue\r\n\r\n' }, 'abc']);
        t.regex(withHeaders, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 403 Forbidden\r\n/, withHeaders);
        t.regex(withHeaders, /\r\ncontent-type: text\/plain\r\n/i);
        t.regex(withHeaders, /\r\nx-amz-request-id: R1\r\n/i);
        t.regex(withHeaders, /\r\nconnection: close\r\n/i);
        t.true(withHeaders.endsWith('\r\n\r\nn=3'), withHeaders);
        const streamed = await raw(port, [`PUT /stream HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nExpect: ${spelling}\r\nConnection: close\r\n\r\n`, { waitFor: '100 Continue\r\n\r\n' }, 'xy']);
        t.regex(streamed, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 Created\r\n/, streamed);
        t.regex(streamed, /\r\nx-seen: 2\r\n/i);
        t.true(streamed.endsWith('\r\n\r\nstream'), streamed);
      });
    });
  }

  test.serial(`${adapter}: a chunked request body without Content-Length is delivered`, async (t) => {
    await withServer(adapter, countBody, async (port) => {
      const out = await raw(port, ['POST /o HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n', '6\r\n world\r\n0\r\n\r\n']);
      t.true(out.endsWith('\r\n11'), out);
      const counter = { produced: 0 };
      t.is((await call(port, 'PUT', '/s', { body: generated(3 * MiB + 7, counter) })).body.toString(), String(3 * MiB + 7));
    });
  });

  test.serial(`${adapter}: an oversized head gets 431 and the server keeps serving`, async (t) => {
    await withServer(adapter, (_req, res) => res.send(200, {}, 'ok'), async (port) => {
      const r = await call(port, 'GET', '/', { headers: { 'x-big': 'a'.repeat(10_000) } }).catch((e: Error) => e);
      t.is((r as Reply).status, 431);
      t.is((await call(port, 'GET', '/', { headers: { 'x-small': 'a'.repeat(1000) } })).body.toString(), 'ok');
    }, 8192);
  });

  // uWS v20.30 (Node 20's build) hangs up past 47 headers and resets ten-digit Content-Lengths
  // (documented limits): skipped there, since a hung-up exchange leaves the test's server open.
  const v2030 = adapter === 'uws' && uwsBuildFor(process.versions.modules).uwsVersion === 'v20.30';
  (v2030 ? test.serial.skip : test.serial)(`${adapter}: a head up to the default limit (16 KiB) is served, and 90 headers more`, async (t) => {
    // Regression: uWS v20.51 refuses heads over 4 KiB unless UWS_HTTP_MAX_HEADERS_SIZE is set
    // before it loads (the loader sets it); S3 accepts a PUT head of 8 KiB.
    await withServer(adapter, (req, res) => res.send(200, {}, String(Object.keys(req.headers).length)), async (port) => {
      t.is((await call(port, 'GET', '/', { headers: { 'x-big': 'a'.repeat(15_000) } })).body.toString(), '3'); // + host, connection
      const many: Record<string, string> = {};
      for (let i = 0; i < 90; i++) many[`x-amz-meta-h${i}`] = 'v';
      t.is((await call(port, 'GET', '/', { headers: many })).body.toString(), '92');
      const r = await call(port, 'GET', '/', { headers: { 'x-big': 'a'.repeat(80_000) } }).catch((e: Error) => e);
      t.is((r as Reply).status, 431, 'past what uWS itself accepts, still a 431');
    });
  });

  (v2030 ? test.serial.skip : test.serial)(`${adapter}: a Content-Length of ten or more digits reaches the handler`, async (t) => {
    // The uWS build used before v20.51 reset such connections; S3 allows single PUTs of 5 GiB.
    await withServer(adapter, (req, res) => res.send(400, {}, `declared ${req.headers['content-length']}`), async (port) => {
      const out = await raw(port, ['PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 5368709121\r\n\r\nabc', { waitFor: 'declared' }]);
      t.regex(out, /^HTTP\/1\.1 400 /);
      t.true(out.endsWith('declared 5368709121'));
    });
  });

  test.serial(`${adapter}: close() lets an in-flight request finish`, async (t) => {
    // close() once the request is in the handler (not after a fixed sleep, which a busy machine outruns).
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => { arrived = resolve; });
    const server = await createHttpServer({ adapter, handler: (_req, res) => { arrived(); void sleep(150).then(() => res.send(200, {}, 'late')); } });
    const port = await server.listen('127.0.0.1', 0);
    const pending = call(port, 'GET', '/');
    await inHandler;
    await server.close(2000);
    t.is((await pending).body.toString(), 'late');
    await t.throwsAsync(call(port, 'GET', '/'));
  });
}
