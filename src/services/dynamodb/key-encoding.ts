/**
 * Key values as MetaStore key text whose byte order is DynamoDB's order, each self-delimiting so
 * a hash value never runs into the range value after it (keys.ts):
 *   S  the string with U+0000 → U+0001 U+0001 and U+0001 → U+0001 U+0002, then U+0000: UTF-8
 *      byte order is code point order, the escapes keep it, the terminator sorts a prefix first;
 *   B  lower-case hex of the bytes, then U+0000 (hex digits order as the bytes they spell);
 *   N  values/number-key.ts (numbers by value, its own terminator).
 */
import { encodeNumberKey } from './values/index.js';
import type { AttributeValue, Item } from './values/index.js';
import type { KeyAttribute, ScalarType } from './table-record.js';

const ESCAPES = /[\u0000\u0001]/g;
const escape = (c: string): string => (c === '\u0000' ? '\u0001\u0001' : '\u0001\u0002');

export function encodeKeyValue(type: ScalarType, value: AttributeValue): string {
  switch (type) {
    case 'S': return value.S!.replace(ESCAPES, escape) + '\u0000';
    case 'N': return encodeNumberKey(value.N!);
    case 'B': return Buffer.from(value.B!.buffer, value.B!.byteOffset, value.B!.byteLength).toString('hex') + '\u0000';
  }
}

/** The encoded primary key of `item` (which holds valid key attributes). */
export function encodePrimaryKey(hash: KeyAttribute, range: KeyAttribute | undefined, item: Item): string {
  const h = encodeKeyValue(hash.type, item[hash.name]!);
  return range ? h + encodeKeyValue(range.type, item[range.name]!) : h;
}
