/**
 * A SELECT with ORDER BY whose WHERE does not pin one partition by equality: DynamoDB serves it
 * when the WHERE names its partitions (`hash IN [a, b]`, or `hash = a OR hash = b`) and reads
 * them one Query each, partition after partition in hash-key order (the developer guide's
 * ql-reference.select.html example `WHERE OrderID IN [1, 2, 3] ORDER BY OrderID DESC`).
 * This module checks the statement as AWS does and writes the one Query input the partitions
 * share; partition-read.ts runs it.
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
 * the order of the terms (the reads are per partition); a value named twice is one partition.
 */
import type { AttributeValue, Condition, OrderTerm, Path } from './ast.js';
import { bindValue } from './bind-values.js';
import { checkDecomposedReads, namedPartitions } from './decomposed-reads.js';
import { orderByNotKey, orderByWithoutHashKey, orderByWithoutHashKeyFirst, unsupportedStatement } from './errors.js';
import { ExpressionWriter } from './expression-writer.js';
import { isRangeKeyCondition, mentions } from './key-conditions.js';
import type { KeyNames } from './translate.js';
import { compareValues, valuesEqual } from '../values/compare.js';
import type { AttributeValue as StoredValue } from '../values/types.js';

/** The placeholder the shared KeyConditionExpression holds for each partition's hash value. */
export const HASH_PLACEHOLDER = ':hash';

/** One Query input for all partitions, and the partitions' hash values in reading order. */
export interface PartitionsRead {
  operation: 'QueryPartitions'; input: Record<string, unknown>; hashes: AttributeValue[];
  /** The attributes of a LastEvaluatedKey of this read: the table's key, and the index's if one is read. */
  keyAttributes: string[];
  projection?: Path[];
}

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

/** Distinct values in hash-key order (S by UTF-8 bytes, N by value, B by bytes). */
function partitionOrder(values: AttributeValue[], descending: boolean): AttributeValue[] {
  const distinct: AttributeValue[] = [];
  for (const v of values) if (!distinct.some((d) => valuesEqual(d as StoredValue, v as StoredValue))) distinct.push(v);
  // Values of another type than the key's sort anywhere: the Query refuses them in its own words.
  distinct.sort((a, b) => compareValues(a as StoredValue, b as StoredValue) ?? 0);
  return descending ? distinct.reverse() : distinct;
}

export interface OrderedSelect {
  where: Condition | undefined; orderBy: readonly OrderTerm[]; parts: Condition[]; schema: KeyNames | undefined; table: KeyNames;
  base: Record<string, unknown>; params: readonly AttributeValue[]; projection?: Path[];
}

export function translateOrderedRead(s: OrderedSelect): PartitionsRead {
  if (!s.where) throw unsupportedStatement('Must have WHERE clause in the statement when using ORDER BY clause.');
  const schema = s.schema;
  if (schema === undefined) throw orderByWithoutHashKey();
  for (const term of s.orderBy) checkOrderBy(term.path, schema);
  const at = s.parts.findIndex((c) => namedPartitions(c, schema.hash) !== undefined);
  if (at < 0) throw orderByWithoutHashKey();
  const named = namedPartitions(s.parts[at]!, schema.hash)!;
  const hashTerm = s.orderBy.find((t) => termName(t) === schema.hash);
  if (named.values.length > 1 && hashTerm === undefined) throw orderByWithoutHashKeyFirst();
  checkDecomposedReads(s.parts, schema);
  const rest = s.parts.filter((_, i) => i !== at);
  const rangeAt = schema.range === undefined ? -1 : rest.findIndex((c) => isRangeKeyCondition(c, schema.range!) !== undefined);
  const filters = rest.filter((_, i) => i !== rangeAt);
  // A further condition on a key attribute (a second IN, `sk <> v`) is not one Query per
  // partition: not served, refused as before.
  if (filters.some((c) => mentions(c, new Set([schema.hash, ...(schema.range !== undefined ? [schema.range] : [])])))) throw orderByWithoutHashKey();
  const w = new ExpressionWriter(s.params);
  const range = rangeAt >= 0 ? ` AND ${w.condition(isRangeKeyCondition(rest[rangeAt]!, schema.range!)!)}` : '';
  const keyCondition = `${w.name(schema.hash)} = ${HASH_PLACEHOLDER}${range}`;
  const filter = filters.length === 0 ? undefined : filters.map((c) => `(${w.condition(c)})`).join(' AND ');
  return {
    operation: 'QueryPartitions',
    input: {
      ...s.base, KeyConditionExpression: keyCondition, ...(filter !== undefined && { FilterExpression: filter }),
      ...(sortKeyDescending(s.orderBy, schema) && { ScanIndexForward: false }), ...w.attributes(),
    },
    keyAttributes: [...new Set([s.table.hash, ...(s.table.range !== undefined ? [s.table.range] : []), schema.hash, ...(schema.range !== undefined ? [schema.range] : [])])],
    hashes: partitionOrder(named.values.map((v) => bindValue(v, s.params)), hashTerm?.descending === true),
    ...(s.projection && { projection: s.projection }),
  };
}
