/**
 * Typed output / AwsError → AWS query XML response:
 *   <OpResponse xmlns="…"><OpResult>…</OpResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></OpResponse>
 *   <ErrorResponse xmlns="…"><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>
 * The error code is the legacy query code when the error has one (SQS:
 * AWS.SimpleQueueService.NonExistentQueue); SQS also writes an empty <Detail/>.
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { OperationModel, ServiceModel } from '../../model/types.js';
import type { ProtocolContext, WireResponse } from '../types.js';
import { writeMembers } from '../shared/xml-serialize.js';
import { XmlWriter } from '../shared/xml-writer.js';

const CONTENT_TYPE = 'text/xml';

export function encodeQuery(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse {
  const { model, operation } = ctx;
  const root = `${operation.name}Response`;
  const w = new XmlWriter().open(root, { xmlns: model.xmlNamespace });
  const shape = operation.output;
  if (shape !== undefined) {
    const wrapper = shape.resultWrapper ?? `${operation.name}Result`;
    w.open(wrapper);
    writeMembers(w, model, shape, output);
    w.closeSelfClosingIfEmpty(wrapper);
  }
  w.open('ResponseMetadata').leaf('RequestId', ctx.requestId).close('ResponseMetadata').close(root);
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId },
    body: w.toString(),
  };
}

export function encodeQueryError(
  ctx: { model: ServiceModel; operation?: OperationModel; requestId: string; method: string },
  error: AwsError,
): WireResponse {
  // A request that names no action at all is answered with a bare element, not an ErrorResponse
  // (SQS: localstack's test_get_without_query_returns_unknown_operation, aws.validated).
  if (error.code === 'UnknownOperationException') {
    return { status: error.status, headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId }, body: '<UnknownOperationException/>' };
  }
  const w = new XmlWriter().open('ErrorResponse', { xmlns: ctx.model.xmlNamespace }).open('Error')
    .leaf('Type', error.fault).leaf('Code', error.queryCode ?? error.code).leaf('Message', error.queryMessage ?? error.message);
  for (const [name, value] of Object.entries(error.fields)) if (value !== undefined) w.leaf(name, String(value));
  if (ctx.model.service === 'sqs') w.leaf('Detail', undefined);
  w.close('Error').leaf('RequestId', ctx.requestId).close('ErrorResponse');
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId };
  for (const [k, v] of Object.entries(error.headers)) headers[k.toLowerCase()] = v;
  return { status: error.status, headers, body: w.toString() };
}
