/**
 * Writes a WireResponse through the HTTP adapter: HEAD, 204 and 304 carry no body (only a
 * Content-Length for HEAD); a body with Content-Range is 206; streams go with backpressure.
 */
import type { OutgoingBody, WireResponse } from '../protocols/types.js';
import type { Readable } from 'node:stream';
import type { HttpResponse } from '../server/types.js';

/**
 * Returns a promise only when the body is streamed; a response written at once returns nothing,
 * so the caller need not await (an await per request showed in bench s3-sdk-get).
 */
export function sendResponse(res: HttpResponse, method: string, wire: WireResponse): Promise<void> | undefined {
  const { stream } = wire;
  if (res.aborted) {
    discard(stream);
    return;
  }
  // Passed on as they are: both adapters write Content-Length themselves and skip the caller's
  // (a copy without it, and the `delete` that turned it into a slow dictionary object, cost a
  // few % of a small GetObject: bench s3-sdk-get).
  const headers = wire.headers;
  const declaredLength = headers['content-length'];
  const status = wire.status === 200 && headers['content-range'] !== undefined ? 206 : wire.status;
  if (method === 'HEAD' || status === 204 || status === 304) {
    discard(stream);
    const length = method === 'HEAD' ? Number(declaredLength ?? stream?.length ?? Buffer.byteLength(wire.body ?? '')) : 0;
    res.send(status, headers, undefined, { contentLength: length });
    return;
  }
  if (stream && stream.length === 0) {
    // Nothing to stream: answer at once rather than wait for a source that may never end.
    discard(stream);
    res.send(status, headers, '');
    return;
  }
  if (stream) {
    const whole = stream.bytes ?? alreadyBuffered(stream.stream, stream.length);
    if (whole !== undefined) {
      res.send(status, headers, whole);
      return;
    }
    return res.stream(status, headers, stream.stream, stream.length);
  }
  res.send(status, headers, wire.body ?? '');
  return undefined;
}

/** A body that will not be sent: its source is released (a buffered body has none to release). */
function discard(body: OutgoingBody | undefined): void {
  if (body !== undefined && body.bytes === undefined) body.stream.destroy();
}

/**
 * The whole body when the source already holds all of it (a small blob read synchronously):
 * one write then, instead of a stream pump with listeners and backpressure for a single chunk.
 */
function alreadyBuffered(source: Readable, length: number): Buffer | undefined {
  if (source.readableObjectMode || source.readableEncoding !== null || source.readableFlowing !== null ||
    source.readableLength < length) return undefined;
  const data = source.read() as Buffer | null;
  if (data === null) return undefined;
  source.destroy();
  return data.length === length ? data : data.subarray(0, length);
}
