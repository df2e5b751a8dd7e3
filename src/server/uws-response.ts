/**
 * HttpResponse on uWS.
 *
 * uWS rules followed here: every write after the handler returned is wrapped in `res.cork()`;
 * nothing touches `res` after abort or after the response ended (UwsExchange tracks both); uWS
 * writes Content-Length itself for `end`/`tryEnd`, so a caller's content-length header is never
 * copied. HEAD answers are written with an explicit Content-Length and `endWithoutBody()`: in
 * this uWS build `endWithoutBody(length)` never completes the response and the keep-alive
 * connection hangs (see test/unit/server-adapters.test.ts, "HEAD").
 */
import type { Readable } from 'node:stream';
import { giveBack } from '../util/lent-buffers.js';
import type { HttpResponse } from './types.js';
import type { UwsExchange } from './uws-exchange.js';
import { isBodyless, statusLine } from './status-text.js';
import { writeHeadAfterContinue } from './uws-continue.js';

/** Headers uWS writes itself; a second copy would corrupt the response. */
const OWNED_BY_UWS = new Set(['content-length', 'date', 'transfer-encoding']);

/** Whether uWS owns `name`, in any case; lower-cases only names of a matching length (hot path). */
function ownedByUws(name: string): boolean {
  const n = name.length;
  return (n === 14 || n === 4 || n === 17) && OWNED_BY_UWS.has(name.toLowerCase());
}

export class UwsHttpResponse implements HttpResponse {
  readonly #x: UwsExchange;
  readonly #writer: CorkedWrite;
  #started = false;

  constructor(exchange: UwsExchange, writer: CorkedWrite) {
    this.#x = exchange;
    this.#writer = writer;
  }

  get aborted(): boolean {
    return this.#x.aborted;
  }

  onAborted(listener: () => void): void {
    this.#x.addAbortListener(listener);
  }

  send(status: number, headers: Record<string, string>, body?: Buffer | string, headOnly?: { contentLength: number }): void {
    if (!this.#begin()) return;
    const x = this.#x;
    this.#writer.write(x, status, headers, body, headOnly);
    x.markDone();
  }

  stream(status: number, headers: Record<string, string>, body: Readable, contentLength: number): Promise<void> {
    if (!this.#begin()) {
      body.destroy();
      return Promise.resolve();
    }
    if (contentLength === 0 || this.#x.isHead || isBodyless(status)) {
      body.destroy();
      this.send(status, headers, undefined, { contentLength });
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => new UwsStreamWriter(this.#x, body, contentLength, resolve, reject).start(() => writeHead(this.#x, status, headers)));
  }

  /** False when nothing may be written (aborted); throws on a second response. */
  #begin(): boolean {
    if (this.#x.aborted) return false;
    if (this.#started) throw new Error('response already sent');
    this.#started = true;
    return true;
  }
}

/**
 * Status line and headers, skipping the ones uWS writes itself, in one call to uWS. `writeStatus(s)`
 * writes "HTTP/1.1 " + s + "\r\n" as is and `writeHeader(k, v)` writes k + ": " + v + "\r\n"
 * (uws-continue.ts relies on the same), so the status line followed by "\r\n"-joined header lines
 * puts the very bytes of a writeStatus and one writeHeader per header on the wire. Why: each call
 * into uWS converts its strings and crosses into C++ (a GetItem answer made four: about 0.3 µs of
 * its ~16 µs server CPU, bench/micro/uws-head-write.ts); one flat string crosses once.
 */
function writeHead(x: UwsExchange, status: number, headers: Record<string, string>): void {
  let head = statusLine(status);
  for (const name in headers) {
    if (ownedByUws(name)) continue;
    head += `\r\n${name}: ${headers[name]!}`;
  }
  if (x.closeAsked) head += '\r\nConnection: close';
  if (x.continueSent) writeHeadAfterContinue(x.res, head);
  else x.res.writeStatus(head);
}

/** Head and whole body of one response; call inside `res.cork`. */
function writeWhole(x: UwsExchange, status: number, headers: Record<string, string>, body: Buffer | string | undefined, headOnly: { contentLength: number } | undefined): void {
  const res = x.res;
  writeHead(x, status, headers);
  x.beforeEnd();
  if (isBodyless(status)) {
    res.endWithoutBody();
  } else if (headOnly !== undefined || x.isHead) {
    const length = headOnly?.contentLength ?? (body === undefined ? 0 : Buffer.byteLength(body));
    res.writeHeader('Content-Length', String(length));
    res.endWithoutBody();
  } else {
    res.end(body ?? '');
  }
}

/**
 * Writes whole responses inside `res.cork` through one callback per server rather than a closure
 * per response (the closure and its context were per-request garbage in the SendMessage
 * profile). `cork` runs its callback at once, so the arguments wait in fields just for that call.
 */
export class CorkedWrite {
  #x: UwsExchange | undefined;
  #status = 0;
  #headers: Record<string, string> | undefined;
  #body: Buffer | string | undefined;
  #headOnly: { contentLength: number } | undefined;
  readonly #run = (): void => writeWhole(this.#x!, this.#status, this.#headers!, this.#body, this.#headOnly);

  write(x: UwsExchange, status: number, headers: Record<string, string>, body: Buffer | string | undefined, headOnly: { contentLength: number } | undefined): void {
    if (this.#x !== undefined) {
      // A response written from inside another's write (a listener that answers synchronously):
      // the fields are taken, so this one gets its own closure.
      x.res.cork(() => writeWhole(x, status, headers, body, headOnly));
      return;
    }
    this.#x = x;
    this.#status = status;
    this.#headers = headers;
    this.#body = body;
    this.#headOnly = headOnly;
    try {
      x.res.cork(this.#run);
    } finally {
      // Not kept past the call: the body and the exchange belong to one response.
      this.#x = undefined;
      this.#headers = undefined;
      this.#body = undefined;
      this.#headOnly = undefined;
    }
  }
}

/** Pumps a Readable into `tryEnd`, pausing it while the socket is full (uWS onWritable). */
class UwsStreamWriter {
  readonly #x: UwsExchange;
  readonly #source: Readable;
  readonly #total: number;
  readonly #resolve: () => void;
  readonly #reject: (error: Error) => void;
  /** Bytes taken from the source so far (chunks are clipped at `#total`). */
  #taken = 0;
  /** A chunk uWS could not take whole, and the write offset at which it starts. */
  #pending: Buffer | undefined;
  #pendingOffset = 0;
  #settled = false;

  constructor(x: UwsExchange, source: Readable, total: number, resolve: () => void, reject: (error: Error) => void) {
    this.#x = x;
    this.#source = source;
    this.#total = total;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  start(writeHead: () => void): void {
    const { res } = this.#x;
    res.cork(() => {
      writeHead();
      this.#x.beforeEnd();
    });
    res.onWritable((offset) => this.#onWritable(offset));
    this.#x.addAbortListener(() => this.#settle());
    this.#source.on('data', this.#onData);
    this.#source.once('end', this.#onEnd);
    this.#source.once('error', this.#onError);
  }

  readonly #onData = (data: Buffer | string): void => {
    if (this.#settled || !this.#x.socketUsable) return;
    let chunk = typeof data === 'string' ? Buffer.from(data) : data;
    const room = this.#total - this.#taken;
    if (chunk.length > room) chunk = chunk.subarray(0, room);
    this.#taken += chunk.length;
    if (chunk.length === 0) return;
    const { res } = this.#x;
    let ok = false;
    let done = false;
    res.cork(() => {
      const offset = res.getWriteOffset();
      [ok, done] = res.tryEnd(chunk, this.#total);
      if (!ok && !done) {
        this.#pending = chunk;
        this.#pendingOffset = offset;
      }
    });
    // uWS copies what it takes: a chunk taken whole can be reused by its source.
    if (ok || done) giveBack(chunk);
    if (done) this.#finish();
    else if (!ok) this.#source.pause();
  };

  /** uWS calls this (corked) when the socket drained; `offset` is the body bytes written so far. */
  #onWritable(offset: number): boolean {
    const pending = this.#pending;
    if (pending === undefined || this.#settled) return true;
    const [ok, done] = this.#x.res.tryEnd(pending.subarray(offset - this.#pendingOffset), this.#total);
    if (ok || done) giveBack(pending);
    if (done) {
      this.#finish();
    } else if (ok) {
      this.#pending = undefined;
      this.#source.resume();
    }
    return ok;
  }

  readonly #onEnd = (): void => {
    if (this.#taken < this.#total) this.#fail(new Error(`response body ended after ${this.#taken} of ${this.#total} bytes`));
  };

  readonly #onError = (error: Error): void => this.#fail(error);

  #finish(): void {
    this.#x.markDone();
    this.#settle();
  }

  /** The source broke mid-response: the only honest signal left is to drop the connection. */
  #fail(error: Error): void {
    if (this.#settled) return;
    const { res } = this.#x;
    const usable = this.#x.socketUsable;
    this.#x.markDone();
    if (usable) res.close();
    this.#settle(error);
  }

  #settle(error?: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#source.off('data', this.#onData);
    this.#source.off('end', this.#onEnd);
    this.#source.off('error', this.#onError);
    this.#source.on('error', () => {}); // late errors after destroy must not crash the process
    this.#source.destroy();
    if (error) this.#reject(error);
    else this.#resolve();
  }
}
