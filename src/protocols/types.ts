/**
 * The contract of a wire protocol (rest-xml, json 1.0, query). A protocol turns a request into
 * the operation's typed input and the typed output or an AwsError back into a response. It is
 * generic over the catalogue (src/model/generated): no per-operation code.
 *
 * Streaming payloads never pass through a protocol as bytes: an operation with a streaming input
 * member (S3 PutObject/UploadPart Body) receives an IncomingBody there, and a streaming output
 * member (GetObject Body) is an OutgoingBody that the gateway streams with backpressure.
 */
import type { AwsError } from '../errors/aws-error.js';
import type { OperationModel, ServiceModel } from '../model/types.js';
import type { OutgoingBody } from '../services/bodies.js';

export type { IncomingBody, OutgoingBody } from '../services/bodies.js';
import type { XmlElement } from '../pool/types.js';

/** The request as a protocol sees it: the head, and the buffered body for non-streaming operations. */
export interface WireRequest {
  method: string;
  /** Path-style raw path (the gateway has already moved a virtual-hosted bucket into it). */
  path: string;
  /** Raw query string, still percent-encoded, without '?'. */
  query: string;
  headers: Record<string, string>;
  /** Buffered body; absent for streaming-input operations and for requests without a body. */
  body?: Buffer;
  /** The body already parsed as XML (large bodies are parsed in the worker pool); wins over `body`. */
  xml?: XmlElement;
}



export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
  stream?: OutgoingBody;
}

export interface ProtocolContext {
  model: ServiceModel;
  operation: OperationModel;
  requestId: string;
  /** S3's x-amz-id-2 for this request, when the caller already has it. */
  hostId?: string;
}

export interface Protocol {
  /**
   * Typed input (member names as in the model, e.g. { Bucket, Key, ContentType }).
   * Throws AwsError for malformed bodies (MalformedXML, SerializationException, ...).
   */
  decode(ctx: ProtocolContext, request: WireRequest, uriLabels: Record<string, string>): Record<string, unknown>;
  encode(ctx: ProtocolContext, output: Record<string, unknown>): WireResponse;
  /** `ctx.operation` may be undefined when the operation itself could not be resolved. */
  encodeError(ctx: Omit<ProtocolContext, 'operation'> & { operation?: OperationModel; method: string }, error: AwsError): WireResponse;
}
