/**
 * DynamoDB runs a SELECT whose WHERE names its partitions (`hash IN [...]`, `hash = a OR hash =
 * b`) as separate reads, one per partition, or one per item when the sort key is named by IN
 * too, and serves at most 50 of them (the developer guide's ql-operators.html: IN takes "at max 50
 * hash attribute values"). AWS answered (floci-io/floci DynamoDbPartiQLEdgeCaseIntegrationTest
 * .refusesTooManyInOperandsAndTooManyDecomposedReads, eu-west-2, 2026-09-17): `pk IN [51 values]`,
 * `pk = v AND sk IN [51 values]` and `pk IN [26] AND sk IN [2]` are "Too many decomposed read
 * operations for a given query."; `pk IN [50] AND flag IN [100]` and `pk IN [51] OR flag = 'one'`
 * (not every branch names a partition: a scan) are served; an IN of 101 values is the IN
 * operand limit first, even in a transaction.
 */
import type { Condition, ValueExpr } from './ast.js';
import { tooManyDecomposedReads, tooManyInOperands } from './errors.js';
import { disjuncts, keyComparison, topName } from './key-conditions.js';
import type { KeyNames } from './translate.js';

const MAX_READS = 50;
const MAX_IN_OPERANDS = 100;

/** The hash values one conjunct names: `hash IN [...]` or an OR of `hash = v` (literals, parameters). */
export function namedPartitions(c: Condition, hash: string): { values: ValueExpr[]; viaIn: boolean } | undefined {
  const values: ValueExpr[] = [];
  if (c.kind === 'in') {
    if (topName(c.subject) !== hash) return undefined;
    for (const o of c.list) { if (o.kind !== 'value') return undefined; values.push(o.value); }
    return { values, viaIn: true };
  }
  if (c.kind !== 'or' && c.kind !== 'compare') return undefined;
  for (const branch of disjuncts(c)) {
    const cmp = keyComparison(branch, hash);
    if (cmp?.op !== '=' || cmp.right.kind !== 'value') return undefined;
    values.push(cmp.right.value);
  }
  return { values, viaIn: false };
}

/** Refuses a WHERE (its top-level conjuncts) that names more partitions, or items, than AWS reads. */
export function checkDecomposedReads(parts: readonly Condition[], schema: KeyNames): void {
  let hashes: number | undefined;
  let ranges = 1;
  for (const c of parts) {
    const named = hashes === undefined ? namedPartitions(c, schema.hash) : undefined;
    if (named !== undefined) {
      if (named.viaIn && named.values.length > MAX_IN_OPERANDS) throw tooManyInOperands(named.values.length);
      hashes = named.values.length;
    } else if (schema.range !== undefined && c.kind === 'in' && topName(c.subject) === schema.range) {
      if (c.list.length > MAX_IN_OPERANDS) throw tooManyInOperands(c.list.length);
      ranges *= c.list.length;
    }
  }
  if (hashes !== undefined && hashes * ranges > MAX_READS) throw tooManyDecomposedReads();
}
