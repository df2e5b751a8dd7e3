/**
 * A SELECT with ORDER BY whose WHERE does not pin one partition by equality: DynamoDB serves it
 * when the WHERE names its partitions (`hash IN [a, b]`, or `hash = a OR hash = b`) and reads
 * them one Query each, partition after partition in hash-key order (the developer guide's
 * ql-reference.select.html example `WHERE OrderID IN [1, 2, 3] ORDER BY OrderID DESC`).
 * This module checks the statement as AWS does; read-plan.ts writes the reads, partition-read.ts
 * runs them.
 *
 * The rules, as AWS answered them (floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest
 * ordersByTheKey / refusesAnOrderByItCannotServe and DynamoDbPartiQLEdgeCaseIntegrationTest
 * .refusesTooManyInOperandsAndTooManyDecomposedReads, captured from AWS eu-west-2, 2026-09-17):
 * - every ORDER BY term names a key attribute of the table or index read;
 * - a WHERE naming no partition is refused ("non-optional hash key condition"), one naming
 *   several must order by the hash key ("Must have hash key in ORDER BY clause ...");
 * - within a partition the sort key runs descending unless ORDER BY names it (`pk = 'o' ORDER
 *   BY pk ASC` answered o/3, o/2, o/1), the partitions ascending unless the hash term says DESC;
 * - more than 100 IN values is the IN operand limit, more than 50 reads "Too many decomposed
 *   read operations" (decomposed-reads.ts).
 * Not captured, chosen as the documentation implies: the partitions are the outer order whatever
 * the order of the terms (the reads are per partition); a hash value named twice is one partition.
 */
import type { AttributeValue, Condition, OrderTerm, Path } from './ast.js';
import { checkDecomposedReads, namedPartitions } from './decomposed-reads.js';
import { orderByNotKey, orderByWithoutHashKey, orderByWithoutHashKeyFirst, unsupportedStatement } from './errors.js';
import { planBranchReads, planReads, type PartitionsRead } from './read-plan.js';
import { valuesEqual } from '../values/compare.js';
import type { AttributeValue as StoredValue } from '../values/types.js';
import type { KeyNames } from './translate.js';

const termName = (term: OrderTerm): string => {
  const first = term.path.steps[0]!;
  return first.kind === 'name' ? first.name : String(first.index);
};

/** ORDER BY names a key attribute of the table or index read. */
export function checkOrderBy(path: Path, schema: KeyNames): void {
  const first = path.steps[0]!;
  const name = first.kind === 'name' ? first.name : String(first.index);
  if (path.steps.length !== 1 || (name !== schema.hash && name !== schema.range)) throw orderByNotKey(name);
}

/** The sort key runs descending under ORDER BY unless a term names it ascending (see above). */
export function sortKeyDescending(orderBy: readonly OrderTerm[], schema: KeyNames): boolean {
  const term = schema.range === undefined ? undefined : orderBy.find((t) => termName(t) === schema.range);
  return term === undefined || term.descending;
}

export interface OrderedSelect {
  where: Condition | undefined; orderBy: readonly OrderTerm[]; parts: Condition[]; schema: KeyNames | undefined; table: KeyNames;
  base: Record<string, unknown>; params: readonly AttributeValue[]; types: Readonly<Record<string, string>> | undefined; projection?: Path[];
}

export function translateOrderedRead(s: OrderedSelect): PartitionsRead {
  if (!s.where) throw unsupportedStatement('Must have WHERE clause in the statement when using ORDER BY clause.');
  const schema = s.schema;
  if (schema === undefined) throw orderByWithoutHashKey();
  for (const term of s.orderBy) checkOrderBy(term.path, schema);
  const hashTerm = s.orderBy.find((t) => termName(t) === schema.hash);
  const order = { hashDescending: hashTerm?.descending === true, rangeDescending: sortKeyDescending(s.orderBy, schema) };
  const common = { parts: s.parts, schema, table: s.table, base: s.base, params: s.params, types: s.types, ...(s.projection && { projection: s.projection }), order };
  const named = s.parts.map((c) => namedPartitions(c, schema.hash)).find((n) => n !== undefined);
  if (named === undefined) {
    const branches = planBranchReads({ ...common, where: s.where });
    if (branches === undefined) throw orderByWithoutHashKey();
    // Several partitions need the hash key in ORDER BY, as for IN (not captured for branches).
    if (hashTerm === undefined && branches.reads.some((r) => !valuesEqual(r.hash as StoredValue, branches.reads[0]!.hash as StoredValue))) throw orderByWithoutHashKeyFirst();
    return branches;
  }
  if (named.values.length > 1 && hashTerm === undefined) throw orderByWithoutHashKeyFirst();
  checkDecomposedReads(s.parts, schema);
  const plan = planReads(common);
  // A further condition on a key attribute (`sk <> v`, a second IN): no capture says what AWS
  // answers under ORDER BY; refused as before.
  if (plan === undefined) throw orderByWithoutHashKey();
  return plan;
}
