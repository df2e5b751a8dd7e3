/** Buffers a non-streaming request body, refusing more than `limit` bytes (DESIGN.md §4). */
import type { Readable } from 'node:stream';
import { requestEntityTooLarge } from '../errors/common.js';

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

export async function readBody(body: Readable, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw requestEntityTooLarge(limit);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** Drains what is left of a body so the connection can be reused after an early answer. */
export function discardBody(body: Readable): void {
  if (body.readableEnded || body.destroyed) return;
  body.on('error', () => undefined);
  body.resume();
}

/** Whether a request carries a body: a transfer coding or a non-zero length (RFC 9112 §6.3). */
export function declaresBody(headers: Record<string, string>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
