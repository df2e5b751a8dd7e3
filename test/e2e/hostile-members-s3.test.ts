/**
 * hostile-members.test.ts for S3's rest-xml protocol: every operation of the current model sent
 * with seeded random members where the model puts them (query string, headers, an XML or blob
 * payload, sometimes malformed: unclosed, an undeclared entity, a DOCTYPE), at a bucket that
 * exists, one that does not and an invalid name. Whatever the answer, it must be S3's kind of
 * answer: never a 500, a hang or a dropped connection; 501 only as NotImplemented; an error
 * (except on HEAD, which has no body) an <Error> document with a Code.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { loadModel } from '../../src/model/generated/index.js';
import type { OperationModel, ServiceModel, Shape } from '../../src/model/types.js';
import { seededRandom, type Random } from '../helpers/model-inputs.js';
import { startBoltstack } from '../helpers/server.js';

const ROUNDS = 5;
const AUTH = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00';
const STRINGS = [
  'b', 'k', '', 'x'.repeat(1100), '%', '..', 'a/b', 'true', '-1', '0', '99999999999999999999', 'bytes=0-1', 'bytes=5-1',
  'AES256', 'STANDARD', 'GLACIER', '"etag"', '*', 'Mon, 01 Jan 2024 00:00:00 GMT', 'not a date', 'k1=v1', 'k1=v1&k1=v2',
  'COPY', 'REPLACE', 'CRC32', 'SHA256', 'AAAAAA==', '1B2M2Y8AsgTpgAmY7PhCfg==', '\u00e9', '\u0001', 'null',
];
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

class S3Inputs {
  constructor(private readonly model: ServiceModel, private readonly random: Random) {}

  resolve(shape: Shape): Shape {
    return shape.shape === undefined ? shape : { ...this.model.shapes[shape.shape], ...shape, shape: undefined };
  }

  scalar(shape: Shape): string {
    const random = this.random;
    if (random() < 0.2) return pick(random, STRINGS);
    switch (shape.type) {
      case 'boolean': return pick(random, ['true', 'false', 'maybe']);
      case 'integer': case 'long': return pick(random, ['0', '1', '5', '-1', '1000', '10001', '2147483648', 'abc']);
      case 'timestamp': return pick(random, ['Mon, 01 Jan 2024 00:00:00 GMT', '2024-01-01T00:00:00Z', '0', 'x']);
      default: return shape.enum !== undefined && random() < 0.6 ? pick(random, shape.enum) : pick(random, STRINGS);
    }
  }

  xml(reference: Shape, name: string, depth: number): string {
    const random = this.random;
    const shape = this.resolve(reference);
    if (depth > 4) return `<${name}/>`;
    if (random() < 0.05) return pick(random, [`<${name}>`, `<${name}><x></${name}>`, '<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', `<${name}>&unknown;</${name}>`]);
    if (shape.type === 'structure') {
      let inner = '';
      for (const [member, ref] of Object.entries(shape.members ?? {})) if (random() < 0.6) inner += this.xml(ref, ref.locationName ?? member, depth + 1);
      return `<${name}>${inner}</${name}>`;
    }
    if (shape.type === 'list') {
      const itemName = shape.flattened ? name : (shape.member!.locationName ?? 'member');
      const items = Array.from({ length: pick(random, [0, 1, 2, 40]) }, () => this.xml(shape.member!, itemName, depth + 1)).join('');
      return shape.flattened ? items : `<${name}>${items}</${name}>`;
    }
    return `<${name}>${this.scalar(shape)}</${name}>`;
  }

  request(endpoint: string, operation: OperationModel): { url: string; init: RequestInit } {
    const random = this.random;
    const input = this.resolve(operation.input ?? { type: 'structure', members: {} });
    const [pathTemplate, fixedQuery] = operation.http.requestUri.split('?') as [string, string | undefined];
    const path = pathTemplate
      .replace('{Bucket}', pick(random, ['hostile', 'hostile', 'no-such-bucket-hostile', 'BAD_NAME']))
      .replace('{Key+}', pick(random, ['k', 'k', 'a/b/c', 'missing', '%E9']));
    const query: string[] = fixedQuery === undefined ? [] : fixedQuery.split('&');
    const headers: Record<string, string> = { authorization: AUTH, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    let body: string | undefined;
    for (const [name, reference] of Object.entries(input.members ?? {})) {
      const member = this.resolve(reference);
      if (member.location === 'uri' || member.location === 'statusCode') continue;
      if (input.payload === name) {
        if (random() < 0.8) {
          body = member.type === 'blob' || member.streaming
            ? 'x'.repeat(pick(random, [0, 5, 70_000]))
            : `<?xml version="1.0" encoding="UTF-8"?>${this.xml(member, member.locationName ?? name, 0)}`;
        }
        continue;
      }
      if (random() > 0.3) continue;
      const value = this.scalar(member);
      if (member.location === 'querystring') query.push(`${member.locationName}=${encodeURIComponent(value)}`);
      // Content-Length is the transport's to set; a header value must be printable ASCII to be sent at all.
      else if (member.location === 'header' && member.locationName !== 'Content-Length' && /^[\t\x20-\x7e]*$/.test(value)) headers[member.locationName!] = value;
      else if (member.location === 'headers') headers[`${member.locationName}k`] = 'v';
    }
    if (body !== undefined && random() < 0.7) headers['content-md5'] = createHash('md5').update(body).digest('base64');
    const hasBody = operation.http.method !== 'GET' && operation.http.method !== 'HEAD';
    return {
      url: `${endpoint}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
      init: { method: operation.http.method, headers, ...(hasBody && body !== undefined ? { body } : {}), signal: AbortSignal.timeout(10_000) },
    };
  }
}

test('S3 over rest-xml: random members never get a 5xx, a hang or a malformed error', async (t) => {
  const server = await startBoltstack();
  t.teardown(() => server.stop());
  const model = await loadModel('s3');
  const inputs = new S3Inputs(model, seededRandom(7));
  await fetch(`${server.endpoint}/hostile`, { method: 'PUT', headers: { authorization: AUTH } });
  const found = new Map<string, string>();
  let sent = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await fetch(`${server.endpoint}/hostile/k`, { method: 'PUT', body: 'hello', headers: { authorization: AUTH, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    for (const [name, operation] of Object.entries(model.operations)) {
      const { url, init } = inputs.request(server.endpoint, operation);
      let status: number;
      let text: string;
      try {
        const res = await fetch(url, init);
        status = res.status;
        text = await res.text();
      } catch (err) {
        status = 0;
        text = String(err);
      }
      sent++;
      const head = operation.http.method === 'HEAD';
      const wrong = status === 0 ? 'no answer'
        : status >= 500 && !(status === 501 && (head || text.includes('<Code>NotImplemented</Code>'))) ? `status ${status}`
          : status >= 400 && !head && !/<Error>[\s\S]*<Code>[^<]+<\/Code>/.test(text) ? 'error without <Error><Code>'
            : undefined;
      if (wrong !== undefined && !found.has(`${name}: ${wrong}`)) found.set(`${name}: ${wrong}`, `${init.method} ${url.slice(0, 200)} -> ${text.slice(0, 300)}`);
    }
  }
  t.log(`${sent} requests`);
  t.deepEqual([...found].map(([key, example]) => `${key}\n  ${example}`), []);
});
