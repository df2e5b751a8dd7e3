/**
 * Streaming bodies as services see them: an upload arrives as an IncomingBody (transfer framing
 * such as aws-chunked already removed by the protocol layer) and a download leaves as an
 * OutgoingBody that the gateway streams with backpressure. They live here, below the protocols,
 * because services must not import the wire layer (DESIGN.md §1); protocols import them from here.
 */
import { Readable } from 'node:stream';

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
  /**
   * The whole body, when it is already in memory (a small blob read at once): the gateway writes
   * it in one go and never asks for `stream`, which is then made only on demand.
   */
  readonly bytes?: Buffer;
}

/** An OutgoingBody over bytes at hand; its stream exists only if someone asks for it. */
export function bufferedBody(bytes: Buffer): OutgoingBody {
  let stream: Readable | undefined;
  return {
    bytes,
    length: bytes.length,
    get stream(): Readable {
      return (stream ??= Readable.from([bytes], { objectMode: false }));
    },
  };
}
