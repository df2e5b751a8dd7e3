/**
 * An HttpRequest whose body is already in memory: for calling the gateway in process (unit
 * tests, micro benchmarks) without a socket. Behaves as the adapters do for a small body.
 */
import { Readable } from 'node:stream';
import { BodyTooLargeError } from './read-whole-body.js';
import type { HttpRequest } from './types.js';
import { WholeBodyChunks } from './whole-body-chunks.js';

export interface RequestHead {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  remoteAddress?: string;
}

export function inMemoryRequest(head: RequestHead, body: Buffer = Buffer.alloc(0)): HttpRequest {
  return new InMemoryRequest(head, body);
}

class InMemoryRequest implements HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly remoteAddress: string;
  readonly #bytes: Buffer;
  #body: Readable | undefined;

  constructor(head: RequestHead, bytes: Buffer) {
    this.method = head.method;
    this.path = head.path;
    this.query = head.query;
    this.headers = head.headers;
    this.remoteAddress = head.remoteAddress ?? '127.0.0.1';
    this.#bytes = bytes;
  }

  get body(): Readable {
    return (this.#body ??= Readable.from(this.#bytes.length > 0 ? [this.#bytes] : [], { objectMode: false }));
  }

  bodyChunks(): AsyncIterable<Uint8Array> {
    if (this.#body !== undefined) return this.#body;
    const bytes = this.#bytes;
    return new WholeBodyChunks(() => Promise.resolve(bytes), () => undefined);
  }

  readWholeBody(limit: number): Promise<Buffer> {
    return this.#bytes.length > limit ? Promise.reject(new BodyTooLargeError(limit)) : Promise.resolve(this.#bytes);
  }

  discardBody(): void {
    // Nothing arrives from anywhere: nothing to drop.
  }
}
