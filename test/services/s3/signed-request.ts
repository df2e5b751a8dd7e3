/**
 * A raw SigV4-signed S3 request over node:http, for what the SDK hides: exact response headers
 * (a 304's ETag), header bytes that are not UTF-8 text, bodies the SDK would not send. Header
 * values are written as latin1, byte for byte, as Node's HTTP client writes every header.
 */
import { SigV4Signer, sha256Hex } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS } from '../../helpers/server.js';
import { rawHttp, type RawResponse } from '../../helpers/raw-http.js';

export type { RawResponse };

export interface RawRequest {
  method: string;
  /** Encoded path, e.g. "/bucket/key". */
  path: string;
  /** Canonical (sorted, encoded) query string, "" when none. */
  query?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  region?: string;
  /** 'none': send neither Content-Length nor Transfer-Encoding (and so no body); default 'length'. */
  framing?: 'length' | 'none';
}

export async function signedRequest(endpoint: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const payloadHash = sha256Hex(body ?? '');
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, ...req.headers };
  const framing = req.framing ?? 'length';
  if (body !== undefined && framing === 'length') headers['content-length'] = String(body.length);
  const signer = new SigV4Signer({ region: req.region ?? 'us-east-1', service: 's3', credentials: CREDENTIALS });
  Object.assign(headers, signer.sign({ method: req.method, path: req.path, query: req.query ?? '', headers, payloadHash }));
  const path = req.query ? `${req.path}?${req.query}` : req.path;
  return rawHttp(endpoint, { method: req.method, path, headers, body, framing });
}
