import test from 'ava';
import { ScopeCache } from '../../src/gateway/scope-cache.js';
import { scopeFromAuthorization } from '../../src/protocols/shared/sigv4-scope.js';

const signed = (credential: string, rest = ', SignedHeaders=host;x-amz-date, Signature=abc'): string => `AWS4-HMAC-SHA256 Credential=${credential}${rest}`;

// Headers that share a cached credential's text but must not be taken for it: the cached text
// is a prefix of theirs, theirs ends elsewhere, or the prefix or the comma differs.
const HEADERS: (string | undefined)[] = [
  undefined, '', 'AWS AKID:sig', 'Bearer x',
  signed('AKID/20260101/us-east-1/sqs/aws4_request'),
  signed('AKID/20260101/us-east-1/sqs/aws4_request', ', SignedHeaders=host, Signature=def'),
  signed('AKID/20260101/us-east-1/sqs/aws4_request', ''),
  signed('AKID/20260101/us-east-1/sqs/aws4_requestX'),
  signed('AKID/20260101/us-east-1/sqs/aws4_request '),
  signed('AKID/20260101/us-east-1/sqs/aws4_request', ' , Signature=1'),
  signed('AKIDX/20260101/us-east-1/sqs/aws4_request'),
  signed('AKID/20260101/us-east-1/dynamodb/aws4_request'),
  signed('AKID/20260102/eu-west-1/sqs/aws4_request'),
  signed('AKID/20260101/us-east-1/sqs'),
  'AWS4-HMAC-SHA256  Credential=AKID/20260101/us-east-1/sqs/aws4_request, Signature=1',
  'AWS4-HMAC-SHA256 Signature=1, Credential=AKID/20260101/us-east-1/sqs/aws4_request',
  'AWS4-HMAC-SHA512 Credential=AKID/20260101/us-east-1/sqs/aws4_request, Signature=1',
  ...Array.from({ length: 12 }, (_, i) => signed(`KEY${i}/20260101/us-east-1/s3/aws4_request`)),
];

test('a cached scope is exactly what parsing the header gives, in any order and past the cache size', (t) => {
  const cache = new ScopeCache();
  // Twice through, forwards and backwards, so every header meets a cache holding the others.
  for (const headers of [HEADERS, [...HEADERS].reverse(), HEADERS]) {
    for (const header of headers) t.deepEqual(cache.fromAuthorization(header), scopeFromAuthorization(header), String(header));
  }
});

test('the same credential gives the same scope object (parsed once)', (t) => {
  const cache = new ScopeCache();
  const first = cache.fromAuthorization(signed('AKID/20260101/us-east-1/sqs/aws4_request', ', Signature=1'));
  t.truthy(first);
  t.is(cache.fromAuthorization(signed('AKID/20260101/us-east-1/sqs/aws4_request', ', Signature=2')), first);
});
