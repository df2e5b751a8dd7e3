/**
 * SQS's (and STS's) query API answers in JSON when the request's Accept header asks for application/json:
 * the same document as the XML one, as JSON. Sources, all real SQS answers:
 * - localstack tests/aws/services/sqs/test_sqs.py TestSqsQueryApi (aws.validated, i.e. run
 *   against AWS; xfail only on localstack): test_get_queue_attributes_json_format — a GET with
 *   `Accept: application/json` answers 200 with
 *   {"GetQueueAttributesResponse": {"GetQueueAttributesResult": {"Attributes": [{"Name", "Value"}…]}}}
 *   (the member's own name, a flattened map as a list of Name/Value objects);
 *   test_get_list_queues_fails_json_format — an error is 400 with {"Error": {"Code", "Message"}};
 *   test_get_without_query_json_format_returns_returns_xml — no Action is still the bare XML
 *   <UnknownOperationException/> (encodeQueryError writes it).
 * - SQS SendMessage answers relayed by API Gateway's SQS integration, in two projects' READMEs
 *   (aws-samples and others; found by the string `"SendMessageResponse": {`):
 *   {"SendMessageResponse":{"ResponseMetadata":{"RequestId":"…"},"SendMessageResult":{
 *   "MD5OfMessageAttributes":null,"MD5OfMessageBody":"…","MD5OfMessageSystemAttributes":null,
 *   "MessageId":"…","SequenceNumber":null}}} — every member of the output, null when absent, keys
 *   in name order, RequestId under ResponseMetadata.
 * - STS too: kubernetes-sigs/aws-iam-authenticator pkg/token/token.go, which EKS runs against
 *   real STS, dereferences a presigned GetCallerIdentity URL with `Accept: application/json` and
 *   reads {"GetCallerIdentityResponse": {"GetCallerIdentityResult": {"Account", "Arn", "UserId"},
 *   "ResponseMetadata": {"RequestId"}}}; an AssumeRole answer quoted as "Sample response from STS"
 *   (a lua-resty AWS library) has the same form: members in name order, "PackedPolicySize": null,
 *   Credentials.Expiration in epoch seconds (1460355675).
 * SNS has no source, so it keeps XML.
 * Scalars are written as SQS's JSON protocol writes the same members (numbers, booleans, base64
 * blobs). The error document keeps the XML one's other parts (Type, Detail, RequestId beside
 * Error): no source shows them, and the parts a source shows are where it shows them.
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { OperationModel, ServiceModel, ServiceName, Shape } from '../../model/types.js';
import type { ProtocolContext, WireResponse } from '../types.js';
import { resolveShape, shapeType } from '../shared/shape-walker.js';
import { toDate } from '../shared/timestamps.js';

const CONTENT_TYPE = 'application/json';

/**
 * An Accept header naming application/json (any position, any case), for SQS and STS. A range
 * weighted q=0 is one the client refuses (RFC 9110 §12.4.2, "not acceptable"): no source shows
 * what SQS answers it, so it gets XML, the query protocol's own answer every query client reads,
 * not a JSON document its parser may fail on (hostile pass 27; before, `application/json;q=0` got JSON).
 */
export function answersQueryInJson(service: ServiceName | undefined, accept: string | undefined): boolean {
  if ((service !== 'sqs' && service !== 'sts') || accept === undefined || !accept.toLowerCase().includes('application/json')) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';');
    return type!.trim().toLowerCase() === 'application/json' && !params.some((p) => REFUSED.test(p));
  });
}

/** A q parameter of zero (`q=0`, `q=0.000`; RFC 9110 §12.4.2 weights have at most three decimals). */
const REFUSED = /^\s*q\s*=\s*0(?:\.0{0,3})?\s*$/i;

function valueOf(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (shapeType(shape)) {
    case 'structure': return membersOf(model, shape, value as Record<string, unknown>);
    case 'list': {
      const item = resolveShape(model, shape.member ?? {});
      return Array.isArray(value) ? value.map((v) => valueOf(model, item, v)) : null;
    }
    case 'map': {
      const key = resolveShape(model, shape.key ?? {});
      const val = resolveShape(model, shape.value ?? {});
      const keyName = key.queryName ?? key.locationName ?? 'key';
      const valueName = val.queryName ?? val.locationName ?? 'value';
      return Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ [keyName]: k, [valueName]: valueOf(model, val, v) }));
    }
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : value;
    case 'timestamp': {
      const date = toDate(value);
      return date === undefined ? null : date.getTime() / 1000;
    }
    default: return value;
  }
}

/** Every member of the shape, in name order, null when absent. */
function membersOf(model: ServiceModel, shape: Shape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(shape.members ?? {}).sort()) {
    out[name] = valueOf(model, resolveShape(model, shape.members![name]!), value[name]);
  }
  return out;
}

export function encodeQueryJson(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse {
  const { model, operation } = ctx;
  const response: Record<string, unknown> = { ResponseMetadata: { RequestId: ctx.requestId } };
  if (operation.output !== undefined) {
    response[operation.output.resultWrapper ?? `${operation.name}Result`] = membersOf(model, operation.output, output);
  }
  const sorted = Object.fromEntries(Object.entries(response).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId },
    body: JSON.stringify({ [`${operation.name}Response`]: sorted }),
  };
}

/** The JSON error document, or undefined where SQS answers in XML whatever was asked (no Action). */
export function encodeQueryJsonError(
  ctx: { model: ServiceModel; operation?: OperationModel; requestId: string },
  error: AwsError,
): WireResponse | undefined {
  if (error.code === 'UnknownOperationException') return undefined;
  // As the XML document: SQS alone writes an (empty) Detail.
  const detail: Record<string, unknown> = ctx.model.service === 'sqs'
    ? { Code: error.queryCode ?? error.code, Detail: null, Message: error.queryMessage ?? error.message, Type: error.fault }
    : { Code: error.queryCode ?? error.code, Message: error.queryMessage ?? error.message, Type: error.fault };
  for (const [name, value] of Object.entries(error.fields)) if (value !== undefined) detail[name] = value;
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId };
  for (const [k, v] of Object.entries(error.headers)) headers[k.toLowerCase()] = v;
  return { status: error.status, headers, body: JSON.stringify({ Error: detail, RequestId: ctx.requestId }) };
}
