/**
 * Signed S3 requests over one undici keep-alive Pool sized to the workload's concurrency.
 * Answers are drained (counting bytes) without parsing; only when a caller needs the text (an
 * error body, an UploadId) is it decoded. Transport failures come back as results, not throws.
 */
import { Pool, type Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { createS3Signer, type S3Signer } from './sign.js';
import { transportErrorCode, xmlErrorCode } from './error-code.js';
import { HeadClient } from './head-request.js';
import type { Target } from '../../types.js';

export interface RawRequest {
  method: 'GET' | 'PUT' | 'POST' | 'HEAD' | 'DELETE';
  /** Path as sent, URI-encoded. */
  path: string;
  /** Canonical query string (sorted, encoded), '' for none. */
  query?: string;
  body?: Uint8Array | AsyncIterable<Uint8Array> | string;
  length?: number;
  /** Keep the answer body as text (else it is drained and only counted). */
  text?: boolean;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Answer body bytes. */
  bytes: number;
  text: string;
  /** Set when the request failed: AWS code, "HTTP <status>" or transport code. */
  error?: string;
}

export class RawS3Http {
  readonly #pool: Pool;
  readonly #sign: S3Signer;
  /** HEAD over node:http when the endpoint is plain http (head-request.ts says why). */
  readonly #heads: HeadClient | undefined;

  constructor(target: Target, connections: number) {
    const url = new URL(target.endpoint);
    this.#pool = new Pool(url.origin, { connections: Math.max(1, connections), pipelining: 1, keepAliveTimeout: 30_000 });
    this.#heads = url.protocol === 'http:' ? new HeadClient(url.origin, connections) : undefined;
    this.#sign = createS3Signer({ host: url.host, region: target.region, credentials: target.credentials });
  }

  async request(r: RawRequest): Promise<RawAnswer> {
    const query = r.query ?? '';
    const headers: Record<string, string> = { ...this.#sign(r.method, r.path, query) };
    if (r.length !== undefined) headers['content-length'] = String(r.length);
    if (r.method === 'HEAD' && this.#heads) {
      try {
        const h = await this.#heads.head(query ? `${r.path}?${query}` : r.path, headers);
        const answer: RawAnswer = { status: h.status, headers: h.headers, bytes: 0, text: '' };
        if (h.status >= 300) answer.error = xmlErrorCode(h.status, '');
        return answer;
      } catch (err) {
        return { status: 0, headers: {}, bytes: 0, text: '', error: transportErrorCode(err) };
      }
    }
    return this.#dispatch(r, query ? `${r.path}?${query}` : r.path, headers);
  }

  /**
   * Pool.dispatch with a handler that counts bytes as they arrive: no response stream object per
   * request (Pool.request makes one), which is most of the client's per-request cost.
   */
  #dispatch(r: RawRequest, path: string, headers: Record<string, string>): Promise<RawAnswer> {
    return new Promise((resolve) => {
      let status = 0;
      let answerHeaders: IncomingHttpHeaders = {};
      let bytes = 0;
      let keep = false;
      const parts: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart: () => undefined, // its presence marks the handler as the v7 (controller) kind
        onResponseStart: (_c, statusCode, h) => {
          status = statusCode;
          answerHeaders = h;
          keep = r.text === true || statusCode >= 300;
        },
        onResponseData: (_c, chunk) => {
          bytes += chunk.length;
          if (keep) parts.push(chunk);
        },
        onResponseEnd: () => {
          const answer: RawAnswer = { status, headers: answerHeaders, bytes, text: keep ? Buffer.concat(parts).toString('utf8') : '' };
          if (status >= 300) answer.error = xmlErrorCode(status, answer.text);
          resolve(answer);
        },
        onResponseError: (_c, err) => resolve({ status, headers: answerHeaders, bytes, text: '', error: transportErrorCode(err) }),
      };
      // undici streams any (async) iterable body (lib/core/request.js); its types list only Readable.
      const body = r.body as string | Uint8Array | Readable | undefined;
      this.#pool.dispatch({ method: r.method, path, headers, body }, handler);
    });
  }

  close(): Promise<void> {
    this.#heads?.close();
    return this.#pool.close();
  }
}
