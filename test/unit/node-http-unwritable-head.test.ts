/**
 * node:http throws on a header value it cannot write (a control character). The adapter answers
 * 500 at once instead of leaving the request unanswered (src/server/node-http-adapter.ts). uWS
 * writes what it is given, so the services refuse such values before they reach a response
 * (e.g. S3's response-* overrides, test/services/s3/response-override-header-values.test.ts).
 */
import test from 'ava';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { createNodeHttpServer } from '../../src/server/node-http-adapter.js';
import type { RequestHandler } from '../../src/server/types.js';

const later = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function statusOf(handler: RequestHandler): Promise<{ status: number; body: string }> {
  const server = createNodeHttpServer({ handler, reason: 'test' });
  const port = await server.listen('127.0.0.1', 0);
  try {
    return await new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 3000 }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => { body += d.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 3 s')));
      req.on('error', reject);
      req.end();
    });
  } finally {
    await server.close(1000);
  }
}

test('a header value node cannot write answers 500 at once (send)', async (t) => {
  // Answered later, as the gateway answers: a throw then reaches no catch of the adapter's.
  const answer = await statusOf((_req, res) => void later().then(() => res.send(200, { 'x-a': 'a\u0001b' }, 'hello')).catch(() => undefined));
  t.deepEqual(answer, { status: 500, body: 'Internal Server Error' });
});

test('a header value node cannot write answers 500 at once (stream)', async (t) => {
  let destroyed = false;
  const answer = await statusOf((_req, res) => {
    const body = Readable.from([Buffer.from('hello')]);
    body.once('close', () => { destroyed = true; });
    void later().then(() => res.stream(200, { 'content-type': 'a\r\nx-evil: 1' }, body, 5)).catch(() => undefined);
  });
  t.deepEqual(answer, { status: 500, body: 'Internal Server Error' });
  t.true(destroyed);
});
