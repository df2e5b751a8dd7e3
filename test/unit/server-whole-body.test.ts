/**
 * HttpRequest.readWholeBody and discardBody on both adapters (one suite, STYLE.md habit 5). On
 * uWS a small body with a declared length is collected into one buffer without a stream
 * (src/server/uws-small-body.ts); every guarantee of the streamed body must hold for it too:
 * client aborts fail the reader and never hang it, too-large bodies are refused, an early answer
 * leaves the connection usable, 100-continue, and chunked bodies still stream.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpServer } from '../../src/server/index.js';
import { BodyTooLargeError } from '../../src/server/read-whole-body.js';
import type { RequestHandler } from '../../src/server/types.js';
import { SMALL_BODY } from '../../src/util/byte-slabs.js';

const ADAPTERS = ['uws', 'node-http'] as const;

async function withServer(adapter: (typeof ADAPTERS)[number], handler: RequestHandler, fn: (port: number) => Promise<void>): Promise<void> {
  const server = await createHttpServer({ adapter, handler });
  const port = await server.listen('127.0.0.1', 0);
  try {
    await fn(port);
  } finally {
    await server.close(1000);
  }
}

type Step = string | { waitFor: string } | { sleep: number };

/**
 * Raw bytes over one socket, step by step; resolves with everything received once the socket has
 * been idle for `idleMs` after the last step (a `waitFor` gives up after 5 s).
 */
function raw(port: number, steps: Step[], idleMs = 300): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = connect(port, '127.0.0.1');
    let idle: NodeJS.Timeout | undefined;
    const waitIdle = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.destroy(), idleMs);
    };
    socket.on('data', (d) => {
      out += d.toString('latin1');
      if (idle !== undefined) waitIdle();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
    socket.on('connect', async () => {
      for (const step of steps) {
        if (typeof step === 'string') socket.write(step);
        else if ('sleep' in step) await sleep(step.sleep);
        else for (let i = 0; i < 1000 && !out.includes(step.waitFor); i++) await sleep(5);
      }
      waitIdle();
    });
  });
}

/** Answers the body's length and SHA-256 as read by readWholeBody (413 past `limit`). */
const wholeBody = (limit = 1 << 30): RequestHandler => (req, res) => {
  req.readWholeBody(limit).then(
    (b) => res.send(200, {}, `${b.length} ${createHash('sha256').update(b).digest('hex').slice(0, 16)}`),
    (e: Error & { code?: string }) => res.send(e instanceof BodyTooLargeError ? 413 : 500, {}, e instanceof BodyTooLargeError ? `too large ${e.limit}` : String(e.code)),
  );
};

const digest = (s: string | Buffer): string => `${Buffer.byteLength(s)} ${createHash('sha256').update(s).digest('hex').slice(0, 16)}`;

for (const adapter of ADAPTERS) {
  test.serial(`${adapter}: readWholeBody gives a small body whole, in one piece or in several`, async (t) => {
    await withServer(adapter, wholeBody(), async (port) => {
      const one = await raw(port, ['POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world']);
      t.true(one.endsWith(`\r\n${digest('hello world')}`), one);
      const several = await raw(port, ['POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhel', { sleep: 50 }, 'lo wo', { sleep: 50 }, 'rld']);
      t.true(several.endsWith(`\r\n${digest('hello world')}`), several);
      // Exactly at the small-body limit, and one byte past it (the streamed path).
      for (const size of [SMALL_BODY, SMALL_BODY + 1]) {
        const body = Buffer.alloc(size, 0x62);
        const out = await raw(port, [`PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`, body.toString('latin1')]);
        t.true(out.endsWith(`\r\n${digest(body)}`), `${size}: ${out.slice(-40)}`);
      }
    });
  });

  test.serial(`${adapter}: readWholeBody of a request without a body is empty`, async (t) => {
    await withServer(adapter, wholeBody(), async (port) => {
      const out = await raw(port, ['GET /a HTTP/1.1\r\nHost: h\r\n\r\n', { waitFor: digest('') }, 'POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nConnection: close\r\n\r\n']);
      t.is(out.split(digest('')).length, 3, out);
    });
  });

  test.serial(`${adapter}: a client abort mid small body rejects readWholeBody, and the server keeps serving`, async (t) => {
    let failure: (Error & { code?: string }) | undefined;
    let abortedFired = false;
    await withServer(adapter, (req, res) => {
      if (req.method === 'GET') return res.send(200, {}, 'still up');
      res.onAborted(() => { abortedFired = true; });
      req.readWholeBody(1 << 20).catch((e: Error) => { failure = e; });
    }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write('POST /o HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n' + 'x'.repeat(10));
      await sleep(100);
      socket.destroy();
      for (let i = 0; i < 100 && !(failure && abortedFired); i++) await sleep(10);
      t.is(failure?.code, 'ECONNRESET');
      t.true(abortedFired);
      t.true((await raw(port, ['GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'])).endsWith('still up'));
    });
  });

  test.serial(`${adapter}: a client abort before a small body is read rejects the later readWholeBody at once`, async (t) => {
    let failure: (Error & { code?: string }) | undefined;
    let settle!: () => void;
    const aborted = new Promise<void>((r) => { settle = r; });
    await withServer(adapter, (req, res) => {
      res.onAborted(() => settle());
      void aborted.then(() => req.readWholeBody(1 << 20)).catch((e: Error) => { failure = e; });
    }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write('POST /o HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n' + 'x'.repeat(10));
      await sleep(50);
      socket.destroy();
      for (let i = 0; i < 100 && !failure; i++) await sleep(10);
      t.is(failure?.code, 'ECONNRESET');
    });
  });

  test.serial(`${adapter}: a body over the limit is refused, declared or chunked, and the connection keeps serving`, async (t) => {
    await withServer(adapter, wholeBody(100), async (port) => {
      const declared = await raw(port, [
        `POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 200\r\n\r\n${'x'.repeat(200)}`, { waitFor: 'too large 100' },
        'POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello',
      ]);
      t.regex(declared, /^HTTP\/1\.1 413 /);
      t.true(declared.endsWith(digest('hello')), declared);
      const chunked = await raw(port, [
        `POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n50\r\n${'x'.repeat(80)}\r\n50\r\n${'x'.repeat(80)}\r\n0\r\n\r\n`, { waitFor: 'too large 100' },
        'POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello',
      ]);
      t.regex(chunked, /^HTTP\/1\.1 413 /);
      t.true(chunked.endsWith(digest('hello')), chunked);
      // A large declared body refused before it is sent: the rest is drained as it comes.
      const big = await raw(port, [
        `POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: ${SMALL_BODY * 4}\r\n\r\nxx`, { waitFor: 'too large 100' }, 'x'.repeat(SMALL_BODY * 4 - 2),
        'POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello',
      ], 1000);
      t.true(big.endsWith(digest('hello')), big.slice(-200));
    });
  });

  test.serial(`${adapter}: an answer before a small body arrived drops the rest, and the connection serves the next request`, async (t) => {
    await withServer(adapter, (req, res) => {
      if (req.path === '/early') return res.send(400, {}, 'refused early');
      wholeBody()(req, res);
    }, async (port) => {
      const out = await raw(port, [
        'POST /early HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello', { waitFor: 'refused early' }, ' world',
        'POST /next HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc',
      ], 500);
      t.true(out.includes('refused early'));
      t.true(out.endsWith(digest('abc')), out);
    });
  });

  test.serial(`${adapter}: discardBody drops a small body nobody reads, and the connection stays usable`, async (t) => {
    await withServer(adapter, (req, res) => {
      if (req.path === '/drop') {
        req.discardBody();
        void sleep(50).then(() => res.send(200, {}, 'dropped'));
        return;
      }
      wholeBody()(req, res);
    }, async (port) => {
      const out = await raw(port, [
        'POST /drop HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello', { sleep: 20 }, ' world', { waitFor: 'dropped' },
        'POST /next HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc',
      ], 500);
      t.true(out.includes('dropped'));
      t.true(out.endsWith(digest('abc')), out);
    });
  });

  test.serial(`${adapter}: Expect: 100-continue gets 100 before a small body is read whole`, async (t) => {
    await withServer(adapter, wholeBody(), async (port) => {
      const out = await raw(port, ['POST /o HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n', { waitFor: '100 Continue\r\n\r\n' }, 'hello']);
      t.regex(out, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
      t.true(out.endsWith(digest('hello')));
    });
  });

  test.serial(`${adapter}: a chunked body is read whole through the stream`, async (t) => {
    await withServer(adapter, wholeBody(), async (port) => {
      const out = await raw(port, ['POST /o HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n', { sleep: 20 }, '6\r\n world\r\n0\r\n\r\n']);
      t.true(out.endsWith(digest('hello world')), out);
    });
  });

  test.serial(`${adapter}: a small body taken as a stream, before and after it arrived`, async (t) => {
    const streamed: RequestHandler = (req, res) => {
      const read = async (): Promise<Buffer> => {
        if (req.path === '/late') await sleep(50);
        const parts: Buffer[] = [];
        for await (const chunk of req.body) parts.push(chunk as Buffer);
        return Buffer.concat(parts);
      };
      read().then((b) => res.send(200, {}, digest(b)), () => undefined);
    };
    await withServer(adapter, streamed, async (port) => {
      for (const path of ['/early', '/late']) {
        const out = await raw(port, [`PUT ${path} HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello`, { sleep: 20 }, ' world']);
        t.true(out.endsWith(digest('hello world')), `${path}: ${out}`);
      }
    });
  });

  test.serial(`${adapter}: bodyChunks gives the body's bytes, small (one chunk on uWS) or streamed`, async (t) => {
    const pieces: number[] = [];
    await withServer(adapter, (req, res) => {
      void (async () => {
        const parts: Buffer[] = [];
        for await (const chunk of req.bodyChunks()) parts.push(Buffer.from(chunk));
        pieces.push(parts.length);
        res.send(200, {}, digest(Buffer.concat(parts)));
      })();
    }, async (port) => {
      const several = await raw(port, ['PUT /a HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhel', { sleep: 50 }, 'lo wo', { sleep: 50 }, 'rld']);
      t.true(several.endsWith(`\r\n${digest('hello world')}`), several);
      // A uWS small body is held whole: one chunk, however it arrived.
      if (adapter === 'uws') t.is(pieces[0], 1);
      for (const size of [SMALL_BODY, SMALL_BODY + 1]) {
        const body = Buffer.alloc(size, 0x63);
        const out = await raw(port, [`PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`, body.toString('latin1')]);
        t.true(out.endsWith(`\r\n${digest(body)}`), `${size}: ${out.slice(-40)}`);
      }
      const empty = await raw(port, ['PUT /c HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nConnection: close\r\n\r\n']);
      t.true(empty.endsWith(`\r\n${digest('')}`), empty);
    });
  });

  test.serial(`${adapter}: a client abort mid small body fails bodyChunks, and the server keeps serving`, async (t) => {
    let failure: (Error & { code?: string }) | undefined;
    await withServer(adapter, (req, res) => {
      if (req.method === 'GET') return res.send(200, {}, 'still up');
      void (async () => {
        for await (const _ of req.bodyChunks()) { /* drain */ }
      })().catch((e: Error) => { failure = e; });
    }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write('PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n' + 'x'.repeat(10));
      await sleep(100);
      socket.destroy();
      for (let i = 0; i < 100 && !failure; i++) await sleep(10);
      t.is(failure?.code, 'ECONNRESET');
      t.true((await raw(port, ['GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'])).endsWith('still up'));
    });
  });

  test.serial(`${adapter}: bodyChunks given up before reading drops the body, and the connection keeps serving`, async (t) => {
    await withServer(adapter, (req, res) => {
      if (req.method === 'GET') return res.send(200, {}, 'next answered');
      const it = req.bodyChunks()[Symbol.asyncIterator]();
      void it.return?.();
      res.send(400, {}, 'refused');
    }, async (port) => {
      const out = await raw(port, [
        `PUT /o HTTP/1.1\r\nHost: h\r\nContent-Length: 2000\r\n\r\n${'y'.repeat(1000)}`, { waitFor: 'refused' }, 'y'.repeat(1000),
        'GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n',
      ]);
      t.regex(out, /^HTTP\/1\.1 400 /);
      t.true(out.endsWith('next answered'), out);
    });
  });

  test.serial(`${adapter}: a small body sent by node's client arrives intact (keep-alive, many requests)`, async (t) => {
    await withServer(adapter, wholeBody(), async (port) => {
      for (let i = 0; i < 50; i++) {
        const body = Buffer.alloc(1 + ((i * 997) % SMALL_BODY), i);
        const text = await new Promise<string>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/k', headers: { 'content-length': String(body.length) } }, (res) => {
            let s = '';
            res.on('data', (d: Buffer) => { s += d.toString(); });
            res.on('end', () => resolve(s));
          });
          req.on('error', reject);
          req.end(body);
        });
        t.is(text, digest(body));
      }
    });
  });
}
