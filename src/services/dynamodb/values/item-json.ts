/**
 * Items as DynamoDB JSON text: the attribute-value map as the wire carries it, binary (B, BS) as
 * base64. The form items are stored in and cross to worker threads in (one item per line of a
 * UTF-8 buffer: JSON text never contains a raw newline).
 */
import type { Item } from './types.js';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Uint8Array ? Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64') : value;
}

export const stringifyItemJson = (item: Item): string => JSON.stringify(item, replacer);

// Only a value's own B / BS member holds base64 text; an attribute *named* "B" maps to an object.
function reviver(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (key === 'BS' && Array.isArray(value) && (value.length === 0 || typeof value[0] === 'string')) return (value as string[]).map((v) => Buffer.from(v, 'base64'));
  return value;
}

/** Parses DynamoDB JSON text, restoring bytes (the reviver runs only when binary may be present). */
export const parseItemJson = (text: string): Item => (text.includes('"B') ? JSON.parse(text, reviver) : JSON.parse(text)) as Item;
