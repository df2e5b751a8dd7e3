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
 * so the final status line goes out ahead of the first header's name (`finalHead`), byte for
 * byte what `writeStatus` would have written. Checked on both builds (v20.30 and v20.51).
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
 * Writes the final status line and the headers after an interim 100 Continue. With no header to
 * carry it, `Connection: keep-alive` does (valid on any HTTP/1.1 answer, and uWS keeps the
 * connection open anyway unless the caller adds `Connection: close`).
 */
export function writeFinalHeadAfterContinue(res: UwsResponse, statusLineText: string, headers: Array<[string, string]>): void {
  const prefix = `HTTP/1.1 ${statusLineText}\r\n`;
  if (headers.length === 0) {
    res.writeHeader(`${prefix}Connection`, 'keep-alive');
    return;
  }
  const [firstName, firstValue] = headers[0]!;
  res.writeHeader(prefix + firstName, firstValue);
  for (let i = 1; i < headers.length; i++) res.writeHeader(headers[i]![0], headers[i]![1]);
}
