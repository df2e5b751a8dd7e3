/**
 * Hostile HTTP/S endpoints against the SNS outbox (delivery/http-outbox.ts): answers of every
 * class, redirects (never followed), a connection reset before or during the answer, a reply
 * that is no HTTP, a port nobody listens on. A 2xx, 3xx or a 4xx other than 429 ends the
 * delivery after one POST, not dead-lettered; a 5xx, a 429 or a network failure is retried per
 * the policy and, retries used up, handed to onFailed (radkawar/stackd
 * testdata/aws/sns/external_feedback.json, native AWS 2026-09-22: an endpoint's 400 and 302 logged
 * SUCCESS and never retried, its 503 and 429 retried and dead-lettered). An entry whose
 * subscription is gone (DeleteTopic) is not sent again (one in flight as it goes may still reach
 * onFailed, where the deliverer finds no subscription and only logs). Nothing is left in the store. Driven
 * directly, over the in-memory store, with a policy of two immediate retries (the whole server
 * retries on SNS's default schedule, 20 s apart). Found by the fuzz19 helper: every row already
 * answered so; pinned here.
 */
import test from 'ava';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { createLogger } from '../../../src/log.js';
import { retryDelay, type RetryPolicy } from '../../../src/services/sns/delivery-policy.js';
import { HttpOutbox, type OutboxEntry } from '../../../src/services/sns/delivery/http-outbox.js';
import { OUTBOX_PREFIX, SNS_NS, prefixRange } from '../../../src/services/sns/keys.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';

const TWO_RETRIES_AT_ONCE: RetryPolicy = {
  minDelayTarget: 0, maxDelayTarget: 0, numRetries: 2, numNoDelayRetries: 2, numMinDelayRetries: 0, numMaxDelayRetries: 0, backoffFunction: 'linear',
};
const SLOW_RETRIES: RetryPolicy = { ...TWO_RETRIES_AT_ONCE, numNoDelayRetries: 0, numMinDelayRetries: 2, minDelayTarget: 1, maxDelayTarget: 1 };

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
const answer = (status: number, headers: Record<string, string> = {}): Behaviour => (req, res) => req.resume().on('end', () => { res.writeHead(status, headers); res.end('x'); });
// [path, behaviour, POSTs expected (1 + retries), dead-lettered]
const ROWS: Array<[string, Behaviour, number, boolean]> = [
  ['200', answer(200), 1, false], ['204', answer(204), 1, false], ['299', answer(299), 1, false],
  ['301', answer(301, { location: '/target' }), 1, false], ['302', answer(302, { location: '/target' }), 1, false],
  ['307', answer(307, { location: '/target' }), 1, false], ['308 elsewhere', answer(308, { location: 'http://127.0.0.1:1/' }), 1, false],
  ['400', answer(400), 1, false], ['403', answer(403), 1, false], ['404', answer(404), 1, false], ['413', answer(413), 1, false], ['499', answer(499), 1, false],
  ['429', answer(429), 3, true], ['500', answer(500), 3, true], ['503', answer(503), 3, true], ['599', answer(599), 3, true],
  ['reset before answer', (req) => req.resume().on('end', () => req.socket.destroy()), 3, true],
  ['reset mid-body', (req, res) => req.resume().on('end', () => { res.writeHead(200, { 'content-length': '100' }); res.write('partial'); setTimeout(() => res.socket?.destroy(), 10); }), 1, false],
];

test('answers of every class, resets and redirects: one POST and done, or retried and dead-lettered', async (t) => {
  t.timeout(15_000);
  const posts = new Map<string, number>();
  const endpoint = createServer((req, res) => {
    const path = decodeURIComponent(req.url!.slice(1));
    posts.set(path, (posts.get(path) ?? 0) + 1);
    const row = ROWS.find(([p]) => p === path);
    if (row) row[1](req, res);
    else answer(200)(req, res);
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  // A server that answers no HTTP at all, and a port nobody listens on.
  const sockets = new Set<Socket>();
  const garbage = createTcpServer((socket) => { sockets.add(socket); socket.end('NOT HTTP\r\n\r\n'); });
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  const closed = createTcpServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));

  const base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`;
  const storage = createMemoryStorage();
  const failed: string[] = [];
  const outbox = new HttpOutbox({
    meta: storage.meta, log: createLogger('silent'), isVoid: () => false, retryOf: () => TWO_RETRIES_AT_ONCE, retryDelay,
    onFailed: async (entry) => { failed.push(entry.url); },
  });
  const entry = (url: string): Omit<OutboxEntry, 'id' | 'attempt' | 'due'> => ({
    kind: 'Notification', subscriptionArn: 'arn:aws:sns:us-east-1:000000000000:t:s', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', url, body: '{}', headers: {},
  });
  try {
    await outbox.open();
    const extra = [`http://127.0.0.1:${(garbage.address() as AddressInfo).port}/`, `http://127.0.0.1:${closedPort}/`];
    await outbox.enqueue([...ROWS.map(([path]) => entry(base + encodeURIComponent(path))), ...extra.map(entry)]);
    for (const end = Date.now() + 10_000; outbox.pending > 0 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(outbox.pending, 0, JSON.stringify([...posts]));
    for (const [path, , count, dead] of ROWS) {
      t.is(posts.get(path), count, `${path}: POSTs`);
      t.is(failed.includes(base + encodeURIComponent(path)), dead, `${path}: dead-lettered`);
    }
    t.is(posts.get('target'), undefined, 'no redirect followed');
    t.deepEqual(failed.filter((u) => extra.includes(u)).sort(), [...extra].sort(), 'no HTTP and no listener: retried out and dead-lettered');
    const left: string[] = [];
    for await (const [key] of storage.meta.iterate(SNS_NS, prefixRange(OUTBOX_PREFIX))) left.push(key);
    t.deepEqual(left, [], 'nothing left in the outbox');
  } finally {
    await outbox.close();
    await storage.close();
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => garbage.close(resolve));
  }
});

test('a notification whose subscription goes (DeleteTopic) between its retries is not sent again', async (t) => {
  let posts = 0;
  const endpoint = createServer((req, res) => { posts++; answer(503)(req, res); });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const storage = createMemoryStorage();
  let gone = false;
  const failed: string[] = [];
  const outbox = new HttpOutbox({
    meta: storage.meta, log: createLogger('silent'), isVoid: () => gone, retryOf: () => (gone ? undefined : SLOW_RETRIES), retryDelay,
    onFailed: async (entry) => { failed.push(entry.url); },
  });
  try {
    await outbox.open();
    await outbox.enqueue(Array.from({ length: 5 }, () => ({
      kind: 'Notification' as const, subscriptionArn: 'arn:aws:sns:us-east-1:000000000000:t:s', topicArn: 'arn:aws:sns:us-east-1:000000000000:t',
      url: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`, body: '{}', headers: {},
    })));
    for (const end = Date.now() + 5_000; posts < 5 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 10));
    t.is(posts, 5, 'each sent once');
    gone = true;
    for (const end = Date.now() + 5_000; outbox.pending > 0 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(outbox.pending, 0);
    t.is(posts, 5, 'none sent after the subscription went');
    const left: string[] = [];
    for await (const [key] of storage.meta.iterate(SNS_NS, prefixRange(OUTBOX_PREFIX))) left.push(key);
    t.deepEqual(left, []);
  } finally {
    await outbox.close();
    await storage.close();
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
  }
});

test('an endpoint that never answers, or stops mid-body, times out: retried, dead-lettered, and no socket left open per try', async (t) => {
  const open = new Set<Socket>();
  let posts = 0;
  // The sockets that carried a POST and are still open (the client may also open a spare one).
  const endpoint = createServer((req, res) => {
    posts++;
    open.add(req.socket);
    req.socket.on('close', () => open.delete(req.socket));
    // "/body": the head, then nothing more; otherwise nothing at all.
    if (req.url === '/body') req.resume().on('end', () => { res.writeHead(200, { 'content-length': '100' }); res.write('x'); });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const storage = createMemoryStorage();
  const failed: string[] = [];
  const outbox = new HttpOutbox({
    meta: storage.meta, log: createLogger('silent'), isVoid: () => false, retryOf: () => TWO_RETRIES_AT_ONCE, retryDelay, timeoutMs: 200,
    onFailed: async (entry) => { failed.push(entry.url); },
  });
  const base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  try {
    await outbox.open();
    await outbox.enqueue(['/hang', '/body'].map((path) => ({
      kind: 'Notification' as const, subscriptionArn: 'arn:aws:sns:us-east-1:000000000000:t:s', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', url: base + path, body: '{}', headers: {},
    })));
    for (const end = Date.now() + 5_000; outbox.pending > 0 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(outbox.pending, 0);
    t.is(posts, 6, 'each tried three times');
    t.deepEqual(failed.sort(), [`${base}/body`, `${base}/hang`]);
    for (const end = Date.now() + 1_000; open.size > 0 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(open.size, 0, 'every timed-out request was aborted, its socket closed');
  } finally {
    await outbox.close();
    await storage.close();
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
  }
});
