/**
 * Turns a parsed value (literals, `?` parameters, maps, lists, `<<bags>>`) into a DynamoDB
 * AttributeValue, given the request's Parameters. A bag becomes a set of its members' type
 * (SS or NS); DynamoDB validates sets (no duplicates) as for any item.
 */
import type { AttributeValue, ValueExpr } from './ast.js';
import { bagMemberType, emptyBag } from './errors.js';
import { ddbErrors } from '../errors.js';
import { valueMessages } from '../values/validate.js';

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
  if (items.every((i) => i.S !== undefined)) {
    const SS = items.map((i) => i.S!);
    // Refused here, in the older layer's words and with no envelope, before the write's own
    // check would quote the members: `set_add(ss, <<'x', 'x'>>)` is "... Input collection [x, x]
    // contains duplicates." (paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts).
    if (new Set(SS).size !== SS.length) throw ddbErrors.validation(valueMessages.duplicateSS(SS, 'older'));
    return { SS };
  }
  if (items.every((i) => i.N !== undefined)) return { NS: items.map((i) => i.N!) };
  throw bagMemberType();
}
