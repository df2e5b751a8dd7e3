/**
 * Plain node:http requests against a presigned URL: bodies stream from an async iterable (never
 * held whole) and downloads are hashed (MD5) while they stream. No SDK, no aws-chunked framing,
 * so every server does the same work per byte.
 */
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { once } from 'node:events';

// A connection per request (agent: false): a kept-alive socket that the server closed while idle
// (uWS does after 10 s) fails with ECONNRESET when reused, and setup costs nothing next to the
// transfers measured here.
const agent = false;

export interface Sent { status: number; body: string; etag?: string }

/** PUT (or any method) with a streamed body of known length; resolves with status and body text. */
export function send(method: string, url: string, body?: AsyncIterable<Uint8Array> | Uint8Array, length = 0): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-length': String(body instanceof Uint8Array ? body.length : length) };
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({
        status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'),
        ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
      }));
      res.once('error', reject);
    });
    req.once('error', reject);
    if (body === undefined || body instanceof Uint8Array) {
      req.end(body);
      return;
    }
    void (async () => {
      try {
        for await (const chunk of body) {
          if (!req.write(chunk)) await once(req, 'drain');
        }
        req.end();
      } catch (err) {
        req.destroy(err as Error);
      }
    })();
  });
}

export interface Fetched { status: number; bytes: number; md5: string }

/** GET that discards the body while counting it, and hashing it (MD5) unless `hash` is false. */
export function fetchHashed(url: string, hash = true): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent }, (res) => {
      const h = hash ? createHash('md5') : undefined;
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; h?.update(c); });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, bytes, md5: h?.digest('hex') ?? '' }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/** Nothing is pooled (see `agent`); kept so callers need not know. */
export function closeConnections(): void {}
