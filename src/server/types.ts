/**
 * The small HTTP server interface the gateway is written against. Two adapters implement it:
 * uws-adapter.ts (uWebSockets.js, the default) and node-http-adapter.ts (node:http, used only
 * when no native uWS build loads, with a loud warning). Both pass the same end-to-end suite.
 */
import type { Readable } from 'node:stream';

export interface HttpRequest {
  /** Upper-case method. */
  method: string;
  /** Raw path as sent, still percent-encoded, without the query string. */
  path: string;
  /** Raw query string without the leading '?', still percent-encoded ('' when none). */
  query: string;
  /** Lower-case header names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Read it before the response is sent (uWS: '' afterwards; it is looked up on first read). */
  readonly remoteAddress: string;
  /**
   * The request body as a byte stream with backpressure (the adapter pauses the socket while the
   * consumer is behind), for streaming consumers (PutObject, UploadPart). Consume it at most
   * once, and not together with `readWholeBody`. It errors if the client aborts.
   */
  readonly body: Readable;
  /**
   * The body for a consumer that iterates it (PutObject, UploadPart): `body` itself, or, when the
   * adapter holds the body whole (a small uWS body, an in-memory request), one chunk without a
   * stream (whole-body-chunks.ts). The same rules as `body`: once, not with `readWholeBody`, and it
   * errors if the client aborts.
   */
  bodyChunks(): AsyncIterable<Uint8Array>;
  /**
   * The whole body in one Buffer, for bodies decoded at once (JSON, XML, forms); empty when the
   * request declares none (RFC 9112 §6.3). A small body with a declared length (up to
   * SMALL_BODY) is collected by the adapter straight into one buffer of that length, with no
   * stream (DESIGN.md §4). Rejects with BodyTooLargeError when the body is, or is declared,
   * longer than `limit` bytes, and with an ECONNRESET error when the client aborts first.
   */
  readWholeBody(limit: number): Promise<Buffer>;
  /** Nobody will read the body: what is left of it is dropped, so the connection stays usable. */
  discardBody(): void;
}

export interface HttpResponse {
  /** True once the client has gone away; writes after that are ignored. */
  readonly aborted: boolean;
  /** Called once if the client disconnects before the response is complete. */
  onAborted(listener: () => void): void;
  /**
   * Sends a complete response. Content-Length is set by the adapter from `body`, except when
   * `headOnly` is given: then no body is written and Content-Length is `headOnly.contentLength`.
   * A content-length in `headers` is ignored (the adapter writes its own).
   */
  send(status: number, headers: Record<string, string>, body?: Buffer | string, headOnly?: { contentLength: number }): void;
  /**
   * Streams a body of known length with backpressure; resolves when the last byte is handed to
   * the socket, or when the client aborts (the source is destroyed then).
   */
  stream(status: number, headers: Record<string, string>, body: Readable, contentLength: number): Promise<void>;
}

export type RequestHandler = (request: HttpRequest, response: HttpResponse) => void;

export interface HttpServer {
  /** 'uws' or 'node-http': shown in /_boltstack/health. */
  readonly adapter: 'uws' | 'node-http';
  /** Why node:http serves rather than uWS (chosen by the user, or no native build); undefined on uWS. */
  readonly adapterReason: string | undefined;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(host: string, port: number): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  handler: RequestHandler;
  /** Largest request head accepted; larger ones get 431 without reaching the handler. */
  maxHeaderBytes?: number;
  /**
   * Where a request body that arrives faster than it is consumed, past what the front end can
   * hold back, is parked (server/body-overflow.ts): the data dir. Default: os.tmpdir().
   */
  spillDir?: string;
}

export interface NodeHttpServerOptions extends HttpServerOptions {
  /** Why node:http serves; shown in /_boltstack/health. */
  reason: string;
  /**
   * Large request bodies go into reusable slabs and node's own buffers are freed at once
   * (node-http-request-body.ts). Default: where node can free them (Node 22+); tests force it.
   */
  bodiesInSlabs?: boolean;
}
