/**
 * Strict by default, loose on purpose (docs/feature-gates.md): a parameter boltstack does not
 * implement is NotImplemented (501) naming it; under `loose` it is accepted, ignored, and named
 * in x-boltstack-ignored. AWS's own validation is never loosened.
 */
import test from 'ava';
import { startBoltstack } from '../helpers/server.js';

const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' };

for (const features of ['', 'loose']) {
  test(`features=${features || '(strict)'}: an unimplemented parameter`, async (t) => {
    const server = await startBoltstack({ features });
    try {
      t.is((await fetch(`${server.endpoint}/gates`, { method: 'PUT', headers: AUTH })).status, 200);
      const put = await fetch(`${server.endpoint}/gates/locked`, {
        method: 'PUT', body: 'x', headers: { ...AUTH, 'x-amz-object-lock-mode': 'GOVERNANCE', 'x-amz-object-lock-legal-hold': 'ON' },
      });
      const body = await put.text();
      if (features === 'loose') {
        t.is(put.status, 200, body);
        t.is(put.headers.get('x-boltstack-ignored'), 'ObjectLockMode,ObjectLockLegalHoldStatus');
        // AWS's own rules stay: a bad Content-MD5 is still BadDigest.
        const bad = await fetch(`${server.endpoint}/gates/k`, { method: 'PUT', body: 'x', headers: { ...AUTH, 'content-md5': Buffer.alloc(16).toString('base64') } });
        t.is(bad.status, 400);
        t.regex(await bad.text(), /BadDigest/);
      } else {
        t.is(put.status, 501);
        t.regex(body, /<Code>NotImplemented<\/Code>/);
        t.regex(body, /ObjectLockLegalHoldStatus|ObjectLockMode/);
        t.is((await fetch(`${server.endpoint}/gates/locked`, { method: 'HEAD', headers: AUTH })).status, 404, 'nothing stored');
      }
      const health = await (await fetch(`${server.endpoint}/_boltstack/health`)).json() as { features: string[] };
      t.deepEqual(health.features, features ? [features] : []);
    } finally {
      await server.stop();
    }
  });
}
