/**
 * Regression: heads past what the front end accepts were dropped without an answer (the uWS build
 * before @based/uws: more than 47 headers hung until its idle timeout, ~128 KiB of head reset
 * the connection). A head past the front end's limit must get 431 and a close; heads up to S3's
 * own 8 KiB limit (the largest a real S3 client sends) must be served — @based/uws refuses heads
 * over 4 KiB unless UWS_HTTP_MAX_HEADERS_SIZE is raised before it loads.
 */
import test from 'ava';
import { connect } from 'node:net';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, SERVED_BY_UWS_V20_30, SERVING_ADAPTER, startBoltstack } from '../helpers/server.js';

// uWS v20.30 (Node 20) hangs up past 47 headers or ~128 KiB of head without an answer.
const pastUwsV2030Limits = SERVED_BY_UWS_V20_30 ? test.failing : test;
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

function exchange(data: string, waitMs = 2000): Promise<{ answer: string; closed: boolean }> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(server.port, '127.0.0.1', () => socket.write(data));
    const timer = setTimeout(() => { socket.destroy(); resolve({ answer, closed: false }); }, waitMs);
    socket.on('data', (chunk: Buffer) => { answer += chunk.toString('latin1'); });
    socket.on('error', () => undefined);
    socket.on('close', () => { clearTimeout(timer); resolve({ answer, closed: true }); });
  });
}

const head = (headers: string): string => `GET /_boltstack/health HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;

test('the largest head a real S3 client sends is served: 2 KB of metadata, a 1,024-byte key', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'large-heads' }));
  const key = 'k/'.repeat(511) + 'kk';
  const Metadata: Record<string, string> = {};
  for (let i = 0; i < 8; i++) Metadata[`m${i}`] = 'v'.repeat(254);
  await s3.send(new PutObjectCommand({ Bucket: 'large-heads', Key: key, Body: 'x', Metadata, ContentType: 'text/plain', CacheControl: 'no-cache' }));
  t.deepEqual((await s3.send(new HeadObjectCommand({ Bucket: 'large-heads', Key: key }))).Metadata, Metadata);
});

test('an 8 KiB head (S3\'s limit) is served', async (t) => {
  const reply = await exchange(head(`x-pad: ${'a'.repeat(8000)}\r\n`));
  t.regex(reply.answer, /^HTTP\/1\.1 200 /);
});

pastUwsV2030Limits('60 headers are served', async (t) => {
  const many = Array.from({ length: 60 }, (_, i) => `x-h${i}: v\r\n`).join('');
  const reply = await exchange(head(many));
  t.regex(reply.answer, /^HTTP\/1\.1 200 /);
});

test('a 20 KiB head gets 431 and a close', async (t) => {
  const reply = await exchange(head(`x-pad: ${'a'.repeat(20 * 1024)}\r\n`));
  t.regex(reply.answer, /^HTTP\/1\.1 431 /);
  t.true(reply.closed);
});

pastUwsV2030Limits('a 200 KiB head gets 431 and a close, not a reset', async (t) => {
  const reply = await exchange(head(`x-pad: ${'a'.repeat(200 * 1024)}\r\n`));
  t.regex(reply.answer, /^HTTP\/1\.1 431 /);
  t.true(reply.closed);
});

// S3 has no header count limit of its own (only the 8 KiB section); uWS stops at 99 headers.
pastUwsV2030Limits('500 headers are answered: served (node:http) or 431 and a close (uWS)', async (t) => {
  const many = Array.from({ length: 500 }, (_, i) => `x-h${i}: v\r\n`).join('');
  const reply = await exchange(head(many));
  if (SERVING_ADAPTER === 'node-http') t.regex(reply.answer, /^HTTP\/1\.1 200 /);
  else {
    t.regex(reply.answer, /^HTTP\/1\.1 431 /);
    t.true(reply.closed);
  }
});
