/**
 * DynamoDB's orders: strings by unsigned UTF-8 bytes (the same order S3 lists keys in, so the
 * shared util/utf8-order.ts), binary by unsigned bytes, numbers by value (number.ts).
 */
export { compareUtf8 } from '../../../util/utf8-order.js';

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Does `bytes` start with `prefix`? */
export function bytesStartWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Does `bytes` contain `part` as a contiguous subsequence? */
export function bytesInclude(bytes: Uint8Array, part: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .indexOf(Buffer.from(part.buffer, part.byteOffset, part.byteLength)) >= 0;
}
