/**
 * HttpServer on uWebSockets.js (the default adapter).
 *
 * uWS gives the request head only during the handler call, so method, path, query, headers and
 * remote address are copied into a plain object at once; the body is a Readable fed from
 * `res.onData` (uws-request-body.ts) and the response obeys uWS's cork/abort rules
 * (uws-response.ts). uWS itself answers `Expect: 100-continue` (other spellings:
 * uws-continue.ts) and decodes chunked request bodies.
 *
 * Limits, measured, by build (uws-loader.ts picks it by Node ABI): v20.51 answers 431 itself past
 * 98 request headers or the head size the loader sets (64 KiB) and passes any Content-Length;
 * v20.30 hangs up without an answer past 47 headers or ~128 KiB of head and on ten-digit
 * Content-Lengths. Below those, `maxHeaderBytes` gets a 431. In both, a pipelined request that
 * arrives while an earlier response on the connection waits for I/O closes the connection.
 */
import type { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import type { HttpRequest as UwsRequest, HttpResponse as UwsRawResponse, TemplatedApp, us_listen_socket } from '@based/uws';
import type { HttpRequest, HttpServer, HttpServerOptions, RequestHandler } from './types.js';
import type { UwsModule } from './uws-loader.js';
import { UwsExchange } from './uws-exchange.js';
import { UwsRequestBody } from './uws-request-body.js';
import { UwsSmallBody } from './uws-small-body.js';
import { WholeBodyChunks } from './whole-body-chunks.js';
import { HeadCopy } from './uws-head-copy.js';
import { BodyTooLargeError, declaredLength, readWholeStream } from './read-whole-body.js';
import { CorkedWrite, UwsHttpResponse } from './uws-response.js';
import { statusLine } from './status-text.js';
import { needsOwnContinue, writeContinue } from './uws-continue.js';
import { DEFAULT_MAX_HEADER_BYTES, waitUntilIdle } from './server-common.js';
import { SlabPool, SMALL_BODY } from '../util/byte-slabs.js';
import { nodeStream } from '../util/node-builtins.js';

/**
 * A Connection header uWS closes the connection for: `close` alone, in any case (tried with this
 * build: `keep-alive, close` leaves the connection open, so the answer must not announce a close).
 */
const CLOSE = /^close$/i;

export function createUwsServer(uws: UwsModule, options: HttpServerOptions): HttpServer {
  return new UwsServer(uws, options);
}


/** uSockets' listen option that turns SO_REUSEPORT off (uWS ListenOptions). */
const LIBUS_LISTEN_EXCLUSIVE_PORT = 1;

class UwsServer implements HttpServer {
  readonly adapter = 'uws' as const;
  readonly adapterReason = undefined;
  readonly #uws: UwsModule;
  readonly #app: TemplatedApp;
  readonly #handler: RequestHandler;
  readonly #maxHeaderBytes: number;
  /** Memory for streamed request bodies, reused across this server's requests. */
  readonly #slabs = new SlabPool();
  readonly #spillDir: string;
  /**
   * Exchanges neither ended nor aborted (each settles exactly once: UwsExchange). A count, not a
   * Set: only the number is ever read, and the Set's add and delete per request showed in the
   * SendMessage profile.
   */
  #inFlight = 0;
  /** One function for every exchange (a closure per request showed in the GetItem profile). */
  readonly #settled = (): void => {
    this.#inFlight--;
  };
  /** One header callback and one cork callback for every request (see HeadCopy, CorkedWrite). */
  readonly #head = new HeadCopy();
  readonly #writer = new CorkedWrite();
  #listenSocket: us_listen_socket | undefined;
  #closed = false;

  constructor(uws: UwsModule, options: HttpServerOptions) {
    this.#uws = uws;
    this.#handler = options.handler;
    this.#maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
    this.#spillDir = options.spillDir ?? tmpdir();
    this.#app = uws.App();
    this.#app.any('/*', (res, req) => this.#onRequest(res, req));
  }

  listen(host: string, port: number): Promise<number> {
    if (this.#listenSocket !== undefined || this.#closed) return Promise.reject(new Error('server already listening or closed'));
    return new Promise((resolve, reject) => {
      // uWS listens with SO_REUSEPORT unless told otherwise: a second emulator on the same port
      // would then start "successfully" and the kernel would split connections between the two.
      // The native binding takes (host, port, options, callback); its typings lack that overload.
      const listen = this.#app.listen as unknown as (host: string, port: number, options: number, cb: (socket: us_listen_socket | false) => void) => void;
      listen.call(this.#app, host, port, LIBUS_LISTEN_EXCLUSIVE_PORT, (socket) => {
        if (socket === false) {
          reject(new Error(`cannot listen on ${host}:${port} (address in use or not available)`));
          return;
        }
        this.#listenSocket = socket;
        resolve(this.#uws.us_socket_local_port(socket));
      });
    });
  }

  async close(graceMs = 5000): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#listenSocket !== undefined) this.#uws.us_listen_socket_close(this.#listenSocket);
    this.#listenSocket = undefined;
    await waitUntilIdle(() => this.#inFlight, graceMs);
    // Closes every remaining socket (keep-alive ones, and requests past the grace period:
    // their onAborted fires), so the event loop can end.
    this.#app.close();
  }

  #onRequest(res: UwsRawResponse, req: UwsRequest): void {
    // Everything read from `req` must happen now: uWS frees it when this function returns.
    const method = upperCaseMethod(req.getCaseSensitiveMethod());
    const path = req.getUrl();
    const query = req.getQuery() ?? '';
    const head = this.#head;
    const headers: Record<string, string> = {};
    head.begin(headers, method.length + path.length + query.length + 12);
    req.forEach(head.add);
    const headBytes = head.end();
    const connection = headers.connection;
    const exchange = new UwsExchange(res, method === 'HEAD', connection !== undefined && CLOSE.test(connection), this.#settled);
    this.#inFlight++;
    if (headBytes > this.#maxHeaderBytes) {
      res.writeStatus(statusLine(431)).end('', true);
      exchange.markDone();
      return;
    }
    if (needsOwnContinue(headers.expect)) {
      writeContinue(res);
      exchange.continueSent = true;
    }

    let body: UwsRequestBody | UwsSmallBody | undefined;
    const length = bodyLength(headers);
    if (length === SMALL) {
      const small = new UwsSmallBody(Number(headers['content-length']));
      res.onData((chunk, isLast) => small.onChunk(chunk, isLast));
      body = small;
    } else if (length === STREAMED) {
      const declared = headers['transfer-encoding'] === undefined ? Number(headers['content-length']) : undefined;
      const stream = new UwsRequestBody(exchange, this.#slabs, this.#spillDir, declared);
      res.onData((chunk, isLast) => stream.onChunk(chunk, isLast));
      body = stream;
    }
    if (body !== undefined) exchange.attachBody(body);
    const request: HttpRequest = new UwsRequestHead(method, path, query, headers, exchange, body);
    const response = new UwsHttpResponse(exchange, this.#writer);
    // A request asking to close is answered after uWS has read what follows it on the socket. uWS
    // parses pipelined requests in one go: answered at once (a cached GET is), the close was
    // forgotten at the next request, which then ran (a DELETE sent after `GET, Connection: close`
    // deleted). Still pending, uWS ends the connection at a request that follows it, as RFC 9112
    // §9.6 asks ("MUST NOT process any further requests"); node:http refuses such data too.
    if (exchange.closeAsked) setImmediate(() => this.#dispatch(request, response, exchange));
    else this.#dispatch(request, response, exchange);
  }

  #dispatch(request: HttpRequest, response: UwsHttpResponse, exchange: UwsExchange): void {
    try {
      this.#handler(request, response);
    } catch (error) {
      // The handler is expected to catch its own errors; a throw here is a bug, answered as 500
      // (when nothing was sent yet) so the client is not left waiting.
      if (exchange.socketUsable) {
        try {
          response.send(500, { 'content-type': 'text/plain' }, 'Internal Server Error');
        } catch {
          // a response was already started: nothing more to say
        }
      }
      process.emitWarning(`request handler threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}

/**
 * The method in upper case: the common ones as constants, without a call (toUpperCase is a
 * runtime call even on an upper-case string: it showed in the GetItem profile).
 */
function upperCaseMethod(sent: string): string {
  switch (sent) {
    case 'POST': return 'POST';
    case 'GET': return 'GET';
    case 'PUT': return 'PUT';
    case 'HEAD': return 'HEAD';
    case 'DELETE': return 'DELETE';
    default: return sent.toUpperCase();
  }
}

/** The body of a request without one (zero bytes: nothing to share or change). */
const EMPTY = Buffer.alloc(0);

const NONE = 0;
const SMALL = 1;
const STREAMED = 2;

/**
 * How a request's body is taken: none (no length or a zero length, and no transfer coding: RFC
 * 9112 §6.3), small (a declared length up to SMALL_BODY: one buffer, uws-small-body.ts) or
 * streamed (chunked, or larger: slabs with backpressure, uws-request-body.ts). SMALL_BODY is the
 * size below which bodies were already copied chunk by chunk rather than into slabs, and about
 * where a body's own bytes (copy, parse) start to outweigh the fixed cost of a stream.
 */
function bodyLength(headers: Record<string, string>): typeof NONE | typeof SMALL | typeof STREAMED {
  if (headers['transfer-encoding'] !== undefined) return STREAMED;
  const length = headers['content-length'];
  if (length === undefined || length === '0') return NONE;
  // uWS refuses a malformed Content-Length before the handler; anything odd still streams.
  const n = Number(length);
  return n >= 0 && n <= SMALL_BODY && Number.isInteger(n) ? SMALL : STREAMED;
}

/**
 * The copied request head. A request without a body gets an empty stream only if someone asks
 * for it: cheaper than wiring onData (uWS needs no reader then), and most never ask. The remote
 * address too is read on first use: uWS asks the kernel (getpeername, a syscall per request,
 * seen in `perf` of bench s3-sdk-get) and nothing on the hot path reads it. It can be read while
 * the response is not yet sent ('' after that, when uWS may have freed the socket).
 */
class UwsRequestHead implements HttpRequest {
  readonly #source: UwsRequestBody | UwsSmallBody | undefined;
  #body: Readable | undefined;
  #remoteAddress: string | undefined;
  readonly #exchange: UwsExchange;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: string,
    readonly headers: Record<string, string>,
    exchange: UwsExchange,
    source: UwsRequestBody | UwsSmallBody | undefined,
  ) {
    this.#exchange = exchange;
    this.#source = source;
  }

  get remoteAddress(): string {
    if (this.#remoteAddress === undefined) {
      if (!this.#exchange.socketUsable) return '';
      this.#remoteAddress = Buffer.from(this.#exchange.res.getRemoteAddressAsText()).toString();
    }
    return this.#remoteAddress;
  }

  get body(): Readable {
    if (this.#body === undefined) {
      const source = this.#source;
      this.#body = source === undefined ? new (nodeStream().Readable)({ read() { this.push(null); } }) : source.stream;
    }
    return this.#body;
  }

  bodyChunks(): AsyncIterable<Uint8Array> {
    const source = this.#source;
    if (source instanceof UwsSmallBody) return new WholeBodyChunks(() => source.read(Infinity), () => source.drop());
    return this.body;
  }

  readWholeBody(limit: number): Promise<Buffer> {
    const source = this.#source;
    if (source === undefined) return Promise.resolve(EMPTY);
    if (source instanceof UwsSmallBody) return source.read(limit);
    if (declaredLength(this.headers) > limit) {
      source.discard();
      return Promise.reject(new BodyTooLargeError(limit));
    }
    return readWholeStream(source.stream, limit);
  }

  discardBody(): void {
    const source = this.#source;
    if (source instanceof UwsSmallBody) source.drop();
    else if (source !== undefined) source.discard();
  }
}
