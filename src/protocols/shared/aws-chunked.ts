/**
 * Streaming decoder for S3's aws-chunked payload encoding (SigV4 streaming uploads).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 *
 *   <hex-size>[;chunk-signature=<sig>]\r\n<payload>\r\n      repeated
 *   0[;chunk-signature=<sig>]\r\n                            the last chunk
 *   [<name>:<value>\r\n]*\r\n                                trailers (x-amz-checksum-*, x-amz-trailer-signature)
 *
 * One state machine covers every variant (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER],
 * STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]): the
 * signature is just a chunk extension. Only chunk-header and trailer lines are scanned (for LF,
 * natively); payload bytes are passed on as `subarray` views of the input, never copied or
 * looped over. Signatures are not verified here (auth does that); `onChunk` exposes them.
 *
 * Errors are S3's, as S3 answers them: broken framing → IncompleteBody "The request body
 * terminated unexpectedly"; payload total ≠ x-amz-decoded-content-length → IncompleteBody with
 * NumberBytesExpected/Provided; a non-final chunk under 8 KiB → InvalidChunkSizeError; a bad
 * trailer line → MalformedTrailerError (observed against S3 in versity/versitygw#1666, #1684,
 * #1683, #1690). With `announcedTrailers` (x-amz-trailer), a trailer the header did not announce,
 * or an announced one the body lacks, is MalformedTrailerError too (versity/versitygw#1691 and
 * #1600, scality/Arsenal#2596, each quoting S3's answer): S3 never reads an unannounced trailer.
 */
import { AwsError } from '../../errors/aws-error.js';
import type { IncomingBody } from '../types.js';

/** S3 rejects any chunk but the last (non-empty) one that is smaller than this. */
export const MIN_CHUNK_SIZE = 8192;
/** Longest chunk-header or trailer line accepted (an ECDSA chunk header is about 170 bytes). */
const MAX_LINE = 4096;
const CR = 0x0d;
const LF = 0x0a;

export interface AwsChunkHeader {
  /** 1-based position of the chunk in the body. */
  index: number;
  /** Payload bytes in this chunk (0 for the final chunk). */
  size: number;
  /** The chunk-signature extension, when the variant is signed. */
  signature?: string;
  /** Every `;name=value` extension of the chunk header, signature included. */
  extensions: Record<string, string>;
}

export interface DecodeAwsChunkedOptions {
  /** x-amz-decoded-content-length: the payload total must equal it. */
  decodedLength?: number;
  /** Minimum size of every chunk but the last; S3's 8192 by default, 0 to disable. */
  minChunkSize?: number;
  /** Called for each chunk header before its payload is yielded (for streaming signature checks). */
  onChunk?: (header: AwsChunkHeader) => void;
  /**
   * The trailer names x-amz-trailer announced (lower case; empty when none). When given, the body
   * must carry exactly these trailers (x-amz-trailer-signature aside, which signs them).
   */
  announcedTrailers?: readonly string[];
}

export const awsChunkedErrors = {
  terminatedUnexpectedly: (): AwsError =>
    new AwsError({ code: 'IncompleteBody', status: 400, message: 'The request body terminated unexpectedly' }),
  lengthMismatch: (expected: number, provided: number): AwsError =>
    new AwsError({
      code: 'IncompleteBody', status: 400,
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header',
      fields: { NumberBytesExpected: expected, NumberBytesProvided: provided },
    }),
  invalidChunkSize: (chunk: number, badChunkSize: number): AwsError =>
    new AwsError({
      code: 'InvalidChunkSizeError', status: 400,
      message: `Only the last chunk is allowed to have a size less than ${MIN_CHUNK_SIZE} bytes`,
      fields: { Chunk: chunk, BadChunkSize: badChunkSize },
    }),
  malformedTrailer: (): AwsError =>
    new AwsError({
      code: 'MalformedTrailerError', status: 400,
      message: 'The request contained trailing data that was not well-formed or did not conform to our published schema.',
    }),
};

/** Decodes an aws-chunked body; `stream` yields exactly the payload bytes. */
export function decodeAwsChunked(source: AsyncIterable<Uint8Array>, opts: DecodeAwsChunkedOptions = {}): IncomingBody {
  const decoder = new AwsChunkedDecoder(opts);
  async function* payload(): AsyncGenerator<Uint8Array> {
    const out: Uint8Array[] = [];
    for await (const piece of source) {
      decoder.feed(piece, out);
      for (let i = 0; i < out.length; i++) yield out[i]!;
      out.length = 0;
    }
    decoder.end();
    // Checked once the trailers are all in, outside the decoder: the per-chunk path stays as it was.
    if (opts.announcedTrailers !== undefined && !decoder.hasExactly(opts.announcedTrailers)) throw awsChunkedErrors.malformedTrailer();
  }
  // A plain object: callers spread it ({ ...decoded, more }), which would drop class accessors.
  return { stream: payload(), length: opts.decodedLength, trailers: () => decoder.trailers() };
}

const enum State { Header, Data, DataEnd, Trailer, Done }

/** The synchronous state machine: feed pieces in order, then `end()`. */
export class AwsChunkedDecoder {
  readonly #expected: number | undefined;
  readonly #minChunkSize: number;
  readonly #onChunk: ((header: AwsChunkHeader) => void) | undefined;
  #state = State.Header;
  /** Parts of the line being read (a line may span pieces). */
  #line: Uint8Array[] = [];
  #lineLength = 0;
  /** Payload bytes left in the current chunk, or CRLF bytes left after it. */
  #left = 0;
  #index = 0;
  #previousSize = -1;
  #total = 0;
  readonly #trailers: Record<string, string> = {};

  constructor(opts: DecodeAwsChunkedOptions) {
    this.#expected = opts.decodedLength;
    this.#minChunkSize = opts.minChunkSize ?? MIN_CHUNK_SIZE;
    this.#onChunk = opts.onChunk;
  }

  trailers(): Record<string, string> {
    return { ...this.#trailers };
  }

  /** True when the trailers read are exactly `names` (x-amz-trailer-signature aside). */
  hasExactly(names: readonly string[]): boolean {
    let count = 0;
    for (const name in this.#trailers) {
      if (name === 'x-amz-trailer-signature') continue;
      if (!names.includes(name)) return false;
      count++;
    }
    return count === names.length;
  }

  /** Payload bytes decoded so far. */
  get total(): number {
    return this.#total;
  }

  /** Consumes one piece; payload views are appended to `out`. Throws AwsError on bad framing. */
  feed(piece: Uint8Array, out: Uint8Array[]): void {
    let pos = 0;
    const n = piece.length;
    while (pos < n) {
      switch (this.#state) {
        case State.Header:
        case State.Trailer: {
          const line = this.#readLine(piece, pos);
          if (line === undefined) return;
          pos = line.next;
          if (this.#state === State.Header) this.#onHeader(line.text);
          else this.#onTrailerLine(line.text);
          break;
        }
        case State.Data: {
          const take = Math.min(this.#left, n - pos);
          this.#total += take;
          // Past the declared length nothing more is yielded (end() will throw), but decoding
          // goes on so the error names the real total, as S3's does.
          if (this.#expected === undefined || this.#total <= this.#expected) out.push(piece.subarray(pos, pos + take));
          pos += take;
          this.#left -= take;
          if (this.#left === 0) {
            this.#state = State.DataEnd;
            this.#left = 2;
          }
          break;
        }
        case State.DataEnd: {
          // The payload must be followed by exactly CRLF (possibly split across pieces).
          const expect = this.#left === 2 ? CR : LF;
          if (piece[pos] !== expect) throw awsChunkedErrors.terminatedUnexpectedly();
          pos++;
          if (--this.#left === 0) this.#state = State.Header;
          break;
        }
        case State.Done:
          throw awsChunkedErrors.terminatedUnexpectedly(); // bytes after the final empty line
      }
    }
  }

  /** The source ended: the body must be complete and of the declared length. */
  end(): void {
    if (this.#state !== State.Done) throw awsChunkedErrors.terminatedUnexpectedly();
    if (this.#expected !== undefined && this.#total !== this.#expected) {
      throw awsChunkedErrors.lengthMismatch(this.#expected, this.#total);
    }
  }

  /** Reads up to the next LF; returns the line without CRLF, or undefined if it continues. */
  #readLine(piece: Uint8Array, pos: number): { text: string; next: number } | undefined {
    const room = MAX_LINE - this.#lineLength;
    const window = piece.subarray(pos, pos + room + 1);
    const lf = window.indexOf(LF);
    if (lf === -1) {
      if (window.length > room) throw this.#lineError();
      this.#line.push(window);
      this.#lineLength += window.length;
      return undefined;
    }
    const last = window.subarray(0, lf);
    const parts = this.#line.length === 0 ? [last] : [...this.#line, last];
    const bytes = Buffer.concat(parts);
    this.#line = [];
    this.#lineLength = 0;
    if (bytes.length === 0 || bytes[bytes.length - 1] !== CR) throw this.#lineError();
    return { text: bytes.toString('latin1', 0, bytes.length - 1), next: pos + lf + 1 };
  }

  #lineError(): AwsError {
    return this.#state === State.Trailer ? awsChunkedErrors.malformedTrailer() : awsChunkedErrors.terminatedUnexpectedly();
  }

  #onHeader(text: string): void {
    const parts = text.split(';');
    const sizeText = parts[0]!.trim();
    if (!/^[0-9a-fA-F]{1,13}$/.test(sizeText)) throw awsChunkedErrors.terminatedUnexpectedly();
    const size = Number.parseInt(sizeText, 16);
    const index = ++this.#index;
    // "Only the last chunk may be small": known once the next chunk with data shows up; S3
    // reports the number of that next chunk and the size of the small one.
    if (size > 0 && this.#previousSize >= 0 && this.#previousSize < this.#minChunkSize) {
      throw awsChunkedErrors.invalidChunkSize(index, this.#previousSize);
    }
    this.#previousSize = size;
    const extensions: Record<string, string> = {};
    for (let i = 1; i < parts.length; i++) {
      const eq = parts[i]!.indexOf('=');
      if (eq <= 0) throw awsChunkedErrors.terminatedUnexpectedly();
      extensions[parts[i]!.slice(0, eq).trim().toLowerCase()] = parts[i]!.slice(eq + 1).trim();
    }
    const signature = extensions['chunk-signature'];
    this.#onChunk?.(signature === undefined ? { index, size, extensions } : { index, size, signature, extensions });
    if (size === 0) {
      this.#state = State.Trailer;
    } else {
      this.#state = State.Data;
      this.#left = size;
    }
  }

  #onTrailerLine(text: string): void {
    if (text === '') {
      this.#state = State.Done;
      return;
    }
    const colon = text.indexOf(':');
    const name = colon > 0 ? text.slice(0, colon).trim().toLowerCase() : '';
    if (name === '' || !/^[a-z0-9-]+$/.test(name)) throw awsChunkedErrors.malformedTrailer();
    this.#trailers[name] = text.slice(colon + 1).trim();
  }
}
