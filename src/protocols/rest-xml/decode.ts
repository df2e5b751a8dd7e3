/**
 * rest-xml request → typed input: uri labels (already matched by the router), querystring,
 * headers (and `headers`-located prefix maps such as x-amz-meta-*), and the body: a payload
 * member (raw blob/string or an XML structure) or the input's own body members.
 * Streaming payloads (PutObject Body) are not decoded here: the gateway attaches the
 * IncomingBody to the input itself.
 */
import type { OperationModel, ServiceModel, Shape } from '../../model/types.js';
import type { XmlElement } from '../../pool/types.js';
import type { ProtocolContext, WireRequest } from '../types.js';
import { isNumeric, resolveShape, setOwn, shapeType } from '../shared/shape-walker.js';
import { parseNumberText } from '../shared/number-text.js';
import { parseQuery, type ParsedQuery } from '../shared/query-string.js';
import { parseTimestamp } from '../shared/timestamps.js';
import { readStructure, readValue, XmlValueError } from '../shared/xml-deserialize.js';
import { parseXml, XmlParseError } from '../../util/xml-parse.js';
import { expectedOwnerTwice, invalidArgument, malformedXml } from './errors.js';
import { decodeMetadataValue } from './mime-words.js';

/** A header/query/label string → the member's type; undefined means "not a valid value". */
function fromText(model: ServiceModel, shape: Shape, text: string, inHeader: boolean): unknown {
  const type = shapeType(shape);
  if (isNumeric(type)) return parseNumberText(type, text);
  switch (type) {
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'timestamp': return parseTimestamp(text);
    case 'blob': return Buffer.from(text, 'base64');
    case 'list': {
      const item = resolveShape(model, shape.member ?? {});
      const parts = inHeader ? headerListItems(text, isHttpDate(item)) : [text];
      return parts.map((p) => fromText(model, item, p, inHeader));
    }
    default: return text;
  }
}

/** A header timestamp is an http-date ("Mon, 16 Dec 2019 23:48:18 GMT") unless the model says otherwise. */
const isHttpDate = (shape: Shape): boolean => shapeType(shape) === 'timestamp' && (shape.timestampFormat ?? 'rfc822') === 'rfc822';

/**
 * Header lists are comma-separated (RFC 7230 §3.2.2). An http-date holds a comma of its own, so a
 * list of them is split at every second comma (smithy-aws-protocol-tests restXml
 * http-headers.smithy InputAndOutputWithTimestampHeaders: "Mon, 16 Dec 2019 23:48:18 GMT, Mon,
 * 16 Dec 2019 23:48:18 GMT" is two timestamps).
 */
function headerListItems(text: string, httpDates: boolean): string[] {
  const parts = text.split(',').map((s) => s.trim());
  if (!httpDates) return parts.filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(i + 1 < parts.length ? `${parts[i]}, ${parts[i + 1]}` : parts[i]!);
  return out.filter((s) => s !== '');
}

function convert(model: ServiceModel, member: Shape, name: string, text: string, inHeader: boolean): unknown {
  const value = fromText(model, member, text, inHeader);
  if (value === undefined) throw invalidArgument(name, text, invalidValueMessage(member, name, text, inHeader));
  return value;
}

/** S3's wording for a query integer that is not one (max-keys=abc, max-uploads=99999999999). */
function invalidValueMessage(member: Shape, name: string, text: string, inHeader: boolean): string {
  const type = shapeType(member);
  if (!inHeader && member.location === 'querystring' && (type === 'integer' || type === 'long')) {
    return `Provided ${name} not an integer or within integer range`;
  }
  return `Invalid value for ${name}: ${text}`;
}

function readQueryMember(model: ServiceModel, member: Shape, name: string, query: ParsedQuery): unknown {
  const type = shapeType(member);
  if (type === 'map') {
    // A querystring map takes every parameter, those a named member reads too (smithy-aws-protocol-
    // tests restXml http-query.smithy RestXmlServersPutAllQueryParamsInMap and
    // RestXmlServersQueryParamsStringListMap, appliesTo server). S3's model has no such map.
    const out: Record<string, unknown> = {};
    const value = resolveShape(model, member.value ?? {});
    for (const [key, values] of query) {
      setOwn(out, key, shapeType(value) === 'list' ? values : values[0]);
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const key = member.locationName ?? name;
  const values = query.get(key);
  if (values === undefined) return undefined;
  if (type === 'list') {
    const item = resolveShape(model, member.member ?? {});
    return values.map((v) => convert(model, item, key, v, false));
  }
  const text = values[0]!;
  // An empty integer (ListParts max-parts=) is no value: S3 answers with its default (LocalStack's
  // AWS-validated test_s3.py::test_list_parts_empty_part_number_marker, "list-parts-empty-max-parts":
  // MaxParts 1000, and its note "S3 does not care about empty string for integer query string parameters").
  if (text === '' && isNumeric(type)) return undefined;
  return convert(model, member, key, text, false);
}

function readBody(ctx: ProtocolContext, request: WireRequest, input: Shape, out: Record<string, unknown>, hasBodyMembers: boolean): void {
  const { model } = ctx;
  const body = request.body;
  const hasBody = request.xml !== undefined || (body !== undefined && body.length > 0);
  if (input.payload !== undefined) {
    const ref = input.members?.[input.payload];
    if (ref === undefined) return;
    const member = resolveShape(model, ref);
    const type = shapeType(member);
    if (member.streaming === true) return; // the gateway attaches the IncomingBody
    if (type === 'blob') { if (body !== undefined) out[input.payload] = new Uint8Array(body.buffer, body.byteOffset, body.length); return; }
    if (type === 'string') { if (body !== undefined) out[input.payload] = body.toString('utf8'); return; }
    if (!hasBody) return;
    const xml = xmlOf(request);
    // S3 validates the document against its schema: another root element (`<Foo>` for DeleteObjects'
    // `<Delete>`) is MalformedXML, "did not validate against our published schema". Read before,
    // its children were taken as the payload's and the request ran (s3left26's hostile pass).
    if (ref.locationName !== undefined && localName(xml.name) !== ref.locationName) throw malformedXml();
    out[input.payload] = readValue(model, member, xml);
    return;
  }
  if (hasBodyMembers && hasBody) Object.assign(out, readStructure(model, input, xmlOf(request)));
}

/** An element name less any namespace prefix (`s3:Delete` is `Delete`). */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function xmlOf(request: WireRequest): XmlElement {
  if (request.xml !== undefined) return request.xml;
  try {
    return parseXml(request.body ?? Buffer.alloc(0));
  } catch (err) {
    if (err instanceof XmlParseError) throw malformedXml();
    throw err;
  }
}

/**
 * What decoding an operation's input needs from the model, worked out once per operation (the
 * model is immutable): resolved members, header names in lower case, and whether any member is
 * read from the query or the body.
 */
interface InputPlan {
  members: { name: string; member: Shape; key: string; header: string; alsoInQuery: boolean }[];
  hasBodyMembers: boolean;
  usesQuery: boolean;
}

const plans = new WeakMap<OperationModel, InputPlan>();

function inputPlan(model: ServiceModel, operation: OperationModel, input: Shape): InputPlan {
  let plan = plans.get(operation);
  if (plan !== undefined) return plan;
  const members = Object.entries(input.members ?? {}).map(([name, ref]) => {
    const member = resolveShape(model, ref);
    const key = member.locationName ?? name;
    return { name, member, key, header: key.toLowerCase(), alsoInQuery: member.location === 'header' && key.toLowerCase() === EXPECTED_OWNER };
  });
  plan = {
    members,
    hasBodyMembers: members.some(({ member }) => member.location === undefined),
    usesQuery: members.some(({ member }) => member.location === 'querystring'),
  };
  plans.set(operation, plan);
  return plan;
}

const NO_QUERY: ParsedQuery = new Map();

/**
 * The one header S3 also takes from the query (a presigned URL's): it is enforced from there, and
 * given both ways it is refused, equal or not (radkawar/stackd testdata/aws/s3/
 * presigned_headers.json owner-query-wrong, owner-query-header-conflict, owner-query-header-same,
 * 2026-09-13). Other headers in the query, such as x-amz-checksum-mode, S3 ignores there.
 */
const EXPECTED_OWNER = 'x-amz-expected-bucket-owner';

function expectedOwner(header: string | undefined, query: ParsedQuery | undefined, rawQuery: string): string | undefined {
  if (!rawQuery.includes(EXPECTED_OWNER)) return header;
  const fromQuery = (query ?? parseQuery(rawQuery)).get(EXPECTED_OWNER)?.[0];
  if (fromQuery === undefined) return header;
  if (header !== undefined) throw expectedOwnerTwice();
  return fromQuery;
}

export function decodeRestXml(ctx: ProtocolContext, request: WireRequest, labels: Record<string, string>): Record<string, unknown> {
  const { model } = ctx;
  const input = ctx.operation.input;
  const out: Record<string, unknown> = {};
  if (input === undefined) return out;
  const plan = inputPlan(model, ctx.operation, input);
  const query = plan.usesQuery ? parseQuery(request.query) : NO_QUERY;
  for (const { name, member, key, header, alsoInQuery } of plan.members) {
    let value: unknown;
    switch (member.location) {
      case 'uri': {
        const text = labels[key];
        if (text !== undefined) value = convert(model, member, key, text, false);
        break;
      }
      case 'querystring': value = readQueryMember(model, member, name, query); break;
      case 'header': {
        const text = alsoInQuery ? expectedOwner(request.headers[header], plan.usesQuery ? query : undefined, request.query) : request.headers[header];
        if (text !== undefined) value = convert(model, member, key, text, true);
        break;
      }
      case 'headers': value = readPrefixHeaders(member.locationName ?? '', request.headers); break;
      default: break;
    }
    if (value !== undefined) out[name] = value;
  }
  try {
    readBody(ctx, request, input, out, plan.hasBodyMembers);
  } catch (err) {
    if (err instanceof XmlValueError) throw malformedXml();
    throw err;
  }
  return out;
}

/**
 * `x-amz-meta-*` → { suffix: value }; header names arrive lower-case, as S3 stores them, and
 * values are RFC 2047-decoded as S3 decodes them (mime-words.ts).
 */
function readPrefixHeaders(prefix: string, headers: Record<string, string>): Record<string, string> | undefined {
  const lower = prefix.toLowerCase();
  let out: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.length > lower.length && name.startsWith(lower)) {
      out ??= {};
      setOwn(out, name.slice(lower.length), decodeMetadataValue(value));
    }
  }
  return out;
}
