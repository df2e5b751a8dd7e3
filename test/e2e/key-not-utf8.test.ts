/**
 * Object keys whose percent-encoding does not decode to UTF-8 (%FF, a lone %C3, an encoded
 * surrogate %ED%A0%80) are S3's 400 InvalidURI "Couldn't parse the specified URI." on every
 * object operation, including the GetObject fast path and HEAD (no body); an
 * x-amz-copy-source like that is InvalidArgument "Invalid copy source encoding.". Nothing is
 * stored. Raw requests: the SDK always encodes valid UTF-8.
 */
import test from 'ava';
import { request } from 'node:http';
import { startBoltstack } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' };

function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { ...AUTH, 'content-length': String(body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const INVALID_URI = "<Code>InvalidURI</Code><Message>Couldn&apos;t parse the specified URI.</Message>";

test('a key that is not UTF-8 is InvalidURI on every object operation', async (t) => {
  t.is((await send('PUT', '/not-utf8')).status, 200);
  t.is((await send('PUT', '/not-utf8/ok', {}, 'x')).status, 200);
  const cases: [string, string][] = [
    ['PUT', '/not-utf8/%FF%FE'], ['GET', '/not-utf8/%FF'], ['GET', '/not-utf8/a%C3'], ['DELETE', '/not-utf8/a%80b'],
    ['GET', '/not-utf8/%ED%A0%80'], ['POST', '/not-utf8/%FF?uploads'], ['PUT', '/not-utf8/%FF?tagging'],
  ];
  for (const [method, path] of cases) {
    const reply = await send(method, path, {}, method === 'PUT' ? 'x' : '');
    t.is(reply.status, 400, `${method} ${path}`);
    t.true(reply.body.includes(INVALID_URI), `${method} ${path}: ${reply.body}`);
  }
  t.is((await send('HEAD', '/not-utf8/%C3')).status, 400);
  const listing = await send('GET', '/not-utf8?list-type=2');
  t.regex(listing.body, /<KeyCount>1<\/KeyCount>/);
});

test('an x-amz-copy-source that is not UTF-8 is InvalidArgument "Invalid copy source encoding."', async (t) => {
  await send('PUT', '/not-utf8-copy');
  await send('PUT', '/not-utf8-copy/ok', {}, 'x');
  for (const source of ['/not-utf8-copy/%FF', 'not-utf8-copy/ok%G1']) {
    const reply = await send('PUT', '/not-utf8-copy/dst', { 'x-amz-copy-source': source });
    t.is(reply.status, 400, source);
    t.true(reply.body.includes('<Code>InvalidArgument</Code><Message>Invalid copy source encoding.</Message>'), reply.body);
    t.true(reply.body.includes(`<ArgumentName>x-amz-copy-source</ArgumentName><ArgumentValue>${source}</ArgumentValue>`), reply.body);
  }
  t.is((await send('HEAD', '/not-utf8-copy/dst')).status, 404);
});
