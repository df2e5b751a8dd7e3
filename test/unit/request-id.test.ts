import test from 'ava';
import { createRequestIds } from '../../src/gateway/request-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('json and query request ids are v4-shaped UUIDs, unique within and across instances', (t) => {
  const a = createRequestIds();
  const b = createRequestIds();
  const seen = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    for (const id of [a.uuid(), b.uuid()]) {
      t.regex(id, UUID_V4);
      t.false(seen.has(id), id);
      seen.add(id);
    }
  }
});

test('S3 request ids are 16 upper-case hex characters with a base64 host id', (t) => {
  const ids = createRequestIds();
  const first = ids.s3();
  t.regex(first.requestId, /^[0-9A-F]{16}$/);
  t.regex(first.hostId, /^[A-Za-z0-9+/]{64}$/);
  t.not(ids.s3().requestId, first.requestId);
});

test('json and query request ids stay v4-shaped and unique across the counter\'s carries', (t) => {
  // Next to both carries: the 7-digit low part wraps, and then the 5-digit high part with it.
  for (const start of [{ high: 0x12345, low: 0x1fffff0 }, { high: 0xfffff, low: 0x1fffff0 }]) {
    const ids = createRequestIds(start);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const id = ids.uuid();
      t.regex(id, UUID_V4);
      t.false(seen.has(id), id);
      seen.add(id);
    }
  }
});

test('DynamoDB request ids are 52 base32hex characters, the last 26 fixed, unique across the counter', (t) => {
  // us-east-1 DynamoDB answers, 2019-2022 (boto3 ResponseMetadata):
  // "81RT0S7OISJUMUPABFMPQ61LKRVV4KQNSO5AEMVJF66Q9ASUAAJG", "UP94CN0FCBF0EODKQTBRHNN9CBVV4KQNSO5AEMVJF66Q9ASUAAJG".
  const ids = createRequestIds();
  const first = ids.dynamodb();
  const seen = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const id = ids.dynamodb();
    t.regex(id, /^[0-9A-V]{52}$/);
    t.is(id.slice(26), first.slice(26));
    t.false(seen.has(id), id);
    seen.add(id);
  }
  t.not(createRequestIds().dynamodb().slice(26), first.slice(26), 'another instance, another endpoint tail');
});
