/**
 * AwsError → S3 error response, exactly as S3 writes it:
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <Error><Code>NoSuchKey</Code><Message>…</Message><Key>…</Key><RequestId>…</RequestId><HostId>…</HostId></Error>
 * A HEAD request gets the status and headers only: S3 sends no body there, and SDKs map the
 * bare status to NotFound / Forbidden / BadRequest. A 304 has no body either (RFC 9110 §15.4.5),
 * so no Content-Type: only the headers the error carries (the object's ETag, Last-Modified...).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { OperationModel, ServiceModel } from '../../model/types.js';
import type { WireResponse } from '../types.js';
import { XML_DECLARATION, XmlWriter } from '../shared/xml-writer.js';
import { s3HostId, s3RequestHeaders } from './request-headers.js';
import { maxMessageLengthExceeded } from './errors.js';

export function encodeRestXmlError(
  ctx: { model: ServiceModel; operation?: OperationModel; requestId: string; method: string },
  refused: AwsError,
): WireResponse {
  // The gateway's body limit (read-body.ts) in S3's own words: errors.ts.
  const error = refused.code === 'RequestEntityTooLarge' ? maxMessageLengthExceeded() : refused;
  const headers = { ...s3RequestHeaders(ctx.requestId), ...lower(error.headers) };
  if (ctx.method === 'HEAD' || error.status === 304) return { status: error.status, headers };
  const w = new XmlWriter().open('Error').leaf('Code', error.code).leaf('Message', error.message);
  for (const [name, value] of Object.entries(error.fields)) {
    if (value !== undefined) w.leaf(name, String(value));
  }
  w.leaf('RequestId', ctx.requestId).leaf('HostId', s3HostId(ctx.requestId)).close('Error');
  headers['content-type'] = 'application/xml';
  return { status: error.status, headers, body: XML_DECLARATION + w.toString() };
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
