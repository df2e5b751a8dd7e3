/**
 * The plain GetObject/HeadObject fast path (src/gateway/s3-object-read.ts) answers exactly as the
 * generic path does: two gateways over one store, one with the fast path off, get the same
 * requests, and their full responses (status, headers, body) must be equal. Also checks which
 * requests the fast path takes, so the comparison does not silently cover only the generic path.
 */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openNativeStore } from '../../native-store/index.js';
import { createLogger } from '../../src/log.js';
import { createWorkerPool } from '../../src/pool/index.js';
import { RequestMetrics } from '../../src/metrics/request-metrics.js';
import { loadModel } from '../../src/model/generated/index.js';
import { createGateway, type GatewayDeps } from '../../src/gateway/gateway.js';
import { createVirtualHostParser } from '../../src/gateway/s3-host.js';
import { plainObjectRead } from '../../src/gateway/s3-object-read.js';
import { ServiceRegistry } from '../../src/gateway/service-registry.js';
import { scopeFromQuery } from '../../src/protocols/shared/sigv4-scope.js';
import type { HttpRequest, HttpResponse, RequestHandler } from '../../src/server/types.js';

interface Answer { status: number; headers: Record<string, string>; body: string }

function call(handler: RequestHandler, method: string, url: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> {
  const [path = '/', query = ''] = url.split('?', 2);
  const withHost = { host: '127.0.0.1:4566', ...headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const req: HttpRequest = { method, path, query, headers: withHost, remoteAddress: '127.0.0.1', body: Readable.from(body ? [body] : []) };
  return new Promise((resolve) => {
    const res: HttpResponse = {
      aborted: false,
      onAborted: () => undefined,
      send: (status, h, b, headOnly) => {
        resolve({ status, headers: { ...h, ...(headOnly ? { 'content-length': String(headOnly.contentLength) } : {}) }, body: b === undefined ? '' : Buffer.from(b).toString('latin1') });
      },
      stream: async (status, h, source, length) => {
        const chunks: Buffer[] = [];
        for await (const chunk of source) chunks.push(Buffer.from(chunk as Buffer));
        resolve({ status, headers: { ...h, 'content-length': String(length) }, body: Buffer.concat(chunks).toString('latin1') });
      },
    };
    handler(req, res);
  });
}

const presign = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=AK%2F20261121%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T183724Z&X-Amz-Expires=3600&X-Amz-Signature=00ff&X-Amz-SignedHeaders=host';

test('plain GetObject/HeadObject: the fast path and the generic path give identical answers', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-plain-read-'));
  const log = createLogger('silent');
  const store = await openNativeStore({ dir, durability: 'process', log });
  const pool = createWorkerPool();
  try {
    const registry = new ServiceRegistry({ storage: async () => store, pool, features: new Set(), log, durability: 'process' });
    const deps: GatewayDeps = {
      registry, pool, log, defaultAccountId: '000000000000', features: new Set(), metrics: new RequestMetrics(), virtualHost: createVirtualHostParser(),
      // Fixed ids, so the two gateways' answers can be compared whole.
      ids: { s3: () => ({ requestId: '0123456789ABCDEF', hostId: 'aG9zdA==' }), uuid: () => '00000000-0000-0000-0000-000000000000' },
      internal: { version: 'test', httpAdapter: () => 'test', features: () => [], registry, reset: async () => undefined, info: () => ({}), metrics: async () => ({ contentType: 'text/plain', text: '' }) },
    };
    const fast = createGateway(deps);
    const generic = createGateway({ ...deps, plainReadFastPath: false });

    t.is((await call(generic, 'PUT', '/plain-read')).status, 200);
    const put = (key: string, body: Buffer, headers: Record<string, string> = {}): Promise<Answer> => call(generic, 'PUT', `/plain-read/${key}`, headers, body);
    t.is((await put('small.bin', Buffer.from('hello, plain read'))).status, 200);
    t.is((await put('empty', Buffer.alloc(0))).status, 200);
    t.is((await put('dir/with%20space%20%C3%A9', Buffer.alloc(70 * 1024, 7), {
      'content-type': 'text/plain', 'cache-control': 'no-cache', 'x-amz-meta-colour': 'blue', 'content-disposition': 'inline',
      'expires': 'Wed, 21 Oct 2026 07:28:00 GMT', 'x-amz-tagging': 'a=1',
    })).status, 200);
    // One S3 request through `fast` so it knows the S3 model and takes the fast path from now on.
    await call(fast, 'GET', '/plain-read/small.bin');

    const etag = (await call(generic, 'HEAD', '/plain-read/small.bin')).headers.etag ?? '';
    const requests: [method: string, url: string, headers?: Record<string, string>][] = [
      ['GET', '/plain-read/small.bin'],
      ['GET', `/plain-read/small.bin?${presign}&x-id=GetObject`],
      ['HEAD', `/plain-read/small.bin?${presign}`],
      ['GET', '/plain-read/empty'],
      ['HEAD', '/plain-read/empty'],
      ['GET', '/plain-read/dir/with%20space%20%C3%A9'],
      ['HEAD', '/plain-read/dir/with%20space%20%C3%A9?x-id=HeadObject'],
      ['GET', '/plain-read/missing'],
      ['HEAD', '/plain-read/missing'],
      ['GET', '/no-such-bucket/small.bin'],
      ['HEAD', '/no-such-bucket/small.bin'],
      ['GET', '/plain-read/dir/'],
      ['GET', '/plain-read/bad%E0%A4%A'],
      // Not plain: these take the generic path in both gateways, and must still agree.
      ['GET', '/plain-read/small.bin', { range: 'bytes=2-5' }],
      ['GET', '/plain-read/small.bin', { 'if-none-match': etag }],
      ['HEAD', '/plain-read/small.bin', { 'if-match': '"nope"' }],
      ['GET', '/plain-read/small.bin?response-content-type=text/csv'],
      ['GET', '/plain-read/small.bin?partNumber=1'],
      ['GET', '/plain-read/small.bin?tagging'],
      ['GET', '/plain-read/small.bin', { 'x-amz-checksum-mode': 'ENABLED' }],
      ['GET', '/small.bin', { host: 'plain-read.localhost:4566' }],
    ];
    for (const [method, url, headers] of requests) {
      const [a, b] = [await call(fast, method, url, headers), await call(generic, method, url, headers)];
      t.deepEqual(a, b, `${method} ${url} ${JSON.stringify(headers ?? {})}`);
    }
  } finally {
    await pool.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the fast path takes plain reads only', async (t) => {
  const model = await loadModel('s3');
  const vh = createVirtualHostParser();
  const plain = (method: string, url: string, headers: Record<string, string> = {}): boolean => {
    const [path = '/', query = ''] = url.split('?', 2);
    const req: HttpRequest = { method, path, query, headers: { host: 'localhost:4566', ...headers }, remoteAddress: '', body: Readable.from([]) };
    return plainObjectRead(model, req, scopeFromQuery(query), vh) !== undefined;
  };
  t.true(plain('GET', `/b/k?${presign}&x-id=GetObject`));
  t.true(plain('HEAD', '/b/dir/k%20'));
  t.false(plain('PUT', '/b/k'));
  t.false(plain('GET', '/b/'));
  t.false(plain('GET', '/b'));
  t.false(plain('GET', '/b/k?x-id=HeadObject'));
  t.false(plain('GET', '/b/k?versionId=1'));
  t.false(plain('GET', '/b/k?uploadId=1'));
  t.false(plain('GET', '/b/k', { range: 'bytes=0-1' }));
  t.false(plain('GET', '/b/k', { 'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT' }));
  t.false(plain('GET', '/b/k', { 'x-amz-server-side-encryption-customer-key-md5': 'x' }));
  t.false(plain('GET', '/b/k', { 'content-length': '3' }));
  t.false(plain('GET', '/k', { host: 'b.localhost:4566' }));
  t.false(plain('GET', '/b/k', { 'x-amz-target': 'DynamoDB_20120810.GetItem' }));
  t.false(plain('GET', '/b/k%E0%A4%A'));
});
