/**
 * The SDK's schemas → the raw model format the rest of the generator reads (raw-model.ts: the
 * service-model JSON layout, with `location`/`locationName`, inline shapes and shared `shapes`).
 *
 * The schema format (smithy-typescript, @smithy/core/schema): a simple type is a number (0 string,
 * 1 number, 2 boolean, 4–7 timestamps, 21 blob, 42 streaming blob, 64|x list of x, 128|x map of
 * string to x); an aggregate is an array `[kind, namespace, name, traits, ...]` with kind 0
 * (named simple type), 1 list, 2 map, 3 structure, 4 union, -3 error, 9 operation; a reference
 * to a named shape is a thunk; a member is a schema or `[schema, memberTraits]`. Traits are an
 * object, or a bit set of httpLabel, idempotent, idempotencyToken, sensitive, httpPayload,
 * httpResponseCode, httpQueryParams (in that bit order).
 *
 * A named aggregate reached more than once (or recursively) becomes a shared entry of `shapes`
 * under its smithy name; everything else is inlined, so the tables stay compact.
 */
import type { ServiceName } from '../types.js';
import type { ClientModel, SchemaRef } from './sdk-clients.js';
import type { RawModel, RawOperation, RawShape } from './raw-model.js';
import { FLOATING_POINT_MEMBERS } from './floating-point.js';

type Traits = Record<string, unknown>;
type Aggregate = [number, string, string, Traits | number, ...unknown[]];

const BIT_TRAITS = ['httpLabel', 'idempotent', 'idempotencyToken', 'sensitive', 'httpPayload', 'httpResponseCode', 'httpQueryParams'];

function traitsOf(indicator: unknown): Traits {
  if (typeof indicator === 'object' && indicator !== null) return indicator as Traits;
  const bits = typeof indicator === 'number' ? indicator : 0;
  const out: Traits = {};
  BIT_TRAITS.forEach((name, i) => { if (((bits >> i) & 1) === 1) out[name] = 1; });
  return out;
}

const deref = (ref: SchemaRef): SchemaRef => (typeof ref === 'function' ? (ref as () => SchemaRef)() : ref);
const isAggregate = (s: SchemaRef): s is Aggregate => Array.isArray(s) && s.length >= 4 && typeof s[1] === 'string';
/** `[schema, traits]` member pairs are the only two-element arrays. */
const splitMember = (m: unknown): [SchemaRef, Traits] =>
  (Array.isArray(m) && m.length === 2 ? [m[0], traitsOf(m[1])] : [m, {}]);

const TIMESTAMP_FORMATS: Record<number, string | undefined> = { 4: undefined, 5: 'iso8601', 6: 'rfc822', 7: 'unixTimestamp' };

class Converter {
  readonly shapes: Record<string, RawShape> = {};
  #refCounts = new Map<Aggregate, number>();
  #shared = new Set<Aggregate>();
  #service: ServiceName;
  /** json services: `xmlName` is for their awsQuery twin only (SQS), so it becomes a `queryName`. */
  #xmlNameTrait: 'locationName' | 'queryName';

  constructor(service: ServiceName, protocol: string) {
    this.#service = service;
    this.#xmlNameTrait = protocol === 'json' ? 'queryName' : 'locationName';
  }

  /** First pass: how often each named aggregate is reached; a cycle makes it shared. */
  count(ref: SchemaRef, path: Set<Aggregate> = new Set()): void {
    const s = deref(ref);
    if (typeof s === 'number') { if (s & 64 || s & 128) this.count(s & 63, path); return; }
    if (!isAggregate(s)) return;
    if (path.has(s)) { this.#shared.add(s); return; }
    const seen = this.#refCounts.get(s) ?? 0;
    this.#refCounts.set(s, seen + 1);
    if (seen > 0) { if (s[0] !== 0) this.#shared.add(s); return; }
    path.add(s);
    for (const child of this.#children(s)) this.count(splitMember(child)[0], path);
    path.delete(s);
  }

  #children(s: Aggregate): unknown[] {
    switch (s[0]) {
      case 0: case 1: return [s[4]];
      case 2: return [s[4], s[5]];
      case 3: case 4: case -3: return s[5] as unknown[];
      default: return [];
    }
  }

  /** A member reference with the member's own traits applied (location, xml name, ...). */
  member(owner: string, name: string, raw: unknown, parent: RawShape): RawShape {
    const [ref, traits] = splitMember(raw);
    const shape: RawShape = { ...this.shape(ref, `${owner}.${name}`) };
    if (traits.httpLabel !== undefined) { shape.location = 'uri'; shape.locationName = name; }
    if (typeof traits.httpQuery === 'string') { shape.location = 'querystring'; shape.locationName = traits.httpQuery; }
    if (traits.httpQueryParams !== undefined) shape.location = 'querystring';
    if (typeof traits.httpHeader === 'string') { shape.location = 'header'; shape.locationName = traits.httpHeader; }
    if (typeof traits.httpPrefixHeaders === 'string') { shape.location = 'headers'; shape.locationName = traits.httpPrefixHeaders; }
    if (traits.httpResponseCode !== undefined) shape.location = 'statusCode';
    if (traits.httpPayload !== undefined) parent.payload = name;
    if (typeof traits.xmlName === 'string') shape[this.#xmlNameTrait] = traits.xmlName;
    if (typeof traits.jsonName === 'string') shape.locationName = traits.jsonName;
    if (traits.xmlFlattened !== undefined) shape.flattened = true;
    if (traits.xmlAttribute !== undefined) shape.xmlAttribute = true;
    if (Array.isArray(traits.xmlNamespace)) shape.xmlNamespace = namespace(traits.xmlNamespace);
    if (traits.idempotencyToken !== undefined) shape.idempotencyToken = true;
    if (traits.hostLabel !== undefined) shape.hostLabel = true;
    if (FLOATING_POINT_MEMBERS[this.#service]?.includes(`${owner}.${name}`)) floatingPoint(shape, `${owner}.${name}`);
    return shape;
  }

  /** A schema as a raw shape: a `{shape}` reference when shared, else inline. */
  shape(ref: SchemaRef, where: string): RawShape {
    const s = deref(ref);
    if (typeof s === 'number') return this.#simple(s, where);
    if (s === 'unit' || s === undefined) return { type: 'structure', members: {} };
    if (!isAggregate(s)) throw new Error(`${where}: unknown schema ${JSON.stringify(s)}`);
    if (!this.#shared.has(s)) return this.#aggregate(s);
    const name = s[2];
    if (this.shapes[name] === undefined) {
      this.shapes[name] = {}; // placeholder: a recursive reference finds the name taken
      this.shapes[name] = this.#aggregate(s);
    }
    return { shape: name };
  }

  #simple(code: number, where: string): RawShape {
    if (code & 64) return { type: 'list', member: this.#simple(code & 63, where) };
    if (code & 128) return { type: 'map', key: {}, value: this.#simple(code & 63, where) };
    switch (code) {
      case 0: return {};
      case 1: return { type: 'integer' };
      case 2: return { type: 'boolean' };
      case 4: case 5: case 6: case 7: {
        const format = TIMESTAMP_FORMATS[code];
        return format === undefined ? { type: 'timestamp' } : { type: 'timestamp', timestampFormat: format };
      }
      case 17: return { type: 'long' };
      case 19: return { type: 'bigdecimal' };
      case 21: return { type: 'blob' };
      case 42: return { type: 'blob', streaming: true };
      default: throw new Error(`${where}: unsupported simple schema ${code}`);
    }
  }

  #aggregate(s: Aggregate): RawShape {
    const [kind, , name, rawTraits] = s;
    const traits = traitsOf(rawTraits);
    switch (kind) {
      case 0: {
        const out = { ...this.shape(s[4], name) };
        if (traits.streaming !== undefined) out.streaming = true;
        return out;
      }
      case 1: {
        const out: RawShape = { type: 'list', member: this.member(name, 'member', s[4], {}) };
        if (traits.xmlFlattened !== undefined) out.flattened = true;
        return out;
      }
      case 2: return { type: 'map', key: this.member(name, 'key', s[4], {}), value: this.member(name, 'value', s[5], {}) };
      case 3: case 4: case -3: return this.#structure(s, traits);
      default: throw new Error(`${name}: unsupported schema kind ${kind}`);
    }
  }

  #structure(s: Aggregate, traits: Traits): RawShape {
    const [kind, , name, , names, refs, requiredCount] = s as [number, string, string, unknown, string[], unknown[], number | undefined];
    const out: RawShape = { type: 'structure' };
    if (requiredCount !== undefined && requiredCount > 0) out.required = names.slice(0, requiredCount);
    const members: Record<string, RawShape> = {};
    names.forEach((member, i) => { members[member] = this.member(name, member, refs[i], out); });
    out.members = members;
    if (kind === -3) {
      out.exception = true;
      const queryError = traits.awsQueryError as [string, number] | undefined;
      const error: Record<string, unknown> = {};
      if (queryError !== undefined) error.code = queryError[0];
      if (typeof traits.httpError === 'number') error.httpStatusCode = traits.httpError;
      if (traits.error === 'client') error.senderFault = true;
      else out.fault = true;
      out.error = error;
    }
    return out;
  }
}

function floatingPoint(shape: RawShape, where: string): void {
  const target = shape.type === 'list' ? shape.member as RawShape : shape;
  if (target.type !== 'integer') throw new Error(`${where}: listed as floating point but is not a number`);
  target.type = 'double';
}

function namespace([prefix, uri]: unknown[]): RawShape {
  return prefix === undefined || prefix === '' ? { uri } : { prefix, uri };
}

/**
 * The SDK drops S3's `{Bucket}` label from request URIs (the bucket goes to the host) and adds an
 * `x-id=<Operation>` marker that only SDK v3 sends; routing needs the model's own path.
 */
function requestUri(service: ServiceName, uri: string, input: RawShape | undefined): string {
  let out = uri.replace(/[?&]x-id=[^&]*/, (m) => (m.startsWith('?') ? '?' : '')).replace(/\?$/, '').replace(/\?&/, '?');
  const bucket = (input?.members as Record<string, RawShape> | undefined)?.Bucket;
  if (service === 's3' && bucket?.location === 'uri' && !out.includes('{Bucket}')) {
    out = out === '/' ? '/{Bucket}' : out.startsWith('/?') ? `/{Bucket}${out.slice(1)}` : `/{Bucket}${out}`;
  }
  return out;
}

export function schemaToRaw(service: ServiceName, client: ClientModel): RawModel {
  const converter = new Converter(service, client.protocol);
  const operations = Object.entries(client.schemas).filter(([, s]) => Array.isArray(s) && s[0] === 9) as [string, Aggregate][];
  const errors = Object.entries(client.schemas).filter(([, s]) => Array.isArray(s) && s[0] === -3 && s[1] !== 'smithy.ts.sdk.synthetic') as [string, Aggregate][];
  for (const [, op] of operations) { converter.count(op[4]); converter.count(op[5]); }
  const raw: RawModel = {
    metadata: {
      apiVersion: client.apiVersion, endpointPrefix: client.signingName, protocol: client.protocol,
      serviceId: client.serviceId, signingName: client.signingName,
    },
    operations: {},
    shapes: converter.shapes,
  };
  if (client.jsonVersion !== undefined) raw.metadata.jsonVersion = client.jsonVersion;
  if (client.protocol === 'json') raw.metadata.targetPrefix = client.serviceTarget;
  if (client.protocol !== 'json' && client.xmlNamespace !== undefined) raw.metadata.xmlNamespace = client.xmlNamespace;
  for (const [name, op] of operations) {
    const traits = traitsOf(op[3]);
    const http = traits.http as [string, string, number] | undefined;
    const rawOp: RawOperation = {};
    const input = deref(op[4]) === 'unit' ? undefined : converter.shape(op[4], `${name}.input`);
    const output = deref(op[5]) === 'unit' ? undefined : converter.shape(op[5], `${name}.output`);
    if (input !== undefined) rawOp.input = client.protocol === 'rest-xml' ? withRoot(raw, input, op[4]) : input;
    if (output !== undefined) rawOp.output = client.protocol === 'rest-xml' ? withRoot(raw, output, op[5], `${name}Output`) : output;
    if (http !== undefined) {
      rawOp.http = { method: http[0], requestUri: requestUri(service, http[1], resolveInput(raw, input)) };
      if (http[2] !== 200) rawOp.http.responseCode = http[2];
    }
    raw.operations[name] = rawOp;
  }
  for (const [name, error] of errors) {
    if (converter.shapes[name] === undefined) converter.shapes[name] = converter.shape(() => error, name);
  }
  return raw;
}

/**
 * The XML root element of a rest-xml request or response body: the structure's xmlName, else its
 * shape name (AWS sends these and some clients check them). Left out where it is the encoder's
 * default `<Operation>Output`, or where there is no body or a payload member names the root.
 */
function withRoot(raw: RawModel, shape: RawShape, ref: SchemaRef, defaultName?: string): RawShape {
  const s = deref(ref) as Aggregate;
  const root = traitsOf(s[3]).xmlName ?? s[2];
  const resolved = resolveInput(raw, shape) ?? shape;
  const members = Object.values((resolved.members ?? {}) as Record<string, RawShape>);
  const hasBody = members.some((m) => m.location === undefined);
  if (resolved.payload !== undefined || !hasBody || root === defaultName) return shape;
  return { ...shape, locationName: root };
}

function resolveInput(raw: RawModel, input: RawShape | undefined): RawShape | undefined {
  return typeof input?.shape === 'string' ? raw.shapes[input.shape] : input;
}
