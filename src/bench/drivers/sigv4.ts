/**
 * A small AWS Signature Version 4 signer for the raw (undici) drivers, on node:crypto.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * It signs the headers it is given (names lower-case, values trimmed by the caller) plus
 * x-amz-date, and caches the derived signing key per day, so one request costs one SHA-256 of
 * the payload (skipped when the caller passes a precomputed hash) and two HMACs.
 * Paths and query strings must already be in canonical (URI-encoded, sorted) form: the raw
 * drivers only ever send `POST /` or fixed S3 paths they encode themselves.
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigV4Credentials { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

export interface SignInput {
  method: string;
  /** Canonical URI, e.g. "/" or "/bucket/key" (already encoded). */
  path: string;
  /** Canonical query string (sorted, encoded), "" when none. */
  query?: string;
  /** Headers to sign; names must be lower-case. `host` is required. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the payload, or the payload itself to hash here. */
  payloadHash?: string;
  body?: string | Uint8Array;
  /** Signing time; defaults to now. */
  date?: Date;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "20150830T123600Z" */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The SigV4 signing key of one day, region and service (derive once a day, not per request). */
export function deriveSigningKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
}

export class SigV4Signer {
  readonly #region: string;
  readonly #service: string;
  readonly #credentials: SigV4Credentials;
  #keyDay = '';
  #key: Buffer = Buffer.alloc(0);

  constructor(options: { region: string; service: string; credentials: SigV4Credentials }) {
    this.#region = options.region;
    this.#service = options.service;
    this.#credentials = options.credentials;
  }

  /** Returns the headers to add to the request: x-amz-date, authorization (and the session token). */
  sign(input: SignInput): Record<string, string> {
    const stamp = amzDate(input.date ?? new Date());
    const day = stamp.slice(0, 8);
    const headers: Record<string, string> = { ...input.headers, 'x-amz-date': stamp };
    if (this.#credentials.sessionToken) headers['x-amz-security-token'] = this.#credentials.sessionToken;
    const names = Object.keys(headers).sort();
    let canonicalHeaders = '';
    for (const name of names) canonicalHeaders += `${name}:${headers[name]}\n`;
    const signedHeaders = names.join(';');
    const payloadHash = input.payloadHash ?? (input.body === undefined ? EMPTY_SHA256 : sha256Hex(input.body));
    const canonicalRequest = `${input.method}\n${input.path}\n${input.query ?? ''}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const scope = `${day}/${this.#region}/${this.#service}/aws4_request`;
    const stringToSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', this.#signingKey(day)).update(stringToSign).digest('hex');
    const out: Record<string, string> = {
      'x-amz-date': stamp,
      authorization: `AWS4-HMAC-SHA256 Credential=${this.#credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
    if (this.#credentials.sessionToken) out['x-amz-security-token'] = this.#credentials.sessionToken;
    return out;
  }

  #signingKey(day: string): Buffer {
    if (day !== this.#keyDay) {
      this.#key = deriveSigningKey(this.#credentials.secretAccessKey, day, this.#region, this.#service);
      this.#keyDay = day;
    }
    return this.#key;
  }
}
