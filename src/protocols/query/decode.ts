/**
 * AWS query request (form body or query string) → typed input by shape (SNS, STS, SQS query).
 * Names: a member's locationName (queryName first) or its name; lists are `Name.member.N`
 * (item name from the list member's locationName) or, flattened, `Name.N`; maps are
 * `Name.entry.N.key/value` (key/value names from the map's locationNames) or, flattened,
 * `Name.N.key/value`; nested structures are `Name.Child`. `Name=` alone is an empty list.
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 */
import { AwsError } from '../../errors/aws-error.js';
import type { ServiceModel, Shape } from '../../model/types.js';
import type { ProtocolContext, WireRequest } from '../types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../shared/shape-walker.js';
import { parseNumberText } from '../shared/number-text.js';
import { firstParam, parseQuery } from '../shared/query-string.js';
import { parseTimestamp } from '../shared/timestamps.js';

interface Params {
  values: Map<string, string>;
  /** Every key and every dotted prefix of a key: "A.member.1.B" gives A, A.member, A.member.1, ... */
  prefixes: Set<string>;
}

const MAX_DEPTH = 32;

/**
 * The query protocol's "wrong value" error (what SNS answers for e.g. Foo=abc on an integer).
 * STS answers the code MalformedInput instead: radkawar/stackd testdata/aws/sts/query_inputs.json
 * (GetSessionToken DurationSeconds " 900 ", "900.0", "9e2", "2147483648", 2026-09-12). The
 * capture keeps codes only, so the message stays the decoder's.
 */
const malformedValue = (service: ServiceModel['service'], name: string, value: string): AwsError => new AwsError({
  code: service === 'sts' ? 'MalformedInput' : 'InvalidParameterValue',
  status: 400,
  message: `Invalid value for parameter ${name}: ${value}`,
});

function scalar(service: ServiceModel['service'], shape: Shape, name: string, text: string): unknown {
  const type = shapeType(shape);
  if (isNumeric(type)) {
    // Not Number(): it takes '0x10', '1e1' and ' 7 ' as integers (number-text.ts).
    const n = parseNumberText(type, text);
    if (n === undefined || Number.isNaN(n)) throw malformedValue(service, name, text);
    return n;
  }
  switch (type) {
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw malformedValue(service, name, text);
    case 'timestamp': {
      const date = parseTimestamp(text);
      if (date === undefined) throw malformedValue(service, name, text);
      return date;
    }
    case 'blob': return Buffer.from(text, 'base64');
    default: return text;
  }
}

const memberName = (shape: Shape, name: string): string => shape.queryName ?? shape.locationName ?? name;

function read(model: ServiceModel, shape: Shape, key: string, params: Params, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined;
  switch (shapeType(shape)) {
    case 'structure': {
      if (!params.prefixes.has(key)) return undefined;
      return readMembers(model, shape, `${key}.`, params, depth + 1);
    }
    case 'list': {
      if (params.values.get(key) === '') return [];
      const item = resolveShape(model, shape.member ?? {});
      const base = shape.flattened === true ? key : `${key}.${item.locationName ?? 'member'}`;
      const out: unknown[] = [];
      for (let i = 1; params.prefixes.has(`${base}.${i}`); i++) out.push(read(model, item, `${base}.${i}`, params, depth + 1));
      // A flattened list sent once without its index (`AttributeName=All`) is a one-item list, as
      // SQS reads it: boto 2 sent GetQueueAttributes and AddPermission so against SQS (API
      // 2012-11-05), kombu's async SQS client still does, and elasticmq#448 (2021) found AWS
      // taking it. Only SQS's model has flattened lists; one lookup, only when the list is absent.
      if (out.length === 0 && shape.flattened === true && params.values.has(key)) {
        const t = shapeType(item);
        if (t !== 'structure' && t !== 'list' && t !== 'map') return [scalar(model.service, item, key, params.values.get(key)!)];
      }
      return out.length > 0 ? out : undefined;
    }
    case 'map': {
      const keyShape = resolveShape(model, shape.key ?? {});
      const valueShape = resolveShape(model, shape.value ?? {});
      const base = shape.flattened === true ? key : `${key}.entry`;
      const out: Record<string, unknown> = {};
      let any = false;
      // An entry lacking its key is not an entry, nor one lacking a scalar value, as the JSON
      // decoder drops a null map value: handlers never see a name without a value (before, 500 in
      // SQS and SNS). A structure value sent with none of its members (`MessageAttribute.1.Name=a`
      // alone) is an empty structure, so the service refuses it in its own words rather than
      // dropping what the caller named: SQS answered such an attribute InvalidParameterValue "The
      // message attribute 'a' must contain non-empty message attribute value." (boto/boto#3348,
      // 2015, fixing #3335).
      const structureValue = shapeType(valueShape) === 'structure';
      const entry = (at: string): boolean => {
        const k = params.values.get(`${at}.${keyShape.queryName ?? keyShape.locationName ?? 'key'}`);
        if (k === undefined) return false;
        const v = read(model, valueShape, `${at}.${valueShape.queryName ?? valueShape.locationName ?? 'value'}`, params, depth + 1)
          ?? (structureValue ? {} : undefined);
        if (v === undefined) return false;
        setOwn(out, k, v);
        return true;
      };
      for (let i = 1; params.prefixes.has(`${base}.${i}`); i++) if (entry(`${base}.${i}`)) any = true;
      // A flattened map's one entry sent without its index (`Attribute.Name=VisibilityTimeout&
      // Attribute.Value=10`), as for lists above: boto 2's set_queue_attribute sent SetQueueAttributes
      // so against SQS (API 2012-11-05) and fog-aws 3.15 still does. Only when no indexed entry came.
      if (!any && shape.flattened === true) any = entry(base);
      return any ? out : undefined;
    }
    default: {
      const text = params.values.get(key);
      return text === undefined ? undefined : scalar(model.service, shape, key, text);
    }
  }
}

function readMembers(model: ServiceModel, shape: Shape, prefix: string, params: Params, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(model, ref);
    const value = read(model, member, `${prefix}${memberName(member, name)}`, params, depth);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function collect(request: WireRequest): Params {
  const values = new Map<string, string>();
  const fromQuery = parseQuery(request.query);
  const fromBody = request.body !== undefined && request.body.length > 0 ? parseQuery(request.body.toString('utf8')) : undefined;
  for (const source of [fromQuery, fromBody]) {
    if (source === undefined) continue;
    for (const [k, v] of source) values.set(k, v[0]!);
  }
  const prefixes = new Set<string>();
  for (const key of values.keys()) {
    let dot = key.indexOf('.');
    while (dot >= 0) { prefixes.add(key.slice(0, dot)); dot = key.indexOf('.', dot + 1); }
    prefixes.add(key);
  }
  return { values, prefixes };
}

/** The form parameters of a query request. */
export function queryParams(request: WireRequest): Map<string, string> {
  return collect(request).values;
}

/**
 * A query request's Action (the gateway routes by it), as `queryParams(request).get('Action')`
 * would give it: the body's first value, else the query string's; without parsing the whole form.
 */
export function queryAction(request: WireRequest): string | undefined {
  const body = request.body;
  const fromBody = body !== undefined && body.length > 0 ? firstParam(body.toString('utf8'), 'Action') : undefined;
  return fromBody ?? firstParam(request.query, 'Action');
}

export function decodeQuery(ctx: ProtocolContext, request: WireRequest): Record<string, unknown> {
  const input = ctx.operation.input;
  if (input === undefined) return {};
  return readMembers(ctx.model, input, '', collect(request), 0);
}
