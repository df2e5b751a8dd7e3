/**
 * Turns a parsed value (literals, `?` parameters, maps, lists, `<<bags>>`) into a DynamoDB
 * AttributeValue, given the request's Parameters. A bag becomes a set of its members' type
 * (SS, NS or BS); DynamoDB validates sets (no empties, no duplicates) as for any item.
 */
import type { AttributeValue, ValueExpr } from './ast.js';
import { unsupportedStatement } from './errors.js';

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

function bagToSet(items: AttributeValue[]): AttributeValue {
  if (items.length > 0 && items.every((i) => i.S !== undefined)) return { SS: items.map((i) => i.S!) };
  if (items.length > 0 && items.every((i) => i.N !== undefined)) return { NS: items.map((i) => i.N!) };
  if (items.length > 0 && items.every((i) => i.B !== undefined)) return { BS: items.map((i) => i.B!) };
  throw unsupportedStatement('Unsupported type passed: a set must hold members of one type: all strings, all numbers or all binaries');
}
