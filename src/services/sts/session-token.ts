/**
 * Session tokens boltstack issues, and what one says about its session without any lookup.
 *
 * AWS's tokens are opaque and self-contained: a service tells an expired one from its bytes,
 * with no call to STS. boltstack's carry the same facts in the clear, so the gateway can refuse
 * an expired session (ExpiredToken) synchronously, on any request, after a restart, and after the
 * session's stored record is pruned (credential-pruning.ts):
 *
 *   "IQoJb3JpZ2luX2VjE"  the start of every AWS session token ("!\n\torigin_ec…" in base64)
 *   base64 of 240 bytes:
 *     0..3    "bst1"      marks a token boltstack issued, in this layout
 *     4..9    expiry      the session's Expiration, whole seconds since the epoch, big-endian
 *     10..29  key id      the access key id it was issued with (20 ASCII characters)
 *     30..    random
 *
 * A token of another layout (a real AWS token, one issued by an earlier boltstack) names no
 * expiry, and is never judged expired. The marker and the key id together keep a real token
 * (or a boltstack token sent with another key) from being misread: 24 bytes would have to match.
 */
import { randomBytes } from 'node:crypto';

const PREFIX = 'IQoJb3JpZ2luX2VjE';
const MARKER = 'bst1';
const KEY_ID_LENGTH = 20;
const HEADER_BYTES = MARKER.length + 6 + KEY_ID_LENGTH; // 30: a whole number of base64 groups
const HEADER_CHARS = (HEADER_BYTES / 3) * 4; // 40
const TOKEN_BYTES = 240;

/** A new session token for `accessKeyId`, whose session ends at `expiresAt` (epoch seconds). */
export function newSessionToken(accessKeyId: string, expiresAt: number): string {
  const bytes = randomBytes(TOKEN_BYTES);
  bytes.write(MARKER, 0, 'latin1');
  bytes.writeUIntBE(expiresAt, MARKER.length, 6);
  bytes.write(accessKeyId.padEnd(KEY_ID_LENGTH).slice(0, KEY_ID_LENGTH), MARKER.length + 6, 'latin1');
  return PREFIX + bytes.toString('base64');
}

/**
 * When the session of a token boltstack issued for `accessKeyId` ends (epoch seconds), or
 * undefined for any other token. Decodes 40 characters; no allocation beyond that.
 */
export function sessionTokenExpiry(accessKeyId: string, token: string): number | undefined {
  if (token.length < PREFIX.length + HEADER_CHARS || !token.startsWith(PREFIX)) return undefined;
  const header = Buffer.from(token.slice(PREFIX.length, PREFIX.length + HEADER_CHARS), 'base64');
  if (header.length !== HEADER_BYTES || header.toString('latin1', 0, MARKER.length) !== MARKER) return undefined;
  if (header.toString('latin1', MARKER.length + 6) !== accessKeyId) return undefined;
  return header.readUIntBE(MARKER.length, 6);
}
