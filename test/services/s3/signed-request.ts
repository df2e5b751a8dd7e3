/**
 * A raw SigV4-signed S3 request over node:http, for what the SDK hides: exact response headers
 * (a 304's ETag), header bytes that are not UTF-8 text, bodies the SDK would not send. Header
 * values are written as latin1, byte for byte, as Node's HTTP client writes every header.
 */
import { request } from 'node:http';
import { SigV4Signer, sha256Hex } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS } from '../../helpers/server.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

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
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: req.method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    if (framing === 'none') {
      // Neither Content-Length nor Transfer-Encoding: Node adds one of them unless told not to.
      r.useChunkedEncodingByDefault = false;
      r.end();
    } else {
      r.end(body);
    }
  });
}
