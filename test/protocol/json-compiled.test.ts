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
import { serializationException } from '../../src/protocols/json/errors.js';

const json = getProtocol('json');

// ---- The reference: the walk as it was before compilation ----

const JAVA_TYPE: Record<string, string> = {
  string: 'String', integer: 'Integer', long: 'Long', float: 'Float', double: 'Double',
  bigdecimal: 'BigDecimal', boolean: 'Boolean', timestamp: 'Date', blob: 'ByteBuffer',
};

function javaClass(value: unknown): string {
  if (typeof value === 'string') return 'class java.lang.String';
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  return 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
}

function mismatch(shape: Shape, value: unknown): never {
  if (Array.isArray(value)) throw serializationException('Start of list found where not expected');
  if (typeof value === 'object') throw serializationException('Start of structure or map found where not expected');
  const target = JAVA_TYPE[shapeType(shape)] ?? 'String';
  if (typeof value === 'string' && target !== 'String') throw serializationException(`'${value}' can not be converted to an ${target}`);
  throw serializationException(`${javaClass(value)} can not be converted to an ${target}`);
}

function read(model: ServiceModel, shape: Shape, value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw serializationException('Document nesting exceeds the supported depth');
  const type = shapeType(shape);
  switch (type) {
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) mismatch(shape, value);
      const src = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const v = src[name];
        if (v !== undefined && v !== null) out[name] = read(model, resolveShape(model, ref), v, depth + 1);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) mismatch(shape, value);
      const item = resolveShape(model, shape.member ?? {});
      return (value as unknown[]).map((v) => (v === null ? null : read(model, item, v, depth + 1)));
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) mismatch(shape, value);
      const item = resolveShape(model, shape.value ?? {});
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== null) setOwn(out, k, read(model, item, v, depth + 1));
      }
      return out;
    }
    case 'boolean':
      if (typeof value !== 'boolean') mismatch(shape, value);
      return value;
    case 'timestamp':
      if (typeof value === 'number') return new Date(value * 1000);
      mismatch(shape, value);
    // eslint-disable-next-line no-fallthrough -- mismatch() never returns
    case 'blob':
      if (typeof value !== 'string') mismatch(shape, value);
      return Buffer.from(value as string, 'base64');
    default:
      if (isNumeric(type)) {
        if (typeof value !== 'number') mismatch(shape, value);
        return value;
      }
      if (typeof value !== 'string') mismatch(shape, value);
      return value;
  }
}

function write(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shapeType(shape)) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
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
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
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
          t.is(outcome(() => json.decode(ctx, { method: 'POST', path: '/', query: '', headers: {}, body }, {})), expected, `${operation.name} decode ${body.toString().slice(0, 300)}`);
        }
        if (operation.output) {
          const typed = sample(model, operation.output, rnd, 'typed', 0, wrongRate) as Record<string, unknown>;
          const expected = outcome(() => JSON.stringify(write(model, operation.output!, typed)));
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
    t.is(outcome(() => json.decode({ model, operation, requestId: 'R' }, { method: 'POST', path: '/', query: '', headers: {}, body }, {})),
      outcome(() => read(model, operation.input!, JSON.parse(body.toString()), 0)), `depth ${depth}`);
  }
});
