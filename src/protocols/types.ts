/**
 * The contract of a wire protocol (rest-xml, json 1.0, query). A protocol turns a request into
 * the operation's typed input and the typed output or an AwsError back into a response. It is
 * generic over the catalogue (src/model/generated): no per-operation code.
 *
 * Streaming payloads never pass through a protocol as bytes: an operation with a streaming input
 * member (S3 PutObject/UploadPart Body) receives an IncomingBody there, and a streaming output
 * member (GetObject Body) is an OutgoingBody that the gateway streams with backpressure.
 */
import type { Readable } from 'node:stream';
import type { AwsError } from '../errors/aws-error.js';
import type { OperationModel, ServiceModel } from '../model/types.js';
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

/** A streaming request body after transfer decoding (aws-chunked framing already removed). */
export interface IncomingBody {
  /** Payload bytes, exactly as the object content. Consume at most once. */
  stream: AsyncIterable<Uint8Array>;
  /** Payload length when known up front (Content-Length or x-amz-decoded-content-length). */
  length?: number;
  /** Trailing headers (aws-chunked trailers, lower-case names); complete only after `stream` ends. */
  trailers(): Record<string, string>;
  /** Trailer names the client announced up front (x-amz-trailer), lower-case. */
  trailerNames?: string[];
}

/** A streaming response body of known length. */
export interface OutgoingBody {
  stream: Readable;
  length: number;
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
