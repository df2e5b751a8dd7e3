/**
 * Streaming bodies as services see them: an upload arrives as an IncomingBody (transfer framing
 * such as aws-chunked already removed by the protocol layer) and a download leaves as an
 * OutgoingBody that the gateway streams with backpressure. They live here, below the protocols,
 * because services must not import the wire layer (DESIGN.md §1); protocols import them from here.
 */
import type { Readable } from 'node:stream';

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
