/**
 * Typed output / AwsError → JSON 1.0 response. Dates become epoch seconds and blobs base64,
 * following the output shape; everything else is written as is.
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { OperationModel, ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireResponse } from '../types.js';
import { resolveShape, shapeType } from '../shared/shape-walker.js';
import { jsonErrorType, messageKey } from './errors.js';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

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

export function encodeJson(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse {
  const shape = ctx.operation.output;
  const body = shape === undefined ? {} : write(ctx.model, shape, output);
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId },
    body: JSON.stringify(body),
  };
}

export function encodeJsonError(
  ctx: { model: ServiceModel; operation?: OperationModel; requestId: string; method: string },
  error: AwsError,
): WireResponse {
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
  return { status: error.status, headers, body: JSON.stringify(body) };
}
