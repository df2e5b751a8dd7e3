/**
 * The value rules that apply only to key attributes (table and index keys): no empty string or
 * binary, and size limits. The service decides which attributes are keys and calls these.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
import type { AttributeValue } from './types.js';

export const MAX_HASH_KEY_BYTES = 2048;
export const MAX_RANGE_KEY_BYTES = 1024;

/**
 * AWS's message for an empty S or B key value, or undefined. The same for an Item and a Key
 * parameter (UpdateItem's Key with an empty binary, captured against AWS 2026-10 by
 * paritysuite/dynamodb-conformance, says "are not valid."); `_where` is accepted for callers
 * written when the two were thought to differ.
 */
export function emptyKeyValueProblem(name: string, value: AttributeValue, _where?: 'item' | 'key'): string | undefined {
  const kind = value.S === '' ? 'string' : value.B !== undefined && value.B.length === 0 ? 'binary' : undefined;
  if (kind === undefined) return undefined;
  return `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${kind} value. Key: ${name}`;
}

/** AWS's message for a hash key over 2048 bytes or a range key over 1024 bytes, or undefined. */
export function keySizeProblem(value: AttributeValue, isHash: boolean): string | undefined {
  const size = value.S !== undefined ? Buffer.byteLength(value.S, 'utf8') : value.B !== undefined ? value.B.length : 0;
  if (isHash && size > MAX_HASH_KEY_BYTES) {
    return 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes';
  }
  if (!isHash && size > MAX_RANGE_KEY_BYTES) {
    return 'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes';
  }
  return undefined;
}
