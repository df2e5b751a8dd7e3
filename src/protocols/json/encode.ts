/**
 * Typed output / AwsError → JSON 1.0 response. Dates become epoch seconds (written as Java
 * writes a double, as AWS does) and blobs base64, following the output shape; members are written
 * in name order, as AWS writes them; members the shape does not name, and null values, are left out.
 *
 * As the decoder, each shape is compiled once into an encoder function, memoised per shape
 * object (walking the shape per request was about 10% of a GetItem's server CPU). A list of
 * plain values (strings, numbers, booleans) is passed on as it is: JSON.stringify writes it
 * exactly as the walk's copy would be written. A RawJson value (already JSON text) is passed on
 * by every encoder and spliced in by stringifyWithRawJson.
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { OperationModel, ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireResponse } from '../types.js';
import { resolveShape, shapeType } from '../shared/shape-walker.js';
import { jsonErrorType, messageKey } from './errors.js';
import { holdsRawJson, RawJson } from '../../util/raw-json.js';
import { stringifyWithRawJson } from './raw-json-stringify.js';
import { bodyCrc32, CRC32_HEADER, sendsBodyCrc32 } from './crc32-header.js';
import { javaDoubleText } from './java-double.js';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** undefined for a value to leave out. */
type Encoder = (value: unknown) => unknown;

/**
 * Set by an encoder that made a RawJson itself (a timestamp) during the current encodeJson: that
 * answer is written by stringifyWithRawJson even when the service did not mark its output.
 */
let wroteRawJson = false;

/** Compiled encoders by (resolved) shape: derived from the immutable model, shared by every instance. */
const compiled = new WeakMap<Shape, Encoder>();

function encoderFor(model: ServiceModel, shape: Shape): Encoder {
  let encoder = compiled.get(shape);
  if (encoder === undefined) {
    encoder = compile(model, shape);
    compiled.set(shape, encoder);
  }
  return encoder;
}

/** Strings, numbers, booleans: written as they are. */
const plain: Encoder = (value) => (value === null ? undefined : value);

/**
 * Floats and doubles: NaN and ±Infinity have no JSON number, so they are written as the strings
 * "NaN", "Infinity", "-Infinity" (smithy-aws-protocol-tests awsJson1_0 json-structs.smithy
 * AwsJson10Supports*FloatInputs response rows); JSON.stringify would write null. Only members
 * modelled float or double take this encoder; a finite number pays one isFinite.
 */
const floating: Encoder = (value) => (value === null ? undefined
  : typeof value === 'number' && !Number.isFinite(value) ? String(value) : value);

const isFloating = (shape: Shape): boolean => shapeType(shape) === 'float' || shapeType(shape) === 'double';

const isPlain = (shape: Shape): boolean => {
  const type = shapeType(shape);
  return type !== 'structure' && type !== 'list' && type !== 'map' && type !== 'timestamp' && type !== 'blob' && !isFloating(shape);
};

function compile(model: ServiceModel, shape: Shape): Encoder {
  switch (shapeType(shape)) {
    case 'structure': {
      // Members in name order, as AWS's JSON services write them (a DynamoDB CreateTable answer of
      // 2021 in rusoto's mock tests: AttributeDefinitions, CreationDateTime, ItemCount, KeySchema,
      // ProvisionedThroughput, TableArn...; the ReceiveMessage and Query samples of the SQS and
      // DynamoDB API references), not the model's order. Sorted once, when the encoder is compiled.
      const names = Object.keys(shape.members ?? {}).sort();
      // Looked up on first use: shapes are recursive (a DynamoDB AttributeValue holds maps of itself).
      let encoders: Encoder[] | undefined;
      return (value) => {
        if (value === null || value === undefined) return undefined;
        if (value instanceof RawJson) return value;
        encoders ??= names.map((name) => encoderFor(model, resolveShape(model, shape.members![name]!)));
        const src = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) {
          const v = src[names[i]!];
          if (v === undefined || v === null) continue;
          const w = encoders[i]!(v);
          if (w !== undefined) out[names[i]!] = w;
        }
        return out;
      };
    }
    case 'list': {
      const memberShape = (): Shape => resolveShape(model, shape.member ?? {});
      let item: Encoder | undefined;
      let passOn: boolean | undefined;
      return (value) => {
        if (value === null || value === undefined) return undefined;
        if (value instanceof RawJson) return value;
        // JSON.stringify writes null for undefined and null items, as the copy would hold.
        if ((passOn ??= isPlain(memberShape())) && Array.isArray(value)) return value;
        const encode = (item ??= encoderFor(model, memberShape()));
        return (value as unknown[]).map((v) => encode(v) ?? null);
      };
    }
    case 'map': {
      let item: Encoder | undefined;
      return (value) => {
        if (value === null || value === undefined) return undefined;
        if (value instanceof RawJson) return value;
        const encode = (item ??= encoderFor(model, resolveShape(model, shape.value ?? {})));
        const src = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(src)) {
          const v = src[k];
          const w = v === undefined ? undefined : encode(v);
          if (w === undefined) continue;
          // Map keys come from clients: "__proto__" must become an own property, not the prototype.
          if (k === '__proto__') Object.defineProperty(out, k, { value: w, enumerable: true });
          else out[k] = w;
        }
        return out;
      };
    }
    case 'timestamp':
      // Written as AWS writes them, "1.615218678973E9" (java-double.ts): text JSON.stringify cannot
      // make from a number, so spliced in as RawJson, and the answer takes that walk.
      return (value) => {
        if (value === null || value === undefined) return undefined;
        const seconds = value instanceof Date ? value.getTime() / 1000 : value;
        if (typeof seconds !== 'number') return seconds;
        // An invalid Date (a stored record missing its time) has no JSON number: `NaN` would make
        // the whole answer unreadable, so the member is left out, as absent (hostile pass 20).
        if (!Number.isFinite(seconds)) return undefined;
        wroteRawJson = true;
        return new RawJson(javaDoubleText(seconds));
      };
    case 'blob':
      return (value) => (value === null || value === undefined ? undefined
        : value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : value);
    default:
      return isFloating(shape) ? floating : plain;
  }
}

export function encodeJson(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse {
  const shape = ctx.operation.output;
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId };
  // An operation without an output shape (SQS DeleteMessage, SetQueueAttributes, PurgeQueue...)
  // answers an empty body, as AWS does: content-length 0 (radkawar/stackd
  // testdata/aws/sqs/queue_metrics.json, testdata/aws/sns/data_protection.json wire bodies, 2026);
  // DynamoDB's TagResource and UntagResource too ("both return *empty* HTTP responses":
  // erlcloud/erlcloud#502, which had to read empty bodies for them, 2018).
  // undefined (not '') when the output itself encodes to nothing, as before; the adapters send ''.
  let body: string | undefined = '';
  if (shape !== undefined) {
    wroteRawJson = false;
    const encoded = encoderFor(ctx.model, shape)(output);
    // Values already in JSON form (util/raw-json.ts) are spliced in; only outputs marked as holding
    // them, or holding a timestamp, take that walk.
    body = holdsRawJson(output) || wroteRawJson ? stringifyWithRawJson(encoded) : JSON.stringify(encoded) as string | undefined;
  }
  if (sendsBodyCrc32(ctx.model.service)) headers[CRC32_HEADER] = bodyCrc32(body ?? '');
  return { status: 200, headers, body };
}

export function encodeJsonError(
  ctx: { model: ServiceModel; operation?: OperationModel; requestId: string; method: string },
  error: AwsError,
): WireResponse {
  // DynamoDB refuses a request over its 16 MiB limit with a bare 413: no body, no __type
  // (radkawar/stackd testdata/aws/dynamodb/batch_request_size.json, native AWS, 2026-09-18). No
  // x-amz-crc32 either: that capture records no headers, and a bare 413 without even a
  // content-type looks like the front end's, not the service's; a missing header skips the checks.
  if (error.code === 'RequestEntityTooLarge' && (ctx.model.service === 'dynamodb' || ctx.model.service === 'dynamodbstreams')) {
    return { status: 413, headers: { 'x-amzn-requestid': ctx.requestId }, body: '' };
  }
  // DynamoDB's front end refuses a request it does not take (not a POST, or a body of another
  // media type) with a bare XML element, before any JSON: dynamodb-front-door.ts. Its CRC is
  // DynamoDB's own, 3552371480 (architect/dynalite test/connection.js assert404).
  if (error.status === 404 && error.code === 'UnknownOperationException') {
    const text = '<UnknownOperationException/>\n';
    const headers: Record<string, string> = { 'x-amzn-requestid': ctx.requestId };
    if (sendsBodyCrc32(ctx.model.service)) headers[CRC32_HEADER] = bodyCrc32(text);
    return { status: 404, headers, body: text };
  }
  const body: Record<string, unknown> = { __type: jsonErrorType(ctx.model.service, error.code) };
  // Most modelled errors say "message"; a few (DynamoDB's TransactionCanceledException) "Message".
  const modelled = ctx.model.shapes[error.code]?.members;
  const key = modelled?.Message !== undefined ? 'Message' : messageKey(error.code);
  if (error.message !== '') body[key] = error.message;
  for (const [name, value] of Object.entries(error.fields)) if (value !== undefined) body[name] = value;
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId };
  // Services that moved from query to JSON (SQS) also send the legacy code and fault, which
  // query-compatible SDKs surface as the error code: "AWS.SimpleQueueService.NonExistentQueue;Sender".
  if (ctx.model.protocols.includes('query')) headers['x-amzn-query-error'] = `${error.queryCode ?? error.code};${error.fault}`;
  for (const [k, v] of Object.entries(error.headers)) headers[k.toLowerCase()] = v;
  const text = JSON.stringify(body);
  // DynamoDB's errors carry the body's CRC too (crc32-header.ts: the 400s captured with it).
  if (sendsBodyCrc32(ctx.model.service)) headers[CRC32_HEADER] = bodyCrc32(text);
  return { status: error.status, headers, body: text };
}
