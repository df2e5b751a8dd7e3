/**
 * JSON 1.0 request body → typed input by shape (DynamoDB, SQS json). Timestamps are epoch
 * seconds, blobs base64. A value of the wrong JSON type is a SerializationException in the words
 * of AWS's Coral codec today (./type-mismatch.ts); nesting beyond MAX_DEPTH is refused before it
 * can exhaust the stack (DynamoDB itself caps documents at 32 levels).
 *
 * Each shape is compiled once into a decoder function (a closure per shape, members resolved in
 * advance), memoised per shape object: walking the shape on every request (Object.entries,
 * resolveShape, a switch on the type per value) was about 10% of a GetItem's server CPU.
 * Members are read in model order, so the output and the first error found are the same as
 * the walk's. A shape compiles once per position (a structure's field, or a list's or map's
 * value): Coral words a mismatch differently in each, and the closure keeps what the message
 * needs so that only a failing value pays for it.
 */
import { isUtf8 } from 'node:buffer';
import type { ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireRequest } from '../types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../shared/shape-walker.js';
import { serializationException } from './errors.js';
import { typeMismatch, type Position } from './type-mismatch.js';
import { checkBase64 } from './base64.js';
import { dynamoDbFrontDoor, JSON_1_0 } from './dynamodb-front-door.js';

/**
 * The decoder's own depth cap, in decoder levels (a DynamoDB document level is two: the
 * AttributeValue and its M or L). DynamoDB reads a request whose value nests 100 documents deep
 * and answers with its own rules ("Empty attribute name" ahead of it: paritysuite
 * dynamodb-conformance validation-ordering/deepRequests, 10 regions, 2026-10-09), so the cap sits
 * well above that; it only keeps a hostile nesting from exhausting the stack.
 */
export const MAX_DEPTH = 512;

type Decoder = (value: unknown, depth: number) => unknown;

function tooDeep(): never {
  throw serializationException('Document nesting exceeds the supported depth');
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A float or double that JSON cannot write is sent as one of three strings (smithy-aws-protocol-tests
 * awsJson1_0 json-structs.smithy AwsJson10Supports{NaN,Infinity,NegativeInfinity}FloatInputs).
 * Reached only when the value is not a number, so a numeric member pays nothing.
 */
const NON_FINITE: ReadonlyMap<unknown, number> = new Map([['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]]);

function nonFiniteFloat(value: unknown, mismatch: (value: unknown) => never): number {
  const n = NON_FINITE.get(value);
  return n !== undefined ? n : mismatch(value);
}

/** Compiled decoders by (resolved) shape and position: derived from the immutable model, shared by every instance. */
const compiled: Record<Position, WeakMap<Shape, Decoder>> = { field: new WeakMap(), value: new WeakMap() };

/** The decoder for `ref` (a member as the model gives it: a `shape` reference or inline) at `position`. */
function decoderFor(model: ServiceModel, ref: Shape, position: Position): Decoder {
  const shape = resolveShape(model, ref);
  let decoder = compiled[position].get(shape);
  if (decoder === undefined) {
    decoder = compile(model, shape, ref, position);
    compiled[position].set(shape, decoder);
  }
  return decoder;
}

function compile(model: ServiceModel, shape: Shape, ref: Shape, position: Position): Decoder {
  const type = shapeType(shape);
  const mismatch: (value: unknown) => never = (value) => { throw typeMismatch({ model, ref, position }, value); };
  switch (type) {
    case 'structure': return structureDecoder(model, shape, mismatch);
    case 'list': {
      // Looked up on first use: shapes are recursive (a DynamoDB AttributeValue holds lists of itself).
      let item: Decoder | undefined;
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (!Array.isArray(value)) mismatch(value);
        const decode = (item ??= decoderFor(model, shape.member ?? {}, 'value'));
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
        if (!isObject(value)) mismatch(value);
        const decode = (item ??= decoderFor(model, shape.value ?? {}, 'value'));
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
        if (typeof value !== 'boolean') mismatch(value);
        return value;
      };
    case 'timestamp':
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'number') mismatch(value);
        return new Date(value * 1000);
      };
    case 'blob':
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'string') mismatch(value);
        checkBase64(value);
        return Buffer.from(value, 'base64');
      };
    default:
      if (isNumeric(type)) {
        // An integer member takes a fractional JSON number with its fraction dropped: AWS's Coral
        // reads numbers as TruncatingBigNumber (its own error messages name the class), and
        // architect/dynalite, whose validation follows AWS's answers, floors them. Kept as sent,
        // 1.5 ReadCapacityUnits were stored and described as 1.5, which a client reading the
        // member as a Long cannot parse (found by fuzzing).
        const integral = type === 'integer' || type === 'long';
        const floating = type === 'float' || type === 'double';
        return (value, depth) => {
          if (depth > MAX_DEPTH) tooDeep();
          if (typeof value !== 'number') return floating ? nonFiniteFloat(value, mismatch) : mismatch(value);
          return integral && !Number.isInteger(value) ? Math.floor(value) : value;
        };
      }
      return (value, depth) => {
        if (depth > MAX_DEPTH) tooDeep();
        if (typeof value !== 'string') mismatch(value);
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
function structureDecoder(model: ServiceModel, shape: Shape, mismatch: (value: unknown) => never): Decoder {
  const names = Object.keys(shape.members ?? {});
  const positions = new Map(names.map((name, i) => [name, i]));
  let decoders: Decoder[] | undefined;
  return (value, depth) => {
    if (depth > MAX_DEPTH) tooDeep();
    if (!isObject(value)) mismatch(value);
    decoders ??= names.map((name) => decoderFor(model, shape.members![name]!, 'field'));
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
  // Two compares for what every SDK sends; anything else asks DynamoDB's front door.
  if (request.headers['content-type'] !== JSON_1_0 || request.method !== 'POST') {
    const refused = dynamoDbFrontDoor(ctx.model.service, request.method, request.headers['content-type'], request.body?.length ?? 0);
    if (refused !== undefined) throw refused;
  }
  const text = request.body?.toString('utf8') ?? '';
  // Bytes that are not UTF-8 decode to U+FFFD, which was stored in their place (a key or a
  // message body silently changed). JSON text exchanged between systems must be UTF-8 (RFC 8259
  // §8.1), so such a body is not JSON: SerializationException without a message, as for any body
  // that does not parse (dynalite connection.js). No source gives AWS's own answer to these bytes:
  // the closest modelled error. Only a body holding U+FFFD pays the byte check.
  if (text.includes('\uFFFD') && !isUtf8(request.body!)) throw serializationException();
  const input = ctx.operation.input;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An operation without input takes no payload at all as well as `{}` (smithy-aws-protocol-tests
    // awsJson1_0 empty-input-output.smithy AwsJson10ServiceSupportsNoPayloadForNoInput, server).
    if (input === undefined && text === '') return {};
    throw serializationException();
  }
  if (input === undefined) return {};
  // Looked up straight in the map (the input is already resolved): this runs on every request.
  const decode = compiled.field.get(input) ?? decoderFor(ctx.model, input, 'field');
  return decode(parsed, 0) as Record<string, unknown>;
}
