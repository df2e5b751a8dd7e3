/**
 * The raw drivers' transport for the JSON 1.0 (DynamoDB, SQS) and query (SNS, SQS) protocols:
 * a signed `POST /` on a keep-alive undici Pool. The per-request work is one SHA-256 of the body,
 * one SigV4 signature and a header object spread from a pre-built one. Never throws: a failed
 * call comes back with `error` set to the AWS error code, "HTTP <status>" or the transport code.
 */
import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { Target } from '../../types.js';
import { SigV4Signer } from '../sigv4.js';

export interface PostAnswer {
  status: number;
  /** The whole response body (these protocols answer small documents). */
  body: Buffer;
  error?: string;
}

export type ErrorCodeParser = (body: string, headers: IncomingHttpHeaders) => string | undefined;

/** JSON 1.0: `__type` is "namespace#Code" (or "Code:extra"), as the SDK sanitizes it. */
export const jsonErrorCode: ErrorCodeParser = (body, headers) => {
  const header = headers['x-amzn-errortype'];
  const raw = /"__type"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? (typeof header === 'string' ? header : undefined);
  if (!raw) return undefined;
  return raw.slice(raw.lastIndexOf('#') + 1).split(':')[0];
};

/** Query protocol: `<ErrorResponse><Error><Code>...</Code>`. */
export const queryErrorCode: ErrorCodeParser = (body) => /<Code>([^<]+)<\/Code>/.exec(body)?.[1];

/** A transport failure's code (ECONNREFUSED, UND_ERR_SOCKET, ...) or its name. */
export function transportErrorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const { code, name } = err as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'Error';
}

export class SignedPoster {
  readonly #pool: Pool;
  readonly #signer: SigV4Signer;
  readonly #baseHeaders: Record<string, string>;
  readonly #errorCode: ErrorCodeParser;

  /** `headers` are sent (and signed) with every request: content-type, x-amz-target, ... */
  constructor(target: Target, o: { service: string; headers: Record<string, string>; errorCode: ErrorCodeParser; connections?: number }) {
    const url = new URL(target.endpoint);
    // Keep-alive connections opened on demand, one request at a time each (no pipelining:
    // the SDK driver does not pipeline either, so the two compare like for like).
    this.#pool = new Pool(url.origin, { connections: o.connections ?? 1024, pipelining: 1 });
    this.#signer = new SigV4Signer({ region: target.region, service: o.service, credentials: target.credentials });
    this.#baseHeaders = { host: url.host, ...o.headers };
    this.#errorCode = o.errorCode;
  }

  /**
   * POSTs `body` with the base headers plus `extra` (e.g. a per-operation x-amz-target);
   * `payloadHash` when the body is a constant whose SHA-256 the caller computed once.
   */
  async post(body: string, extra?: Record<string, string>, payloadHash?: string): Promise<PostAnswer> {
    const headers = extra ? { ...this.#baseHeaders, ...extra } : { ...this.#baseHeaders };
    Object.assign(headers, this.#signer.sign({ method: 'POST', path: '/', headers, body, payloadHash }));
    try {
      const res = await this.#pool.request({ path: '/', method: 'POST', headers, body });
      const data = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode < 300) return { status: res.statusCode, body: data };
      const code = this.#errorCode(data.toString('utf8'), res.headers) ?? `HTTP ${res.statusCode}`;
      return { status: res.statusCode, body: data, error: code };
    } catch (err) {
      return { status: 0, body: Buffer.alloc(0), error: transportErrorCode(err) };
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
