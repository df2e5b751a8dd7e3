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
import { crc32 } from 'node:zlib';
import { openNativeStore } from '../../native-store/index.js';
import { createLogger } from '../../src/log.js';
import { createWorkerPool } from '../../src/pool/index.js';
import { RequestMetrics } from '../../src/metrics/request-metrics.js';
import { loadModel } from '../../src/model/generated/index.js';
import { createGateway, type GatewayDeps } from '../../src/gateway/gateway.js';
import { createVirtualHostParser } from '../../src/gateway/s3-host.js';
import { plainObjectRead } from '../../src/gateway/s3-object-read.js';
import { ServiceRegistry } from '../../src/gateway/service-registry.js';
import { scopeFromAuthorization, scopeFromQuery } from '../../src/protocols/shared/sigv4-scope.js';
import type { HttpRequest, HttpResponse, RequestHandler } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';

interface Answer { status: number; headers: Record<string, string>; body: string }

function call(handler: RequestHandler, method: string, url: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> {
  const [path = '/', query = ''] = url.split('?', 2);
  const withHost = { host: '127.0.0.1:4566', ...headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const req: HttpRequest = inMemoryRequest({ method, path, query, headers: withHost }, body);
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

/** The headers @aws-sdk/client-s3 (default settings) sends with GetObject, as bench s3-sdk-get captured them. */
const sdkHeaders = {
  'x-amz-checksum-mode': 'ENABLED',
  'x-amz-user-agent': 'aws-sdk-js/3.1168.0',
  'user-agent': 'aws-sdk-js/3.1168.0 ua/2.1 os/linux#6.18.44 lang/js md/nodejs#20.20.2 api/s3#3.1168.0 m/N,Z,b,E,e',
  'amz-sdk-invocation-id': '9770d576-566f-431d-99a4-efd2cbf28968',
  'amz-sdk-request': 'attempt=1; max=3',
  'x-amz-date': '20261205T073708Z',
  'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  authorization: 'AWS4-HMAC-SHA256 Credential=S3RVER/20261205/us-east-1/s3/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-checksum-mode;x-amz-content-sha256;x-amz-date;x-amz-user-agent, Signature=3b3b871b03e586698f7ab9f9c7b99a3b64741d4c6730ded0f350492ccd0cdce7',
};

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
      ids: { s3: () => ({ requestId: '0123456789ABCDEF', hostId: 'aG9zdA==' }), dynamodb: () => 'A'.repeat(52), uuid: () => '00000000-0000-0000-0000-000000000000' },
      internal: { version: 'test', httpAdapter: () => ({ adapter: 'test' }), features: () => [], registry, reset: async () => undefined, info: () => ({}), metrics: async () => ({ contentType: 'text/plain', text: '' }) },
    };
    const fast = createGateway(deps);
    const generic = createGateway({ ...deps, plainReadFastPath: false });

    t.is((await call(generic, 'PUT', '/plain-read')).status, 200);
    const put = (key: string, body: Buffer, headers: Record<string, string> = {}): Promise<Answer> => call(generic, 'PUT', `/plain-read/${key}`, headers, body);
    t.is((await put('small.bin', Buffer.from('hello, plain read'))).status, 200);
    t.is((await put('empty', Buffer.alloc(0))).status, 200);
    const summed = Buffer.from('checksummed');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(summed));
    t.is((await put('summed', summed, { 'x-amz-checksum-crc32': crc.toString('base64') })).status, 200);
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
      // What the AWS SDK sends: header auth, checksum mode and its own headers. String headers
      // (checksum mode, Range, If-Match) are decoded by the fast path too.
      ['GET', '/plain-read/small.bin?x-id=GetObject', sdkHeaders],
      ['GET', '/plain-read/summed?x-id=GetObject', sdkHeaders],
      ['HEAD', '/plain-read/summed', sdkHeaders],
      ['GET', '/plain-read/summed', { ...sdkHeaders, range: 'bytes=2-5' }],
      ['GET', '/plain-read/summed', { ...sdkHeaders, 'x-amz-checksum-mode': 'enabled' }],
      ['GET', '/plain-read/missing?x-id=GetObject', sdkHeaders],
      ['GET', '/no-such-bucket/summed?x-id=GetObject', sdkHeaders],
      ['GET', '/plain-read/dir/with%20space%20%C3%A9?x-id=GetObject', sdkHeaders],
      ['GET', '/plain-read/small.bin', { 'if-none-match': etag }],
      ['GET', '/plain-read/small.bin', { 'if-match': '"nope"' }],
      ['HEAD', '/plain-read/small.bin', { 'if-match': '"nope"' }],
      ['GET', '/plain-read/small.bin', { range: 'bytes=2-5' }],
      ['GET', '/plain-read/small.bin', { range: 'bytes=99-' }],
      ['GET', '/plain-read/summed', { 'x-amz-expected-bucket-owner': '111122223333' }],
      ['GET', '/plain-read/summed', { 'x-amz-server-side-encryption-customer-algorithm': 'AES256' }],
      // Not plain: these take the generic path in both gateways, and must still agree.
      ['GET', '/plain-read/small.bin', { 'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT' }],
      ['HEAD', '/plain-read/small.bin', { 'if-unmodified-since': 'garbage' }],
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
    // The SDK's checksum mode reaches the handler on the fast path: the stored checksum is answered.
    const sdkGet = await call(fast, 'GET', '/plain-read/summed?x-id=GetObject', sdkHeaders);
    t.is(sdkGet.headers['x-amz-checksum-crc32'], crc.toString('base64'));
    t.is(sdkGet.body, 'checksummed');
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
    const req: HttpRequest = inMemoryRequest({ method, path, query, headers: { host: 'localhost:4566', ...headers }, remoteAddress: '' });
    return plainObjectRead(model, req, scopeFromAuthorization(req.headers.authorization) ?? scopeFromQuery(query), vh) !== undefined;
  };
  t.true(plain('GET', `/b/k?${presign}&x-id=GetObject`));
  t.true(plain('HEAD', '/b/dir/k%20'));
  t.false(plain('PUT', '/b/k'));
  t.false(plain('GET', '/b/'));
  t.false(plain('GET', '/b'));
  t.false(plain('GET', '/b/k?x-id=HeadObject'));
  t.false(plain('GET', '/b/k?versionId=1'));
  t.false(plain('GET', '/b/k?uploadId=1'));
  // String members are decoded as their text, as the generic decoder does.
  t.true(plain('GET', '/b/k?x-id=GetObject', sdkHeaders));
  t.true(plain('GET', '/b/k', { range: 'bytes=0-1' }));
  t.true(plain('HEAD', '/b/k', { 'x-amz-checksum-mode': 'ENABLED', 'if-match': '"e"' }));
  t.false(plain('GET', '/b/k', { 'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT' }));
  t.false(plain('GET', '/b/k', { 'content-length': '3' }));
  t.false(plain('GET', '/k', { host: 'b.localhost:4566' }));
  t.false(plain('GET', '/b/k', { 'x-amz-target': 'DynamoDB_20120810.GetItem' }));
  t.false(plain('GET', '/b/k%E0%A4%A'));
  t.false(plain('GET', '/b/k?x-id=GetObject', { ...sdkHeaders, authorization: sdkHeaders.authorization.replace('/s3/', '/sqs/') }));
  const req: HttpRequest = inMemoryRequest({ method: 'GET', path: '/b/k', query: '', headers: { host: 'localhost:4566', ...sdkHeaders, range: 'bytes=1-2' }, remoteAddress: '' });
  t.deepEqual(plainObjectRead(model, req, scopeFromAuthorization(sdkHeaders.authorization), vh)?.input, { Bucket: 'b', Key: 'k', ChecksumMode: 'ENABLED', Range: 'bytes=1-2' });

});
