/**
 * `Expect: 100-continue` in any spelling, on uWS.
 *
 * RFC 9110 §10.1.1: "The Expect field value is case-insensitive." uWS answers only the exact
 * lower-case "100-continue"; the Go SDK v1 sends "100-Continue" (aws-sdk-go
 * service/s3/platform_handlers_go1.6.go), and Go's transport then holds the body back for its 1 s
 * ExpectContinueTimeout: every PutObject and UploadPart of 2 MiB and more from Go v1 (the Docker
 * registry's S3 driver among them) waited a second. node:http answers every spelling itself.
 *
 * uWS exposes no `writeContinue`, but `writeStatus(s)` writes "HTTP/1.1 " + s + "\r\n" as is, so
 * `writeStatus("100 Continue\r\n")` puts the exact interim response on the wire (the bytes uWS's
 * own writeContinue sends). uWS then ignores any later `writeStatus` (one status per response),
 * so the whole head goes out as one `writeHeader` (`writeHeadAfterContinue`), byte for byte what
 * `writeStatus` would have written. Checked on both builds (v20.30 and v20.51).
 */
import type { HttpResponse as UwsResponse } from '@based/uws';

/** Whether uWS leaves this Expect value unanswered though it asks for 100 Continue. */
export function needsOwnContinue(expect: string | undefined): boolean {
  // uWS answers the exact lower-case value itself; a second interim answer would be wrong.
  return expect !== undefined && expect.length === 12 && expect !== '100-continue' && expect.toLowerCase() === '100-continue';
}

/** Sends "HTTP/1.1 100 Continue" now (inside the request handler: uWS flushes it on return). */
export function writeContinue(res: UwsResponse): void {
  res.writeStatus('100 Continue\r\n');
}

/**
 * Writes an answer's head (status line and `\r\n`-joined header lines, as uws-response.ts builds
 * it for `writeStatus`) after an interim 100 Continue, when uWS takes no second status: as one
 * `writeHeader` whose name is everything up to the last header's `: `, which puts the same bytes
 * on the wire. With no header to carry it, `Connection: keep-alive` does (valid on any HTTP/1.1
 * answer, and uWS keeps the connection open anyway unless the head says `Connection: close`).
 */
export function writeHeadAfterContinue(res: UwsResponse, head: string): void {
  const lastLine = head.lastIndexOf('\r\n');
  // A header name holds no ': ', so the first one after the last line break ends the name.
  const colon = lastLine < 0 ? -1 : head.indexOf(': ', lastLine);
  if (colon < 0) {
    res.writeHeader(`HTTP/1.1 ${head}\r\nConnection`, 'keep-alive');
    return;
  }
  res.writeHeader(`HTTP/1.1 ${head.slice(0, colon)}`, head.slice(colon + 2));
}
