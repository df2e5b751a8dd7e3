/**
 * node:crypto behind the Checksum interface that @smithy/signature-v4 takes, so the SigV4 tests
 * can compare our signers with AWS's reference implementation without extra hashing packages.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { SourceData } from '@smithy/types';

const bytes = (d: SourceData): string | Uint8Array =>
  (typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));

export class NodeSha256 {
  readonly #h: Hash | Hmac;
  constructor(secret?: SourceData) { this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret)); }
  update(data: Uint8Array): void { this.#h.update(data); }
  digest(): Promise<Uint8Array> { return Promise.resolve(this.#h.digest()); }
  reset(): void { /* one-shot: the signer makes a new instance per hash */ }
}
