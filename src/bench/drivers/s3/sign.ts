/**
 * SigV4 for S3 requests with an unsigned payload, built for speed: everything that changes at
 * most once a second (date, scope, signing key, header block) is prepared once, so a request
 * costs one SHA-256 and one HMAC over short strings.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
import { createHash, createHmac } from 'node:crypto';
import { amzDate, deriveSigningKey } from '../sigv4.js';

export interface SignedHeaders {
  authorization: string;
  'x-amz-date': string;
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD';
  'x-amz-security-token'?: string;
}

export interface S3SignerOptions {
  /** Host header as sent (host:port unless the port is the scheme's default). */
  host: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Clock, for tests. */
  now?: () => number;
}

/** `path` is the request path as sent (already URI-encoded); `query` the canonical query string. */
export type S3Signer = (method: string, path: string, query: string) => SignedHeaders;


export function createS3Signer(o: S3SignerOptions): S3Signer {
  const now = o.now ?? Date.now;
  const token = o.credentials.sessionToken;
  const signedHeaders = token ? 'host;x-amz-content-sha256;x-amz-date;x-amz-security-token' : 'host;x-amz-content-sha256;x-amz-date';
  const tokenLine = token ? `x-amz-security-token:${token}\n` : '';
  let second = -1;
  let day = '';
  let key: Buffer = Buffer.alloc(0);
  let date = '';
  let stsPrefix = '';
  let authPrefix = '';
  let headerTail = '';
  const refresh = (ms: number): void => {
    date = amzDate(new Date(ms));
    if (date.slice(0, 8) !== day) {
      day = date.slice(0, 8);
      key = deriveSigningKey(o.credentials.secretAccessKey, day, o.region, 's3');
    }
    const scope = `${day}/${o.region}/s3/aws4_request`;
    stsPrefix = `AWS4-HMAC-SHA256\n${date}\n${scope}\n`;
    authPrefix = `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=`;
    headerTail = `host:${o.host}\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:${date}\n${tokenLine}\n${signedHeaders}\nUNSIGNED-PAYLOAD`;
  };
  return (method, path, query) => {
    const ms = now();
    const s = Math.floor(ms / 1000);
    if (s !== second) { second = s; refresh(ms); }
    const canonical = `${method}\n${path}\n${query}\n${headerTail}`;
    const sts = stsPrefix + createHash('sha256').update(canonical).digest('hex');
    const headers: SignedHeaders = {
      authorization: authPrefix + createHmac('sha256', key).update(sts).digest('hex'),
      'x-amz-date': date,
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    };
    if (token) headers['x-amz-security-token'] = token;
    return headers;
  };
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and '/' in paths). */
export function uriEncode(value: string, keepSlash = false): string {
  const e = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? e.replace(/%2F/g, '/') : e;
}

/** Request path of an object; the common all-safe key skips the encoder. */
export function objectPath(bucket: string, key: string): string {
  return /^[A-Za-z0-9\-._~/]*$/.test(key) ? `/${bucket}/${key}` : `/${bucket}/${uriEncode(key, true)}`;
}
