/**
 * Buffered request bodies (DESIGN.md §4): a non-streaming body is read whole, up to a limit
 * (RequestEntityTooLarge past it). The adapter does the reading: a small body with a declared
 * length reaches here as one buffer, never as a stream.
 */
import { requestEntityTooLarge } from '../errors/common.js';
import type { AwsError } from '../errors/aws-error.js';
import { BodyTooLargeError } from '../server/read-whole-body.js';
import type { HttpRequest } from '../server/types.js';

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

/** The whole body; rejects with BodyTooLargeError past `limit` (see `bodyError`). */
export function readBody(req: HttpRequest, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  return req.readWholeBody(limit);
}

/** The AWS error for a body refused by `readBody`, or undefined for any other error. */
export function bodyError(err: unknown): AwsError | undefined {
  return err instanceof BodyTooLargeError ? requestEntityTooLarge(err.limit) : undefined;
}

/** Whether a request carries a body: a transfer coding or a non-zero length (RFC 9112 §6.3). */
export function declaresBody(headers: Record<string, string>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
