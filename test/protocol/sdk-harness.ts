/**
 * Drives the real SDK v3 clients in-process (STYLE.md habit 9): a fake requestHandler either
 * captures the serialized HttpRequest (to test our decode against what the SDK sends) or answers
 * with a response we encoded (to test that the SDK parses our encode/encodeError output).
 */
import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { WireRequest, WireResponse } from '../../src/protocols/types.js';

export const clientConfig = {
  region: 'us-east-1',
  endpoint: 'http://localhost:4566',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  maxAttempts: 1,
} as const;

class Captured extends Error {
  constructor(readonly request: HttpRequest) { super('captured'); }
}

/** A requestHandler that records the request and aborts the call. */
export const captureHandler = {
  async handle(request: HttpRequest): Promise<never> { throw new Captured(request); },
};

export function respondHandler(wire: WireResponse) {
  return {
    async handle(): Promise<{ response: HttpResponse }> {
      let body: Readable;
      if (wire.stream !== undefined) body = wire.stream.stream;
      else body = Readable.from(wire.body === undefined ? [] : [Buffer.from(wire.body)]);
      return { response: new HttpResponse({ statusCode: wire.status, headers: wire.headers, body }) };
    },
  };
}

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new Error(`unsupported body ${typeof body}`);
}

/** Sends `command` through `send`, returning the serialized request as a WireRequest. */
export async function capture(send: () => Promise<unknown>): Promise<WireRequest> {
  try {
    await send();
  } catch (err) {
    if (!(err instanceof Captured)) throw err;
    const req = err.request;
    const query = Object.entries(req.query ?? {}).flatMap(([k, v]) => {
      const values = v === null ? [null] : Array.isArray(v) ? v : [v];
      return values.map((x) => (x === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(x)}`));
    }).join('&');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
    const body = await bodyBytes(req.body);
    const wire: WireRequest = { method: req.method, path: req.path, query, headers };
    if (body !== undefined) wire.body = body;
    return wire;
  }
  throw new Error('request was not captured');
}
