/**
 * Key values as MetaStore key text whose byte order is DynamoDB's order, each self-delimiting so
 * a hash value never runs into the range value after it (keys.ts):
 *   S  the string (a lone surrogate as U+FFFD) with U+0000 → U+0001 U+0001 and U+0001 → U+0001 U+0002, then U+0000: UTF-8
 *      byte order is code point order, the escapes keep it, the terminator sorts a prefix first;
 *   B  lower-case hex of the bytes, then U+0000 (hex digits order as the bytes they spell);
 *   N  values/number-key.ts (numbers by value, its own terminator).
 */
import { encodeNumberKey } from './values/index.js';
import type { AttributeValue, Item } from './values/index.js';
import type { KeyAttribute, ScalarType } from './table-record.js';

const ESCAPES = /[\u0000\u0001]/g;
const escape = (c: string): string => (c === '\u0000' ? '\u0001\u0001' : '\u0001\u0002');

/**
 * String.prototype.toWellFormed (ES2024, in V8 since Node 20) is past our tsconfig lib, hence this
 * type. A JSON "\ud800" escape decodes to a lone surrogate, which no UTF-8 holds: the MetaStore
 * refuses such a key (storage/memory/validate.ts), so it answered HTTP 500. The key takes U+FFFD
 * in its place, as the value's UTF-8 bytes would; a well-formed string comes back as it is.
 */
interface WellFormed { toWellFormed(this: string): string }
const toWellFormed = (String.prototype as unknown as WellFormed).toWellFormed;

/** `s` with each lone surrogate as U+FFFD, for any request text that becomes part of a MetaStore key. */
export const wellFormed = (s: string): string => toWellFormed.call(s);

export function encodeKeyValue(type: ScalarType, value: AttributeValue): string {
  switch (type) {
    case 'S': return toWellFormed.call(value.S!).replace(ESCAPES, escape) + '\u0000';
    case 'N': return encodeNumberKey(value.N!);
    case 'B': return Buffer.from(value.B!.buffer, value.B!.byteOffset, value.B!.byteLength).toString('hex') + '\u0000';
  }
}

/** The encoded primary key of `item` (which holds valid key attributes). */
export function encodePrimaryKey(hash: KeyAttribute, range: KeyAttribute | undefined, item: Item): string {
  const h = encodeKeyValue(hash.type, item[hash.name]!);
  return range ? h + encodeKeyValue(range.type, item[range.name]!) : h;
}
