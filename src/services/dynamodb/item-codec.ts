/**
 * Items as stored: JSON of the attribute-value map with binary (B, BS) as base64 text, the form
 * DynamoDB's wire uses, so answers that only echo an item back splice the stored text in as it
 * is (util/raw-json.ts). `parseItem` restores bytes for evaluation (conditions, filters, keys).
 */
import type { AttributeValue, Item } from './values/index.js';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Uint8Array ? Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64') : value;
}

function containsBinary(item: Item): boolean {
  for (const name in item) {
    const v = item[name]!;
    if (v.B !== undefined || v.BS !== undefined) return true;
    if (v.M !== undefined && containsBinary(v.M)) return true;
    if (v.L !== undefined && v.L.some((e) => containsBinary({ e }))) return true;
  }
  return false;
}

/** A replacer costs a call per node: only items with binary values need one. */
export const serializeItem = (item: Item): string => (containsBinary(item) ? JSON.stringify(item, replacer) : JSON.stringify(item));

// Only an attribute value's own B / BS members hold base64 text: an attribute *named* "B" maps
// to an object, so the type test below tells the two apart.
function reviver(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (key === 'BS' && Array.isArray(value) && (value.length === 0 || typeof value[0] === 'string')) return (value as string[]).map((v) => Buffer.from(v, 'base64'));
  return value;
}

export const parseItem = (text: string): Item => (text.includes('"B') ? JSON.parse(text, reviver) : JSON.parse(text)) as Item;

/** One stored attribute value (`{"N":"1"}`), bytes restored: for reading a few attributes of an item. */
export const parseStoredValue = (text: string): AttributeValue => (text.includes('"B') ? JSON.parse(text, reviver) : JSON.parse(text)) as AttributeValue;
