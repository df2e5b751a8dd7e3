/**
 * A small uWS request body (a declared Content-Length up to SMALL_BODY, no transfer coding),
 * collected straight from `res.onData` into one buffer of exactly that length (DESIGN.md §4).
 *
 * Why: most DynamoDB, SQS, SNS and STS requests are a few hundred bytes that arrive in the same
 * network read as the head. Passing them through a Readable and an async iterator (push, read,
 * end-of-stream, nextTick, a promise per chunk) cost about 10% of a GetItem's server CPU;
 * here it is one allocation and one copy. A consumer that still wants a stream (a small
 * PutObject) gets a Readable over the buffer, made only when asked for.
 *
 * Nothing is paused: the whole body is at most SMALL_BODY bytes, which is what the streamed
 * body holds at most too. The socket is never paused, so a response sent before the body has
 * arrived simply lets the rest be dropped as it comes, and the connection stays usable.
 */
import type { Readable } from 'node:stream';
import { nodeStream } from '../util/node-builtins.js';
import { clientAbortedError } from './client-aborted.js';
import { BodyTooLargeError } from './read-whole-body.js';

const enum State { Receiving, Complete, Failed, Dropped }

interface Waiter { resolve(body: Buffer): void; reject(error: Error): void }

export class UwsSmallBody {
  /** Exactly the declared length; filled as chunks come. */
  #buffer: Buffer | undefined;
  #received = 0;
  readonly #length: number;
  #state = State.Receiving;
  /** A reader waiting for the last byte (the body usually arrives before anyone asks). */
  #waiter: Waiter | undefined;
  #stream: Readable | undefined;
  /** Someone took the body (as bytes or as a stream): a second taker is a bug. */
  #taken = false;

  constructor(length: number) {
    this.#length = length;
  }

  /** Feeds one uWS data callback; called synchronously inside it (the chunk is valid only now). */
  onChunk(chunk: ArrayBuffer, isLast: boolean): void {
    if (this.#state !== State.Receiving) return;
    const n = Math.min(chunk.byteLength, this.#length - this.#received);
    if (n > 0) {
      // allocUnsafe: every byte is written before anyone sees the buffer, and below 4 KiB it is
      // a slice of node's pool rather than an allocation of its own.
      const buffer = (this.#buffer ??= Buffer.allocUnsafe(this.#length));
      buffer.set(n === chunk.byteLength ? new Uint8Array(chunk) : new Uint8Array(chunk, 0, n), this.#received);
      this.#received += n;
    }
    if (isLast) this.#complete();
  }

  /** The client went away: fail the reader unless every byte had already arrived. */
  onAbort(): void {
    if (this.#state !== State.Receiving) return;
    this.#state = State.Failed;
    this.#buffer = undefined;
    const error = clientAbortedError();
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.reject(error);
    this.#stream?.destroy(error);
  }

  /** The response is about to end: whatever of the body is still to come is dropped. */
  onResponseEnd(): void {
    this.drop();
  }

  /** Nobody will read the body (HttpRequest.discardBody). */
  drop(): void {
    if (this.#state !== State.Receiving) return;
    this.#state = State.Dropped;
    this.#buffer = undefined;
    this.#waiter = undefined;
    if (this.#stream !== undefined && !this.#stream.destroyed) this.#stream.destroy();
  }

  read(limit: number): Promise<Buffer> {
    this.#take();
    if (this.#length > limit) {
      this.drop();
      return Promise.reject(new BodyTooLargeError(limit));
    }
    if (this.#state === State.Complete) return Promise.resolve(this.#buffer!);
    if (this.#state !== State.Receiving) return Promise.reject(clientAbortedError());
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  /** A Readable over the buffer, for streaming consumers; it ends once the last byte is in. */
  get stream(): Readable {
    if (this.#stream === undefined) {
      this.#take();
      const stream = new (nodeStream().Readable)({ read() { /* fed by #complete */ } });
      // As the streamed body: an abort before anyone reads must not become an uncaught error.
      stream.on('error', () => undefined);
      this.#stream = stream;
      if (this.#state === State.Complete) this.#feed(stream);
      else if (this.#state === State.Failed) stream.destroy(clientAbortedError());
      else if (this.#state === State.Dropped) stream.destroy();
    }
    return this.#stream;
  }

  #complete(): void {
    this.#state = State.Complete;
    // A body that ends short of its declared length cannot come from uWS, which frames bodies
    // by Content-Length; were it to, the unwritten bytes must never be handed out.
    if (this.#received < this.#length) this.#buffer = this.#buffer?.subarray(0, this.#received);
    this.#buffer ??= Buffer.alloc(0);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.resolve(this.#buffer);
    if (this.#stream !== undefined) this.#feed(this.#stream);
  }

  #feed(stream: Readable): void {
    if (this.#buffer!.length > 0) stream.push(this.#buffer);
    stream.push(null);
  }

  #take(): void {
    if (this.#taken) throw new Error('the request body was already taken');
    this.#taken = true;
  }
}
