/**
 * Turns a parsed value (literals, `?` parameters, maps, lists, `<<bags>>`) into a DynamoDB
 * AttributeValue, given the request's Parameters. A bag becomes a set of its members' type
 * (SS or NS); DynamoDB validates sets (no duplicates) as for any item.
 */
import type { AttributeValue, ValueExpr } from './ast.js';
import { bagMemberType, emptyBag } from './errors.js';

export function bindValue(value: ValueExpr, params: readonly AttributeValue[]): AttributeValue {
  switch (value.kind) {
    case 'literal': return value.value;
    case 'param': return params[value.index]!;
    case 'map': {
      const M: Record<string, AttributeValue> = {};
      for (const [k, v] of value.entries) Object.defineProperty(M, k, { value: bindValue(v, params), enumerable: true, writable: true, configurable: true });
      return { M };
    }
    case 'list': return { L: value.items.map((v) => bindValue(v, params)) };
    case 'bag': return bagToSet(value.items.map((v) => bindValue(v, params)));
  }
}

/** A bag holds strings or numbers, one type (a binary set is written as a BS parameter). */
function bagToSet(items: AttributeValue[]): AttributeValue {
  if (items.length === 0) throw emptyBag();
  if (items.every((i) => i.S !== undefined)) return { SS: items.map((i) => i.S!) };
  if (items.every((i) => i.N !== undefined)) return { NS: items.map((i) => i.N!) };
  throw bagMemberType();
}
