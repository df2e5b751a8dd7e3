/**
 * A Query's key condition in storage terms: equality on the partition key and at most one
 * condition on the sort key, turned into one contiguous key range of the table or index (the
 * encodings in key-encoding.ts keep DynamoDB's order, so every sort-key condition is a range).
 * The expression engine (KeyConditionExpression) and the legacy KeyConditions both produce it.
 */
import type { KeyRange } from '../../storage/meta-store.js';
import { encodeKeyValue } from './key-encoding.js';
import { compareUtf8 } from '../../util/utf8-order.js';
import { afterPrefix, indexPrefix, itemPrefix } from './keys.js';
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

/**
 * The key range a Query reads (before ExclusiveStartKey and direction). `lt` is exact
 * (keys.ts afterPrefix); `ltIsKey` says it may itself be a stored key (LT's bound is the operand's
 * own key), so a reverse read must not include it.
 */
export interface QueryRange { gte: string; lt: string; ltIsKey: boolean }

export function queryRange(table: TableRecord, index: IndexRecord | undefined, condition: KeyCondition): QueryRange {
  const hashAttr = index ? index.hash : table.hash;
  const rangeAttr = index ? index.range : table.range;
  const base = (index ? indexPrefix(table.id, index.id) : itemPrefix(table.id)) + encodeKeyValue(hashAttr.type, condition.hash);
  const r = condition.range;
  if (!r || !rangeAttr) return { gte: base, lt: afterPrefix(base), ltIsKey: false };
  // A stored key under `base + enc(v)` has sort value v (followed by the table key on an index).
  const at = (v: AttributeValue): string => base + encodeKeyValue(rangeAttr.type, v);
  const [a, b] = r.values as [AttributeValue, AttributeValue];
  switch (r.operator) {
    case 'EQ': return { gte: at(a), lt: afterPrefix(at(a)), ltIsKey: false };
    case 'LT': return { gte: base, lt: at(a), ltIsKey: true };
    case 'LE': return { gte: base, lt: afterPrefix(at(a)), ltIsKey: false };
    case 'GT': return { gte: afterPrefix(at(a)), lt: afterPrefix(base), ltIsKey: false };
    case 'GE': return { gte: at(a), lt: afterPrefix(base), ltIsKey: false };
    case 'BETWEEN': return { gte: at(a), lt: afterPrefix(at(b)), ltIsKey: false };
    case 'BEGINS_WITH': {
      const start = base + prefixOf(rangeAttr, a);
      return { gte: start, lt: afterPrefix(start), ltIsKey: false };
    }
  }
}

/**
 * The range with a page's start applied, in the direction of the read. Keys compare in UTF-8
 * order, as the store keeps them (JS `<` misorders surrogate pairs against U+E000–U+FFFF).
 *
 * A reverse read to the range's own end is bounded by `lte` unless that end may be a stored key:
 * an afterPrefix bound never is (every stored key ends in an encoded value's terminator, NUL,
 * '!', '~' or '1', and a bound ends in a character one above such a terminator, or after a
 * begins_with operand that has no NUL where every stored sort value has its terminator), so it
 * reads what `lt` reads, and the store can seek a reverse iterator back to an `lte` bound to
 * reuse it for the next read of the range (native-store/iterator-pool.ts), not to an `lt` one.
 */
export function pageRange(range: QueryRange, after: string | undefined, forward: boolean): KeyRange {
  if (forward) {
    if (after !== undefined && compareUtf8(after, range.gte) >= 0) return { gt: after, lt: range.lt, reverse: false };
    return { gte: range.gte, lt: range.lt, reverse: false };
  }
  if (after !== undefined && compareUtf8(after, range.lt) < 0) return { gte: range.gte, lt: after, reverse: true };
  return range.ltIsKey ? { gte: range.gte, lt: range.lt, reverse: true } : { gte: range.gte, lte: range.lt, reverse: true };
}
