/**
 * HttpServer on node:http: the fallback used only when no native uWS build loads (index.ts logs
 * a loud warning then). Same contract as uws-adapter.ts, proven by the same test cases.
 *
 * node:http already gives what the contract asks: IncomingMessage is a Readable with socket
 * backpressure that errors on client abort, 100-continue is answered automatically, and
 * `maxHeaderSize` answers 431. What it leaves hanging (HTTP/0.9-style and stalled heads) is
 * answered by node-http-bad-heads.ts. The head is normalised to what the uWS adapter produces.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, HttpServer, NodeHttpServerOptions, RequestHandler } from './types.js';
import { BodyTooLargeError, declaredLength, readWholeStream } from './read-whole-body.js';
import { DEFAULT_MAX_HEADER_BYTES, waitUntilIdle } from './server-common.js';
import { isBodyless } from './status-text.js';
import { BadHeadGuard } from './node-http-bad-heads.js';
import { NodeHttpRequestBody, releasesChunks } from './node-http-request-body.js';
import { SlabPool, SMALL_BODY } from '../util/byte-slabs.js';

export function createNodeHttpServer(options: NodeHttpServerOptions): HttpServer {
  return new NodeHttpServer(options);
}

class NodeHttpServer implements HttpServer {
  readonly adapter = 'node-http' as const;
  readonly adapterReason: string;
  readonly #server: Server;
  readonly #handler: RequestHandler;
  readonly #badHeads: BadHeadGuard;
  /** Reusable memory for large request bodies; none where node cannot free its own (Node 20). */
  readonly #slabs: SlabPool | undefined;
  #inFlight = 0;
  #closed = false;
  /** The exchange each socket is serving, for the stall timeout. */
  readonly #exchanges = new WeakMap<Socket, Exchange>();

  constructor(options: NodeHttpServerOptions) {
    this.adapterReason = options.reason;
    this.#handler = options.handler;
    this.#slabs = (options.bodiesInSlabs ?? releasesChunks()) ? new SlabPool() : undefined;
    this.#server = createServer({
      maxHeaderSize: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
      // Large uploads on a slow link legitimately take longer than node's 300 s default.
      requestTimeout: 0,
    }, (req, res) => this.#onRequest(req, res));
    this.#server.setTimeout(STALL_TIMEOUT_MS, (socket: Socket) => onStalled(socket, this.#exchanges.get(socket)));
    this.#badHeads = new BadHeadGuard(this.#server);
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve((this.#server.address() as AddressInfo).port);
      });
    });
  }

  async close(graceMs = 5000): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    await waitUntilIdle(() => this.#inFlight, graceMs);
    this.#server.closeAllConnections();
    await closed;
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.#badHeads.refused(req)) return;
    this.#inFlight++;
    let settled = false;
    const socket = req.socket;
    this.#exchanges.set(socket, { req, res });
    res.once('close', () => {
      if (!settled) this.#inFlight--;
      settled = true;
      if (this.#exchanges.get(socket)?.res === res) this.#exchanges.delete(socket);
    });
    // As in the uWS adapter: a disconnect before the body is read must not become an uncaught error.
    req.on('error', () => undefined);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const headers = joinHeaders(req.rawHeaders);
    const body = this.#slabs !== undefined && mayStream(headers) ? new NodeHttpRequestBody(req, this.#slabs) : undefined;
    if (body !== undefined) res.once('finish', () => body.onResponseEnd());
    const request = new NodeHttpRequest(
      (req.method ?? 'GET').toUpperCase(),
      q === -1 ? url : url.slice(0, q),
      q === -1 ? '' : url.slice(q + 1),
      headers,
      req.socket.remoteAddress ?? '',
      body ?? req,
    );
    try {
      this.#handler(request, new NodeHttpResponse(res, request.method === 'HEAD'));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      process.emitWarning(`request handler threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}

/**
 * uWS closes an HTTP socket on which nothing moved for about 10 s while it reads a request or
 * writes an answer, but never while the answer is still being made (a 20 s SQS long poll). The same
 * here: without it a client that stalls mid-body, or stops reading an answer, holds its socket, and
 * what the exchange holds (a GetObject's read pins on a multipart object's parts), for as long as it
 * keeps the connection open (hostile23). Node's own default is no timeout at all.
 */
const STALL_TIMEOUT_MS = 10_000;

interface Exchange { req: IncomingMessage; res: ServerResponse }

/** Called after STALL_TIMEOUT_MS with nothing read or written on `socket`. */
function onStalled(socket: Socket, exchange: Exchange | undefined): void {
  // An idle keep-alive socket (node's keepAliveTimeout closes it first anyway).
  if (exchange === undefined) { socket.destroy(); return; }
  const { req, res } = exchange;
  const readingBody = !req.complete;
  const writingAnswer = res.headersSent && !res.writableFinished && socket.writableLength > 0;
  // The handler is still making the answer (a long poll): wait; any later read or write re-arms the timer.
  if (readingBody || writingAnswer) socket.destroy();
}

/**
 * Whether a body may outgrow SMALL_BODY and so go into slabs: a chunked one, or a declared length
 * above it. Smaller bodies (and every GET) keep node's IncomingMessage as it is, with no wrapper.
 */
function mayStream(headers: Record<string, string>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && Number(length) > SMALL_BODY;
}

/** The request as the gateway sees it; its body is node's stream (or the slab wrapper over it). */
class NodeHttpRequest implements HttpRequest {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: string,
    readonly headers: Record<string, string>,
    readonly remoteAddress: string,
    readonly body: Readable,
  ) {}

  bodyChunks(): AsyncIterable<Uint8Array> {
    return this.body;
  }

  readWholeBody(limit: number): Promise<Buffer> {
    const length = declaredLength(this.headers);
    if (length === 0) return Promise.resolve(EMPTY);
    if (length > limit) {
      this.discardBody();
      return Promise.reject(new BodyTooLargeError(limit));
    }
    return readWholeStream(this.body, limit);
  }

  discardBody(): void {
    const body = this.body;
    if (body.readableEnded || body.destroyed) return;
    body.resume();
  }
}

const EMPTY = Buffer.alloc(0);

/** Lower-case names, repeats joined with ', ' (node's req.headers drops some repeats). */
function joinHeaders(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

class NodeHttpResponse implements HttpResponse {
  readonly #res: ServerResponse;
  readonly #isHead: boolean;
  #aborted = false;

  constructor(res: ServerResponse, isHead: boolean) {
    this.#res = res;
    this.#isHead = isHead;
    res.once('close', () => {
      if (!res.writableFinished) this.#aborted = true;
    });
  }

  get aborted(): boolean {
    return this.#aborted || this.#res.destroyed;
  }

  onAborted(listener: () => void): void {
    if (this.#res.writableFinished) return;
    if (this.aborted) queueMicrotask(listener);
    else this.#res.once('close', () => { if (!this.#res.writableFinished) listener(); });
  }

  send(status: number, headers: Record<string, string>, body?: Buffer | string, headOnly?: { contentLength: number }): void {
    if (this.aborted) return;
    const res = this.#res;
    const out = withoutLength(headers);
    if (isBodyless(status)) {
      if (this.#writeHead(status, out)) res.end();
    } else if (headOnly !== undefined) {
      out['content-length'] = String(headOnly.contentLength);
      if (this.#writeHead(status, out)) res.end();
    } else {
      const payload = body ?? '';
      out['content-length'] = String(Buffer.byteLength(payload));
      // For HEAD requests node writes the head and drops the body itself.
      if (this.#writeHead(status, out)) res.end(payload);
    }
  }

  /**
   * node refuses to write a header value with a control character (ERR_INVALID_CHAR) and throws
   * before anything is sent; uncaught, that left the request unanswered until the client gave up
   * (found by fuzzing S3's response-* overrides). The services refuse such values themselves; if
   * one still gets here, the client hears a 500 at once and the cause goes to the log.
   */
  #writeHead(status: number, headers: Record<string, string>): boolean {
    try {
      this.#res.writeHead(status, headers);
      return true;
    } catch (error) {
      this.#res.writeHead(500, { 'content-type': 'text/plain', 'content-length': '21' }).end('Internal Server Error');
      process.emitWarning(`response head not writable: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  stream(status: number, headers: Record<string, string>, body: Readable, contentLength: number): Promise<void> {
    if (this.aborted || this.#isHead || contentLength === 0 || isBodyless(status)) {
      body.destroy();
      this.send(status, headers, undefined, { contentLength });
      return Promise.resolve();
    }
    const res = this.#res;
    const out = withoutLength(headers);
    out['content-length'] = String(contentLength);
    if (!this.#writeHead(status, out)) {
      body.destroy();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        body.destroy();
        if (error) reject(error);
        else resolve();
      };
      res.once('close', () => settle());
      res.once('finish', () => settle());
      body.once('error', (error) => {
        res.destroy();
        settle(error);
      });
      // pipe() pauses the source while the socket buffer is full (res.write() returns false).
      body.pipe(res);
    });
  }
}

function withoutLength(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) if (name.toLowerCase() !== 'content-length') out[name] = headers[name]!;
  return out;
}
