/**
 * JSON 1.0 request body → typed input by shape (DynamoDB, SQS json). Timestamps are epoch
 * seconds, blobs base64. A value of the wrong JSON type is a SerializationException with the
 * message AWS's Coral framework uses; nesting beyond MAX_DEPTH is refused before it can exhaust
 * the stack (DynamoDB itself caps documents at 32 levels).
 *
 * Each shape is compiled once into a decoder function (a closure per shape, members resolved in
 * advance), memoised per shape object: walking the shape on every request (Object.entries,
 * resolveShape, a switch on the type per value) was about 10% of a GetItem's server CPU.
 * Members are read in model order, so the output and the first error found are the same as
 * the walk's.
 */
import type { ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireRequest } from '../types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../shared/shape-walker.js';
import { serializationException } from './errors.js';

export const MAX_DEPTH = 100;

type Decoder = (value: unknown, depth: number) => unknown;

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

function tooDeep(): never {
  throw serializationException('Document nesting exceeds the supported depth');
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Compiled decoders by (resolved) shape: derived from the immutable model, shared by every instance. */
const compiled = new WeakMap<Shape, Decoder>();

function decoderFor(model: ServiceModel, shape: Shape): Decoder {
  let decoder = compiled.get(shape);
  if (decoder === undefined) {
    decoder = compile(model, shape);
    compiled.set(shape, decoder);
  }
  return decoder;
}

function compile(model: ServiceModel, shape: Shape): Decoder {
  const type = shapeType(shape);
  switch (type) {
    case 'structure': return structureDecoder(model, shape);
    case 'list': {
      // Looked up on first use: shapes are recursive (a DynamoDB AttributeValue holds lists of itself).
      let item: Decoder | undefined;
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (!Array.isArray(value)) mismatch(shape, value);
        const decode = (item ??= decoderFor(model, resolveShape(model, shape.member ?? {})));
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          out[i] = v === null ? null : decode(v, depth + 1);
        }
        return out;
      };
    }
    case 'map': {
      let item: Decoder | undefined;
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (!isObject(value)) mismatch(shape, value);
        const decode = (item ??= decoderFor(model, resolveShape(model, shape.value ?? {})));
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(value)) {
          const v = value[k];
          if (v !== null) setOwn(out, k, decode(v, depth + 1));
        }
        return out;
      };
    }
    case 'boolean':
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'boolean') mismatch(shape, value);
        return value;
      };
    case 'timestamp':
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'number') mismatch(shape, value);
        return new Date(value * 1000);
      };
    case 'blob':
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'string') mismatch(shape, value);
        return Buffer.from(value, 'base64');
      };
    default:
      if (isNumeric(type)) {
        return (value, depth) => {
          if (depth > MAX_DEPTH) tooDeep();
          if (typeof value !== 'number') mismatch(shape, value);
          return value;
        };
      }
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'string') mismatch(shape, value);
        return value;
      };
  }
}

/**
 * A value with one member decodes that member alone: a DynamoDB AttributeValue is one of ten
 * members, and looking each of the ten up (a megamorphic keyed load each) was most of a small
 * item's decode (bench/micro/dynamodb-gateway.ts, BatchWriteItem). The output and the error are
 * the walk's: only that member can be present or fail. Any other value walks the members in model
 * order, so with several members the first error found is still the model's first.
 */
function structureDecoder(model: ServiceModel, shape: Shape): Decoder {
  const names = Object.keys(shape.members ?? {});
  const positions = new Map(names.map((name, i) => [name, i]));
  let decoders: Decoder[] | undefined;
  return (value, depth) => {
    if (depth > MAX_DEPTH) tooDeep();
    if (!isObject(value)) mismatch(shape, value);
    decoders ??= names.map((name) => decoderFor(model, resolveShape(model, shape.members![name]!)));
    let only: string | undefined;
    let count = 0;
    // Own members only: a decoded JSON body's objects inherit no enumerable ones.
    for (const key in value) {
      if (++count > 1) break;
      only = key;
    }
    if (count === 1) {
      const at = positions.get(only!);
      const out: Record<string, unknown> = {};
      if (at === undefined) return out;
      const v = value[only!];
      if (v !== undefined && v !== null) out[only!] = decoders[at]!(v, depth + 1);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const v = value[name];
      if (v !== undefined && v !== null) out[name] = decoders[i]!(v, depth + 1);
    }
    return out;
  };
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
  return decoderFor(ctx.model, input)(parsed, 0) as Record<string, unknown>;
}
