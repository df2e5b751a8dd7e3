/**
 * JSON 1.0 request body → typed input by shape (DynamoDB, SQS json). Timestamps are epoch
 * seconds, blobs base64. A value of the wrong JSON type is a SerializationException with the
 * message AWS's Coral framework uses; nesting beyond MAX_DEPTH is refused before it can exhaust
 * the stack (DynamoDB itself caps documents at 32 levels).
 */
import type { ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireRequest } from '../types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../shared/shape-walker.js';
import { serializationException } from './errors.js';

export const MAX_DEPTH = 100;

function javaClass(value: unknown): string {
  if (typeof value === 'string') return 'class java.lang.String';
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  return 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
}

const JAVA_TYPE: Record<string, string> = {
  string: 'String', integer: 'Integer', long: 'Long', float: 'Float', double: 'Double',
  bigdecimal: 'BigDecimal', boolean: 'Boolean', timestamp: 'Date', blob: 'ByteBuffer',
};

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

export function decodeJson(ctx: ProtocolContext, request: WireRequest): Record<string, unknown> {
  const text = request.body?.toString('utf8') ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw serializationException();
  }
  const input = ctx.operation.input;
  if (input === undefined) return {};
  return read(ctx.model, input, parsed, 0) as Record<string, unknown>;
}
