/**
 * Typed output → rest-xml response (S3): status (modelled responseCode, or a statusCode member),
 * header members, `headers` prefix maps, and the body: a streaming payload as a stream, a
 * blob/string payload raw, a structure payload or the body members as XML under the root
 * element AWS uses, in the service namespace.
 */
import type { ServiceModel, Shape } from '../../model/types.js';
import type { OutgoingBody, ProtocolContext, WireResponse } from '../types.js';
import { resolveShape, shapeType } from '../shared/shape-walker.js';
import { formatTimestamp, toDate } from '../shared/timestamps.js';
import { structureAttrs, writeMembers, writeValue } from '../shared/xml-serialize.js';
import { XML_DECLARATION, XmlWriter } from '../shared/xml-writer.js';
import { s3RequestHeaders } from './request-headers.js';
import { encodeMetadataValue } from './mime-words.js';
import { unmodelledHeaders, unmodelledMemberOrder, unmodelledStatus } from './unmodelled-answers.js';

function headerText(model: ServiceModel, member: Shape, value: unknown): string | undefined {
  switch (shapeType(member)) {
    case 'timestamp': {
      const date = toDate(value);
      return date === undefined ? undefined : formatTimestamp(date, member.timestampFormat ?? 'rfc822');
    }
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const item = resolveShape(model, member.member ?? {});
      return value.map((v) => headerText(model, item, v)).filter((v) => v !== undefined).join(', ');
    }
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
    default:
      return value === null || value === undefined ? undefined : String(value);
  }
}

/** An output shape's members by location, resolved once per shape (the model is immutable). */
interface OutputPlan {
  headers: { name: string; member: Shape; header: string }[];
  prefixMaps: { name: string; prefix: string }[];
  statusCode: string[];
  /** Members written in the XML body (no location). */
  body: [string, Shape][];
  /** Headers S3 sends for this operation that its model does not name (unmodelled-answers.ts). */
  fixedHeaders: Readonly<Record<string, string>> | undefined;
  /** The shape the body is written from: the output shape, its members in S3's order where that differs. */
  bodyShape: Shape;
}

const plans = new WeakMap<Shape, OutputPlan>();

/** The shape with its members in S3's element order (unmodelled-answers.ts), made once per operation. */
function inS3Order(shape: Shape, operation: string): Shape {
  const order = unmodelledMemberOrder[operation];
  if (order === undefined || shape.members === undefined) return shape;
  const members = shape.members;
  const first = order.filter((name) => members[name] !== undefined);
  const rest = Object.keys(members).filter((name) => !order.includes(name));
  return { ...shape, members: Object.fromEntries([...first, ...rest].map((name) => [name, members[name]!])) };
}

/** Each operation has its own output shape object, so a plan can hold that operation's extras. */
function outputPlan(model: ServiceModel, shape: Shape, operation: string): OutputPlan {
  let plan = plans.get(shape);
  if (plan !== undefined) return plan;
  plan = { headers: [], prefixMaps: [], statusCode: [], body: [], fixedHeaders: unmodelledHeaders[operation], bodyShape: inS3Order(shape, operation) };
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(model, ref);
    if (member.location === 'header') plan.headers.push({ name, member, header: (member.locationName ?? name).toLowerCase() });
    else if (member.location === 'headers') plan.prefixMaps.push({ name, prefix: (member.locationName ?? '').toLowerCase() });
    else if (member.location === 'statusCode') plan.statusCode.push(name);
    else if (member.location === undefined) plan.body.push([name, ref]);
  }
  plans.set(shape, plan);
  return plan;
}

export function encodeRestXml(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse {
  const { model, operation } = ctx;
  const shape = operation.output;
  const response: WireResponse = { status: operation.http.responseCode ?? 200, headers: s3RequestHeaders(ctx.requestId, ctx.hostId) };
  if (shape === undefined) {
    response.status = unmodelledStatus[operation.name] ?? response.status;
    return response;
  }
  const plan = outputPlan(model, shape, operation.name);
  if (plan.fixedHeaders !== undefined) Object.assign(response.headers, plan.fixedHeaders);
  for (const { name, member, header } of plan.headers) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    const text = headerText(model, member, value);
    if (text !== undefined) response.headers[header] = text;
  }
  for (const { name, prefix } of plan.prefixMaps) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    // x-amz-meta-* values outside US-ASCII go out RFC 2047-encoded, as S3 sends them (mime-words.ts).
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) response.headers[`${prefix}${k}`] = encodeMetadataValue(String(v));
  }
  for (const name of plan.statusCode) {
    const value = output[name];
    if (typeof value === 'number') response.status = value;
  }
  writeBody(ctx, plan.bodyShape, output, response, plan.body);
  return response;
}

function writeBody(ctx: ProtocolContext, shape: Shape, output: Record<string, unknown>, response: WireResponse, bodyMembers: [string, Shape][]): void {
  const { model, operation } = ctx;
  if (shape.payload !== undefined) {
    const value = output[shape.payload];
    if (value === undefined || value === null) return;
    const member = resolveShape(model, shape.members?.[shape.payload] ?? {});
    const type = shapeType(member);
    if (member.streaming === true) {
      const body = value as OutgoingBody;
      response.stream = body;
      response.headers['content-length'] ??= String(body.length);
      return;
    }
    if (type === 'blob' || type === 'string') {
      response.body = typeof value === 'string' ? value : Buffer.from(value as Uint8Array);
      return;
    }
    const name = member.locationName ?? shape.payload;
    const w = new XmlWriter();
    writeValue(w, model, name, namespaced(model, member), value);
    setXml(response, w);
    return;
  }
  if (bodyMembers.length === 0) return;
  const root = shape.locationName ?? `${operation.name}Output`;
  const w = new XmlWriter();
  const ns = model.xmlNamespace === undefined ? undefined : { xmlns: model.xmlNamespace };
  const only = bodyMembers.length === 1 ? bodyMembers[0]! : undefined;
  const onlyMember = only === undefined ? undefined : resolveShape(model, only[1]);
  if (only !== undefined && onlyMember !== undefined && (onlyMember.locationName ?? only[0]) === root &&
    shapeType(onlyMember) === 'string') {
    // A lone text member named like the root is the root's text (GetBucketLocation:
    // <LocationConstraint xmlns="…">eu-west-1</LocationConstraint>; empty for us-east-1).
    const text = output[only[0]];
    w.leaf(root, typeof text === 'string' && text !== '' ? text : undefined, ns);
  } else {
    w.open(root, structureAttrs(model, shape, output, ns));
    writeMembers(w, model, shape, output);
    w.close(root);
  }
  setXml(response, w);
}

const namespacedShapes = new WeakMap<Shape, Shape>();

/** A payload member declaring the service namespace, made once per member: serializers are compiled per shape object. */
function namespaced(model: ServiceModel, member: Shape): Shape {
  let out = namespacedShapes.get(member);
  if (out === undefined) {
    out = { ...member, xmlNamespace: member.xmlNamespace ?? { uri: model.xmlNamespace ?? '' } };
    namespacedShapes.set(member, out);
  }
  return out;
}

function setXml(response: WireResponse, w: XmlWriter): void {
  response.body = w.toBuffer(XML_DECLARATION);
  response.headers['content-type'] = 'application/xml';
}
