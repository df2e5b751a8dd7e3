/**
 * A Query's key condition in storage terms: equality on the partition key and at most one
 * condition on the sort key, turned into one contiguous key range of the table or index (the
 * encodings in key-encoding.ts keep DynamoDB's order, so every sort-key condition is a range).
 * The expression engine (KeyConditionExpression) and the legacy KeyConditions both produce it.
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { encodeKeyValue } from './key-encoding.js';
import { END, indexPrefix, itemPrefix } from './keys.js';
import type { IndexRecord, KeyAttribute, TableRecord } from './table-record.js';
import type { AttributeValue } from './values/index.js';

export type SortKeyOperator = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';

export interface KeyCondition {
  hash: AttributeValue;
  range?: { operator: SortKeyOperator; values: AttributeValue[] };
}

/** The encoded prefix of a begins_with operand: the value's encoding without its terminator. */
function prefixOf(attr: KeyAttribute, value: AttributeValue): string {
  const full = encodeKeyValue(attr.type, value);
  return full.slice(0, -1);
}

/** The key range a Query reads (before ExclusiveStartKey and direction). */
export function queryRange(table: TableRecord, index: IndexRecord | undefined, condition: KeyCondition): { gte: string; lt: string } {
  const hashAttr = index ? index.hash : table.hash;
  const rangeAttr = index ? index.range : table.range;
  const base = (index ? indexPrefix(table.id, index.id) : itemPrefix(table.id)) + encodeKeyValue(hashAttr.type, condition.hash);
  const r = condition.range;
  if (!r || !rangeAttr) return { gte: base, lt: base + END };
  // A stored key under `base + enc(v)` has sort value v (followed by the table key on an index).
  const at = (v: AttributeValue): string => base + encodeKeyValue(rangeAttr.type, v);
  const [a, b] = r.values as [AttributeValue, AttributeValue];
  switch (r.operator) {
    case 'EQ': return { gte: at(a), lt: at(a) + END };
    case 'LT': return { gte: base, lt: at(a) };
    case 'LE': return { gte: base, lt: at(a) + END };
    case 'GT': return { gte: at(a) + END, lt: base + END };
    case 'GE': return { gte: at(a), lt: base + END };
    case 'BETWEEN': return { gte: at(a), lt: at(b) + END };
    case 'BEGINS_WITH': return { gte: base + prefixOf(rangeAttr, a), lt: base + prefixOf(rangeAttr, a) + END };
  }
}

/**
 * The range with a page's start applied, in the direction of the read.
 *
 * A reverse read whose upper bound ends in END is bounded by `lte`: no stored key ends in END
 * (keys.ts: no encoded key value starts with it, and a bound ends in it only after a whole
 * encoded value), so it reads what `lt` reads, and the store can seek a reverse iterator back to
 * an `lte` bound to reuse it for the next read of the range (native-store/iterator-pool.ts),
 * not to an `lt` one.
 */
export function pageRange(range: { gte: string; lt: string }, after: string | undefined, forward: boolean): KeyRange {
  if (forward) {
    if (after === undefined) return { ...range, reverse: false };
    return after >= range.gte ? { gt: after, lt: range.lt } : { gte: range.gte, lt: range.lt };
  }
  const upper = after !== undefined && after < range.lt ? after : range.lt;
  return upper.endsWith(END) ? { gte: range.gte, lte: upper, reverse: true } : { gte: range.gte, lt: upper, reverse: true };
}
