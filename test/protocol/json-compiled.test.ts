/**
 * The compiled JSON codec (src/protocols/json/decode.ts, encode.ts) against the shape walk it
 * replaced, kept here as the reference: for every DynamoDB, Streams and SQS operation, random
 * inputs and outputs (nulls, unknown members, "__proto__" map keys, blobs, dates, values of the
 * wrong type, deep nesting) must decode to the same input, fail with the same error, and encode
 * to the same bytes.
 */
import test from 'ava';
import { AwsError } from '../../src/errors/aws-error.js';
import { loadModel } from '../../src/model/generated/index.js';
import type { ServiceModel, ServiceName, Shape } from '../../src/model/types.js';
import { getProtocol } from '../../src/protocols/index.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../../src/protocols/shared/shape-walker.js';
import { MAX_DEPTH } from '../../src/protocols/json/decode.js';
import { checkBase64 } from '../../src/protocols/json/base64.js';
import { serializationException } from '../../src/protocols/json/errors.js';
import { typeMismatch, type Position } from '../../src/protocols/json/type-mismatch.js';
import { javaDoubleText } from '../../src/protocols/json/java-double.js';
import { stringifyWithRawJson } from '../../src/protocols/json/raw-json-stringify.js';
import { RawJson } from '../../src/util/raw-json.js';

const json = getProtocol('json');

// ---- The reference: the walk as it was before compilation ----

// The wording of a mismatch is ./type-mismatch.ts's (pinned against AWS's answers in
// test/services/dynamodb/aws-captures-stackd-serialization.test.ts); the walk decides which value
// fails first, where it sits (a field, or a list's or map's value) and which member it is.
function mismatch(model: ServiceModel, ref: Shape, position: Position, value: unknown): never {
  throw typeMismatch({ model, ref, position }, value);
}

function read(model: ServiceModel, ref: Shape, value: unknown, depth: number, position: Position = 'field'): unknown {
  if (depth > MAX_DEPTH) throw serializationException('Document nesting exceeds the supported depth');
  const shape = resolveShape(model, ref);
  const type = shapeType(shape);
  switch (type) {
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) mismatch(model, ref, position, value);
      const src = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const v = src[name];
        if (v !== undefined && v !== null) out[name] = read(model, member, v, depth + 1);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) mismatch(model, ref, position, value);
      const item = shape.member ?? {};
      return (value as unknown[]).map((v) => (v === null ? null : read(model, item, v, depth + 1, 'value')));
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) mismatch(model, ref, position, value);
      const item = shape.value ?? {};
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== null) setOwn(out, k, read(model, item, v, depth + 1, 'value'));
      }
      return out;
    }
    case 'boolean':
      if (typeof value !== 'boolean') mismatch(model, ref, position, value);
      return value;
    case 'timestamp':
      if (typeof value === 'number') return new Date(value * 1000);
      mismatch(model, ref, position, value);
    // eslint-disable-next-line no-fallthrough -- mismatch() never returns
    case 'blob':
      if (typeof value !== 'string') mismatch(model, ref, position, value);
      checkBase64(value as string);
      return Buffer.from(value as string, 'base64');
    default:
      if (isNumeric(type)) {
        if (typeof value !== 'number') mismatch(model, ref, position, value);
        // Integer members drop a fraction (floored), as Coral and dynalite do (json.test.ts).
        return (type === 'integer' || type === 'long') ? Math.floor(value as number) : value;
      }
      if (typeof value !== 'string') mismatch(model, ref, position, value);
      return value;
  }
}

function write(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shapeType(shape)) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      // In name order, as AWS writes members (encode.ts).
      for (const [name, ref] of Object.entries(shape.members ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const v = write(model, resolveShape(model, ref), src[name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list': {
      const item = resolveShape(model, shape.member ?? {});
      return (value as unknown[]).map((v) => write(model, item, v) ?? null);
    }
    case 'map': {
      const item = resolveShape(model, shape.value ?? {});
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const w = write(model, item, v);
        if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true });
      }
      return out;
    }
    case 'timestamp': {
      // As AWS writes them, "1.615218678973E9" (java-double.ts), spliced in as RawJson.
      const seconds = value instanceof Date ? value.getTime() / 1000 : value;
      return typeof seconds === 'number' ? new RawJson(javaDoubleText(seconds)) : seconds;
    }
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : value;
    default:
      return value;
  }
}

// ---- Random values by shape ----

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mode = 'wire' | 'typed';

/** A value for `shape`: as JSON would carry it ('wire') or as a handler returns it ('typed'); sometimes wrong. */
function sample(model: ServiceModel, shape: Shape, rnd: () => number, mode: Mode, depth: number, wrongRate: number): unknown {
  const roll = rnd();
  if (roll < wrongRate) return [5, 'str', true, [], {}, null][Math.floor(rnd() * 6)];
  if (roll < wrongRate * 1.5) return null;
  const deep = depth > 6;
  switch (shapeType(shape)) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (deep || rnd() < 0.5) continue;
        out[name] = sample(model, resolveShape(model, ref), rnd, mode, depth + 1, wrongRate);
      }
      if (rnd() < 0.2) out['NotAMember'] = 'x';
      return out;
    }
    case 'list': {
      const n = deep ? 0 : Math.floor(rnd() * 4);
      return Array.from({ length: n }, () => sample(model, resolveShape(model, shape.member ?? {}), rnd, mode, depth + 1, wrongRate));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const n = deep ? 0 : Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) setOwn(out, rnd() < 0.1 ? '__proto__' : rnd() < 0.1 ? String(i) : `k${i}`, sample(model, resolveShape(model, shape.value ?? {}), rnd, mode, depth + 1, wrongRate));
      return out;
    }
    case 'boolean': return rnd() < 0.5;
    case 'timestamp': return mode === 'wire' ? Math.floor(rnd() * 2e9) / 1000 : new Date(Math.floor(rnd() * 2e12));
    case 'blob': {
      const bytes = Buffer.from(Array.from({ length: Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 256)));
      return mode === 'wire' ? bytes.toString('base64') : new Uint8Array(bytes);
    }
    default:
      if (isNumeric(shapeType(shape))) return Math.floor(rnd() * 1000) / 10;
      return `s${Math.floor(rnd() * 100)}`;
  }
}

function outcome(fn: () => unknown): string {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return e instanceof AwsError ? `${e.code}: ${e.message}` : `throws ${(e as Error).constructor.name}`;
  }
}

const SERVICES: ServiceName[] = ['dynamodb', 'dynamodbstreams', 'sqs'];

for (const service of SERVICES) {
  test(`${service}: every operation decodes and encodes as the shape walk did`, async (t) => {
    const model = await loadModel(service);
    const rnd = prng(service.length * 7919);
    let compared = 0;
    for (const operation of Object.values(model.operations)) {
      const ctx = { model, operation, requestId: 'R' };
      for (let i = 0; i < 40; i++) {
        const wrongRate = i < 20 ? 0 : 0.03;
        if (operation.input) {
          const wire = sample(model, operation.input, rnd, 'wire', 0, wrongRate);
          const body = Buffer.from(JSON.stringify(wire));
          const expected = outcome(() => read(model, operation.input!, JSON.parse(body.toString()), 0));
          t.is(outcome(() => json.decode(ctx, { method: 'POST', path: '/', query: '', headers: { 'content-type': 'application/x-amz-json-1.0' }, body }, {})), expected, `${operation.name} decode ${body.toString().slice(0, 300)}`);
        }
        if (operation.output) {
          const typed = sample(model, operation.output, rnd, 'typed', 0, wrongRate) as Record<string, unknown>;
          const expected = outcome(() => stringifyWithRawJson(write(model, operation.output!, typed)));
          t.is(outcome(() => json.encode(ctx, typed).body), expected, `${operation.name} encode`);
        }
        compared++;
      }
    }
    t.true(compared > 100);
  });
}

test('nesting past the limit fails as the walk did, at every depth around it', async (t) => {
  const model = await loadModel('dynamodb');
  const operation = model.operations['PutItem']!;
  for (const depth of [48, 49, 50, 51]) {
    const body = Buffer.from(`{"TableName":"t","Item":{"a":${'{"M":{"a":'.repeat(depth)}{"S":"x"}${'}}'.repeat(depth)}}}`);
    t.is(outcome(() => json.decode({ model, operation, requestId: 'R' }, { method: 'POST', path: '/', query: '', headers: { 'content-type': 'application/x-amz-json-1.0' }, body }, {})),
      outcome(() => read(model, operation.input!, JSON.parse(body.toString()), 0)), `depth ${depth}`);
  }
});
