/**
 * Regression: malformed heads hung the socket or were served. node:http took `GET /` (HTTP/0.9,
 * no version) followed by a blank line as a request and answered 200, and without the blank line
 * waited 60 s; the uWS build before @based/uws answered none of these and held the socket until
 * its 10 s idle timeout. Every malformed head must get an HTTP error status and a close within
 * a second (node:http: 400; uWS answers 400 or, for request lines without a valid version, 505).
 * Raw node:net sockets, since no HTTP client can send these.
 */
import test from 'ava';
import { connect } from 'node:net';
import { SERVED_BY_UWS_V20_30, SERVING_ADAPTER, startBoltstack } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Outcome { answer: string; closedAfterMs: number | undefined }

/** Writes `data`, then collects what comes back until the server closes or `waitMs` passes. */
function exchange(data: string, waitMs = 1000): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(server.port, '127.0.0.1', () => socket.write(data, 'latin1'));
    const timer = setTimeout(() => { socket.destroy(); resolve({ answer, closedAfterMs: undefined }); }, waitMs);
    socket.on('data', (chunk: Buffer) => { answer += chunk.toString('latin1'); });
    socket.on('error', () => undefined);
    socket.on('close', () => { clearTimeout(timer); resolve({ answer, closedAfterMs: Date.now() - started }); });
  });
}

const MALFORMED: Record<string, string> = {
  'HTTP/0.9 request line': 'GET /\r\n',
  'HTTP/0.9 request line and a blank line': 'GET /\r\n\r\n',
  'unknown HTTP version': 'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  'binary bytes': '\x00\x01\x02\x03\r\n\r\n',
  'two words, no version': 'gar bage\r\n\r\n',
  'NUL in a header value': 'GET / HTTP/1.1\r\nHost: x\r\nx-a: a\x00b\r\n\r\n',
  'a header line without a colon': 'GET / HTTP/1.1\r\nHost: x\r\nbad line\r\n\r\n',
  'a Content-Length that is not a number': 'PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'a Content-Length past 2^64': 'PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n',
};

// uWS v20.30 (Node 20) answers none of these: it holds the socket until its idle timeout.
const headTest = SERVED_BY_UWS_V20_30 ? test.failing : test;

for (const [name, data] of Object.entries(MALFORMED)) {
  headTest(`${name}: an error status and a close within a second`, async (t) => {
    const outcome = await exchange(data);
    t.regex(outcome.answer, /^HTTP\/1\.1 [45]\d\d /, JSON.stringify(outcome.answer));
    if (SERVING_ADAPTER === 'node-http') t.regex(outcome.answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
    t.not(outcome.closedAfterMs, undefined, 'the socket was left open');
  });
}

// uWS (every build measured) waits for the rest of a request line that has no space at all and
// closes it silently at its idle timeout (~10 s); nothing in its API sees the bytes. Known gap.
(SERVING_ADAPTER === 'node-http' ? test : test.failing)('a request line without a space: 400 and close within a second', async (t) => {
  const outcome = await exchange('garbage\r\n\r\n');
  t.regex(outcome.answer, /^HTTP\/1\.1 400 /);
  t.not(outcome.closedAfterMs, undefined);
});

test('a connection that sends nothing is not refused (pre-opened keep-alive connections)', async (t) => {
  const outcome = await exchange('', 1500);
  t.is(outcome.answer, '');
  t.is(outcome.closedAfterMs, undefined);
});

test('after all of that the server still serves', async (t) => {
  const outcome = await exchange('GET /_boltstack/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 3000);
  t.regex(outcome.answer, /^HTTP\/1\.1 200 /);
});
