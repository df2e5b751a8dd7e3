/**
 * Access key ids that carry their account, in AWS's own layout, so the gateway can map a key
 * boltstack issued (AssumeRole, GetSessionToken) back to its account without any state, and
 * GetAccessKeyInfo answers for real AWS keys as AWS does.
 *
 * A key id is a 4-letter prefix (AKIA long-term, ASIA temporary) and 16 base32 characters, 80
 * bits. Decoded, bits 1..40 of those 80 (the mask 0x7fffffffff80 over the first 6 bytes) are the
 * account id; the top bit is set in every key AWS issues; the rest is the key's own randomness.
 * https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const KEY_LENGTH = 20;
const ACCOUNT_MASK = 0xff_ffff_ffffn; // 40 bits: 12 decimal digits fit (10^12 < 2^40)

function base32Value(c: number): number {
  if (c >= 65 && c <= 90) return c - 65; // A-Z
  if (c >= 50 && c <= 55) return c - 24; // 2-7
  return -1;
}

/** True for ids shaped like AWS key ids (AKIA/ASIA and 16 base32 characters). */
export function isAwsStyleKeyId(key: string): boolean {
  if (key.length !== KEY_LENGTH || !(key.startsWith('AKIA') || key.startsWith('ASIA'))) return false;
  for (let i = 4; i < KEY_LENGTH; i++) if (base32Value(key.charCodeAt(i)) < 0) return false;
  return true;
}

/** The account an AWS-style key id names (12 digits, zero-padded), or undefined for other ids. */
export function accountOfKeyId(key: string): string | undefined {
  if (!isAwsStyleKeyId(key)) return undefined;
  // The first 6 bytes are the first 48 bits: 9.6 base32 characters; read 10 and drop 2 bits.
  let bits = 0n;
  for (let i = 4; i < 14; i++) bits = (bits << 5n) | BigInt(base32Value(key.charCodeAt(i)));
  const first48 = bits >> 2n;
  return ((first48 >> 7n) & ACCOUNT_MASK).toString().padStart(12, '0');
}

/** A new key id for `account` (12 digits): `ASIA` for temporary credentials, `AKIA` otherwise. */
export function newKeyId(account: string, prefix: 'ASIA' | 'AKIA' = 'ASIA'): string {
  const random = randomBytes(10);
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  const accountBits = (BigInt(account) & ACCOUNT_MASK) << (7n + 32n); // bits 1..40 of the 80
  const topBit = 1n << 79n;
  const keep = (1n << 39n) - 1n; // the 7 + 32 random low bits
  bits = topBit | accountBits | (bits & keep);
  let out = prefix;
  for (let shift = 75n; shift >= 0n; shift -= 5n) out += ALPHABET[Number((bits >> shift) & 31n)];
  return out;
}

/** True when `key` is exactly 12 ASCII digits (no regex: this runs on every request). */
function isAccountId(key: string): boolean {
  if (key.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The account a request's access key names (DESIGN.md §8; src/gateway/account.ts says how): 12
 * digits are that account, a temporary `ASIA` key the account it was issued for, anything else
 * (or no key) the default account. Here, not in the gateway, because S3's POST Object reads its
 * key from the form rather than from the request's signature.
 */
export function accountOfKey(key: string | undefined, defaultAccountId: string): string {
  if (key === undefined) return defaultAccountId;
  if (isAccountId(key)) return key;
  // Only temporary keys: a long-term AKIA key such as the docs' AKIAIOSFODNN7EXAMPLE keeps
  // naming the default account, as it always has.
  return key.startsWith('ASIA') ? accountOfKeyId(key) ?? defaultAccountId : defaultAccountId;
}
