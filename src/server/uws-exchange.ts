/**
 * The state of one uWS request/response pair, shared by its body stream and its response.
 *
 * uWS rules this object enforces: `res` must not be touched after `onAborted` fired or after the
 * response ended (it is freed), so everything asks `socketUsable` first; and the server counts
 * exchanges in flight to close gracefully.
 */
import type { HttpResponse as UwsResponse } from '@based/uws';

/** What the exchange tells a request body (streamed or small) about the connection. */
export interface ExchangeBody {
  /** The client went away. */
  onAbort(): void;
  /** The response is about to end (`res` still valid): the rest of the body is to be dropped. */
  onResponseEnd(): void;
}

export class UwsExchange {
  readonly res: UwsResponse;
  readonly isHead: boolean;
  /**
   * The request asked to close the connection after this exchange (`Connection: close`): uWS
   * closes it but does not say so, and the answer says it, as RFC 9112 §9.6 asks and node:http
   * and S3 do (a keep-alive proxy would otherwise reuse the closed socket: jsv2trial).
   */
  readonly closeAsked: boolean;
  /**
   * "100 Continue" went out through `writeStatus` (see uws-continue.ts), so uWS takes no second
   * status: the final status line is written ahead of the first header instead.
   */
  continueSent = false;
  #aborted = false;
  #done = false;
  #body: ExchangeBody | undefined;
  /** Made on the first listener: most requests never add one. */
  #abortListeners: Array<() => void> | undefined;
  readonly #onSettled: (exchange: UwsExchange) => void;

  constructor(res: UwsResponse, isHead: boolean, closeAsked: boolean, onSettled: (exchange: UwsExchange) => void) {
    this.res = res;
    this.isHead = isHead;
    this.closeAsked = closeAsked;
    this.#onSettled = onSettled;
    // Registered before anything async can happen, as uWS requires.
    res.onAborted(() => this.#abort());
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get done(): boolean {
    return this.#done;
  }

  /** `res` may be used: neither aborted nor ended. */
  get socketUsable(): boolean {
    return !this.#aborted && !this.#done;
  }

  attachBody(body: ExchangeBody): void {
    this.#body = body;
  }

  addAbortListener(listener: () => void): void {
    if (this.#done) return;
    if (this.#aborted) queueMicrotask(listener);
    else (this.#abortListeners ??= []).push(listener);
  }

  /** Call just before the final write that ends the response (while `res` is still valid). */
  beforeEnd(): void {
    this.#body?.onResponseEnd();
  }

  /** The response has ended (or been closed by us): `res` is off limits from now on. */
  markDone(): void {
    if (this.#done || this.#aborted) return;
    this.#done = true;
    this.#abortListeners = undefined;
    this.#onSettled(this);
  }

  #abort(): void {
    if (this.#done || this.#aborted) return;
    this.#aborted = true;
    this.#body?.onAbort();
    const listeners = this.#abortListeners ?? [];
    this.#abortListeners = undefined;
    this.#onSettled(this);
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        // A listener's failure must not stop the others nor unwind into uWS's native callback.
        process.emitWarning(`onAborted listener threw: ${String(error)}`);
      }
    }
  }
}
