/**
 * Item size as DynamoDB computes it for the 400 KB limit and for capacity units: the UTF-8
 * length of every attribute name plus the size of its value. Strings count their UTF-8 bytes,
 * binary its bytes, numbers their base-100 digits (number.ts), BOOL and NULL one byte; a list or
 * map costs 3 bytes plus one byte per element (and, in a map, each entry's name).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
import { numberSize } from './number.js';
import type { AttributeValue, Item } from './types.js';

export const MAX_ITEM_SIZE = 400 * 1024;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

export function attributeValueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) return value.L.reduce((sum, v) => sum + 1 + attributeValueSize(v), 3);
  if (value.M !== undefined) {
    let size = 3;
    for (const name in value.M) size += 1 + utf8Length(name) + attributeValueSize(value.M[name]!);
    return size;
  }
  return 0;
}

/** Bytes of an item (or key): names plus values. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const name in item) size += utf8Length(name) + attributeValueSize(item[name]!);
  return size;
}
