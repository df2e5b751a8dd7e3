/**
 * One request over node:http with exactly the headers and body given (no defaults added but
 * node's own), and the whole answer: status, headers (repeated ones joined with ", ") and body
 * bytes. For request-shape tests that replay what a client sent, byte for byte.
 */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawHttpRequest {
  method: string;
  /** Path and query as written on the request line. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string | undefined;
  /** 'none': send neither Content-Length nor Transfer-Encoding (and so no body); default 'length'. */
  framing?: 'length' | 'none';
}

export function rawHttp(endpoint: string, req: RawHttpRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers }, (res) => {
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
    if (req.framing === 'none') {
      // Neither Content-Length nor Transfer-Encoding: Node adds one of them unless told not to.
      r.useChunkedEncodingByDefault = false;
      r.end();
    } else {
      r.end(req.body);
    }
  });
}
