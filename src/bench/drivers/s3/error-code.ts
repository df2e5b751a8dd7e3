/**
 * OpResult.error for a failure: the AWS error code when the server sent one, else "HTTP <status>",
 * else the transport error's code (ECONNRESET, UND_ERR_SOCKET) or name.
 */

/** Names the SDK uses when it could not read a code from the answer. */
const UNNAMED = new Set(['Error', 'Unknown', 'UnknownError']);

export function transportErrorCode(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown; cause?: unknown } | null;
  if (e && typeof e.code === 'string') return e.code;
  if (e && e.cause && e.cause !== err) return transportErrorCode(e.cause);
  return e && typeof e.name === 'string' ? e.name : 'Error';
}

export function sdkErrorCode(err: unknown): string {
  const e = err as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined) {
    if (typeof e?.Code === 'string' && e.Code !== '') return e.Code;
    return typeof e?.name === 'string' && !UNNAMED.has(e.name) ? e.name : `HTTP ${status}`;
  }
  return transportErrorCode(err);
}

/**
 * The <Code> of an S3 XML error body, found with indexOf (no XML parser on the hot path);
 * HEAD answers have no body, so 404 maps to NotFound as the SDK reports it.
 */
export function xmlErrorCode(status: number, body: string): string {
  const start = body.indexOf('<Code>');
  if (start >= 0) {
    const end = body.indexOf('</Code>', start);
    if (end > start) return body.slice(start + 6, end);
  }
  return status === 404 ? 'NotFound' : `HTTP ${status}`;
}
