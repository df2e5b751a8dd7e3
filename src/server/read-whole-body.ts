/**
 * Collects a request body stream into one Buffer, for the bodies no small-body path of the
 * adapter took (chunked, larger than SMALL_BODY, node:http). Listens to 'data' rather than
 * iterating with `for await`: the async iterator read the stream in paused mode, which joins
 * whatever is queued into a fresh copy, and added a promise per chunk.
 */
import type { Readable } from 'node:stream';
import { clientAbortedError } from './client-aborted.js';

/** The body is, or is declared, longer than the caller's limit (the gateway answers RequestEntityTooLarge). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

export function readWholeStream(stream: Readable, limit: number): Promise<Buffer> {
  // A stream that already failed (the client left before anyone read) emits nothing more.
  if (stream.destroyed) return Promise.reject(stream.errored ?? clientAbortedError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Drained rather than destroyed: destroying node's IncomingMessage closes the
        // connection, and the client would never see the 413.
        done();
        stream.on('error', () => undefined);
        stream.resume();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    // Destroyed without an error and without ending: the body will never be complete.
    const onClose = (): void => {
      done();
      reject(clientAbortedError());
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/** The declared body length: 0 for none (RFC 9112 §6.3), -1 when not known up front (chunked). */
export function declaredLength(headers: Record<string, string>): number {
  if (headers['transfer-encoding'] !== undefined) return -1;
  const length = headers['content-length'];
  if (length === undefined) return 0;
  const n = Number(length);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
