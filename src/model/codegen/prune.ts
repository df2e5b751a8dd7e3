/**
 * Raw model → the compact ServiceModel the protocols use (model/types.ts). Keeps only
 * the traits a protocol reads; documentation, contextParam, sensitive, deprecation, endpoint and
 * checksum-client traits are dropped. Member order is kept: XML output follows it.
 */
import type { OperationModel, ProtocolName, ServiceModel, ServiceName, Shape } from '../types.js';
import type { RawModel, RawOperation, RawShape } from './raw-model.js';

/** Traits kept, in the order they are written (a stable order keeps the output diff-friendly). */
const KEPT_SCALAR_TRAITS = [
  'type', 'shape', 'location', 'locationName', 'queryName', 'flattened', 'xmlAttribute',
  'xmlNamespace', 'timestampFormat', 'payload', 'streaming', 'jsonvalue', 'idempotencyToken',
  'hostLabel', 'enum', 'min', 'max', 'pattern', 'exception', 'fault', 'error', 'resultWrapper',
] as const;

export function pruneShape(raw: RawShape): Shape {
  const out: Record<string, unknown> = {};
  for (const trait of KEPT_SCALAR_TRAITS) {
    if (raw[trait] !== undefined) out[trait] = raw[trait];
  }
  if (Array.isArray(raw.required) && raw.required.length > 0) out.required = raw.required;
  if (raw.members !== undefined) {
    const members: Record<string, Shape> = {};
    for (const [name, member] of Object.entries(raw.members as Record<string, RawShape>)) {
      members[name] = pruneShape(member);
    }
    out.members = members;
  }
  for (const child of ['member', 'key', 'value'] as const) {
    if (raw[child] !== undefined) out[child] = pruneShape(raw[child] as RawShape);
  }
  return out as Shape;
}

/**
 * Protocols AWS accepts beyond the model's own. SQS speaks query as well as json (the v2 model
 * only lists json since SQS moved to json in 2023); the query shapes are the json ones with
 * flattened lists, and the SQS query names (e.g. `SendMessageBatchRequestEntry.N`) are derived by
 * the SQS service issue, not by this table.
 */
const EXTRA_PROTOCOLS: Partial<Record<ServiceName, ProtocolName[]>> = { sqs: ['json', 'query'] };
/** Namespaces of XML responses the model does not name (SQS query responses). */
const EXTRA_XML_NAMESPACE: Partial<Record<ServiceName, string>> = {
  sqs: 'http://queue.amazonaws.com/doc/2012-11-05/',
};

function resolveOpShape(model: RawModel, ref: RawShape | undefined): RawShape | undefined {
  if (ref === undefined) return undefined;
  // An operation may point at a shared shape; inline it so protocols find members in one place.
  if (typeof ref.shape === 'string' && ref.members === undefined) {
    const { shape, ...rest } = ref;
    return { ...model.shapes[shape as string], ...rest };
  }
  return ref;
}

function isStreaming(model: RawModel, shape: Shape | undefined): boolean {
  if (shape?.payload === undefined || shape.members === undefined) return false;
  const member = shape.members[shape.payload];
  if (member === undefined) return false;
  const target = member.shape !== undefined ? model.shapes[member.shape] : undefined;
  return member.streaming === true || target?.streaming === true;
}

function pruneOperation(model: RawModel, name: string, raw: RawOperation): OperationModel {
  const http: OperationModel['http'] = {
    method: raw.http?.method ?? 'POST', // json and query operations have no HTTP binding
    requestUri: raw.http?.requestUri ?? '/',
  };
  if (raw.http?.responseCode !== undefined) http.responseCode = raw.http.responseCode;
  const op: OperationModel = { name, http };
  const input = resolveOpShape(model, raw.input);
  const output = resolveOpShape(model, raw.output);
  if (input !== undefined) op.input = pruneShape(input);
  if (output !== undefined) op.output = pruneShape(output);
  if (raw.errors !== undefined && raw.errors.length > 0) op.errors = raw.errors.map(pruneShape);
  if (isStreaming(model, op.input)) op.streamingInput = true;
  if (isStreaming(model, op.output)) op.streamingOutput = true;
  return op;
}

export function pruneModel(service: ServiceName, raw: RawModel): ServiceModel {
  const meta = raw.metadata;
  const protocol = meta.protocol as ProtocolName;
  const model: ServiceModel = {
    service,
    serviceId: meta.serviceId,
    apiVersion: meta.apiVersion,
    protocol,
    protocols: EXTRA_PROTOCOLS[service] ?? [protocol],
    signingName: meta.signingName ?? meta.endpointPrefix,
    operations: {},
    shapes: {},
  };
  if (meta.jsonVersion !== undefined) model.jsonVersion = meta.jsonVersion;
  if (meta.targetPrefix !== undefined) model.targetPrefix = meta.targetPrefix;
  const ns = meta.xmlNamespace ?? EXTRA_XML_NAMESPACE[service] ??
    (protocol === 'rest-xml' ? `http://${meta.endpointPrefix}.amazonaws.com/doc/${meta.apiVersion}/` : undefined);
  if (ns !== undefined) model.xmlNamespace = ns;
  for (const name of Object.keys(raw.operations).sort()) {
    model.operations[name] = pruneOperation(raw, name, raw.operations[name]!);
  }
  for (const name of Object.keys(raw.shapes).sort()) model.shapes[name] = pruneShape(raw.shapes[name]!);
  return model;
}
