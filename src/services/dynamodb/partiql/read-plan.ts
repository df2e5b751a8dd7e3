/**
 * The reads a SELECT decomposes into when its WHERE names its partitions (`hash IN [...]`, `hash
 * = a OR hash = b`, or one `hash = a`) and perhaps its sort-key values (`range IN [...]`, `range
 * = x OR range = y`): one Query per partition, or one per key when the sort-key values are
 * named, all sharing one input (partition-read.ts runs them). DynamoDB reads such a statement
 * this way with or without ORDER BY (the guide's ql-operators.html; decomposed-reads.ts counts
 * the reads), so it costs the partitions it names, not a scan of the table.
 *
 * As AWS answered (radkawar/stackd testdata/aws/dynamodb/partiql_ordered_ranges.json, us-east-1,
 * 2026-09-17; floci-io/floci DynamoDbPartiQLEdgeCaseIntegrationTest, eu-west-2, 2026-09-17):
 * - sort-key values are read in key order whatever their order in the list: ascending without
 *   ORDER BY (`pk='a' AND sk IN [20,-2]` gave -2, 20), as ORDER BY says with it;
 * - a missing key adds nothing; `pk IN ['b','a'] AND sk IN [20,7,-2] ORDER BY pk, sk` with
 *   Limit 2 paged a/-2, a/20 | b/-2, b/20;
 * - under ORDER BY a sort-key value named twice (2, 2.0) is "Overlapping conditions with range
 *   keys ...", so is a hash value named twice, with ORDER BY or without (`pk IN ['ranges',
 *   'ranges']`; `pk IN ['B','A','AA','A','B','AA'] ORDER BY pk, sk`, partiql_ordered_partitions.json
 *   seq 64);
 * - a value of another type than the key's is "Key attribute's data type should match ...".
 * Not captured, chosen: without ORDER BY the partitions come in hash-key order (as under ORDER
 * BY); a sort-key value named twice without ORDER BY is read once.
 */
import type { AttributeValue, Condition, Path } from './ast.js';
import { bindValue } from './bind-values.js';
import { namedPartitions } from './decomposed-reads.js';
import { keyTypeMismatch, overlappingRangeConditions } from './errors.js';
import { ExpressionWriter } from './expression-writer.js';
import { conjuncts, disjuncts, isRangeKeyCondition, keyComparison, mentions } from './key-conditions.js';
import type { KeyNames } from './translate.js';
import { compareValues, valuesEqual } from '../values/compare.js';
import type { AttributeValue as StoredValue } from '../values/types.js';

/** The placeholders the shared KeyConditionExpression holds for each read's key values. */
export const HASH_PLACEHOLDER = ':hash';
export const RANGE_PLACEHOLDER = ':range';

/**
 * One read: a partition, and a sort-key value when the WHERE names them; `input`, a branch's
 * own key condition, filter and attribute maps (planBranchReads), in place of the shared ones.
 */
export interface ReadKey { hash: AttributeValue; range?: AttributeValue; input?: Record<string, unknown> }

/** One Query input for all reads, and the reads in reading order. */
export interface PartitionsRead {
  operation: 'QueryPartitions'; input: Record<string, unknown>; reads: ReadKey[];
  /** Each read names one item (sort-key values): it holds one item at most and ends with it. */
  pointReads: boolean;
  /** The attributes of a LastEvaluatedKey of this read: the table's key, and the index's if one is read. */
  keyAttributes: string[];
  /** The partition key of the table or index read. */
  hashAttribute: string;
  projection?: Path[];
}

export interface ReadPlanInput {
  parts: Condition[]; schema: KeyNames; table: KeyNames; base: Record<string, unknown>; params: readonly AttributeValue[];
  types: Readonly<Record<string, string>> | undefined; projection?: Path[];
  /** Under ORDER BY: the directions; without it undefined (partitions and sort keys ascending). */
  order?: { hashDescending: boolean; rangeDescending: boolean };
}

/** The reads, or undefined when the WHERE is not partitions (and sort-key values) plus a filter. */
export function planReads(p: ReadPlanInput): PartitionsRead | undefined {
  const { parts, schema } = p;
  const at = parts.findIndex((c) => namedPartitions(c, schema.hash) !== undefined);
  if (at < 0) return undefined;
  const rest = parts.filter((_, i) => i !== at);
  const range = schema.range;
  let rangeAt = range === undefined ? -1 : rest.findIndex((c) => namedPartitions(c, range) !== undefined);
  const points = rangeAt >= 0 ? namedPartitions(rest[rangeAt]!, range!)!.values : undefined;
  if (rangeAt < 0 && range !== undefined) rangeAt = rest.findIndex((c) => isRangeKeyCondition(c, range) !== undefined);
  const filters = rest.filter((_, i) => i !== rangeAt);
  // A further condition on a key attribute (`sk <> v`, a second IN) is not one read per key.
  if (filters.some((c) => mentions(c, new Set([schema.hash, ...(range !== undefined ? [range] : [])])))) return undefined;
  const bind = (attr: string) => (v: Parameters<typeof bindValue>[0]): AttributeValue => {
    const value = bindValue(v, p.params);
    const type = p.types?.[attr];
    if (type !== undefined && (value as Record<string, unknown>)[type] === undefined) throw keyTypeMismatch(attr);
    return value;
  };
  const hashes = keyOrder(namedPartitions(parts[at]!, schema.hash)!.values.map(bind(schema.hash)), p.order?.hashDescending === true, true);
  const ranges = points && keyOrder(points.map(bind(range!)), p.order?.rangeDescending === true, p.order !== undefined);
  const w = new ExpressionWriter(p.params);
  const rangeCondition = ranges ? ` AND ${w.name(range!)} = ${RANGE_PLACEHOLDER}` : rangeAt >= 0 ? ` AND ${w.condition(isRangeKeyCondition(rest[rangeAt]!, range!)!)}` : '';
  const filter = filters.length === 0 ? undefined : filters.map((c) => `(${w.condition(c)})`).join(' AND ');
  return {
    operation: 'QueryPartitions',
    input: {
      ...p.base, KeyConditionExpression: `${w.name(schema.hash)} = ${HASH_PLACEHOLDER}${rangeCondition}`, ...(filter !== undefined && { FilterExpression: filter }),
      ...(p.order?.rangeDescending === true && !ranges && { ScanIndexForward: false }), ...w.attributes(),
    },
    reads: ranges ? hashes.flatMap((hash) => ranges.map((r) => ({ hash, range: r }))) : hashes.map((hash) => ({ hash })),
    pointReads: ranges !== undefined, hashAttribute: schema.hash,
    keyAttributes: [...new Set([p.table.hash, ...(p.table.range !== undefined ? [p.table.range] : []), schema.hash, ...(range !== undefined ? [range] : [])])],
    ...(p.projection && { projection: p.projection }),
  };
}

/**
 * Under ORDER BY, an OR of whole keys each with its own filter (`(pk='a' AND sk=2 AND flag='no')
 * OR (pk='b' AND sk=10 AND flag='yes')`): one read per branch, in key order, each with its
 * branch's filter. AWS served it a/2, b/10, and `(pk='a' AND sk=20) OR (pk='a' AND sk=-2) ORDER
 * BY sk DESC` with Limit 1 as 20 | -2 (radkawar/stackd partiql_compound_predicates.json
 * branch-local-filters, partiql_ordered_ranges.json full-key-or-desc-limit1, AWS us-east-1,
 * 2026-09-17). Anything else (a branch without its whole key, a key named twice): undefined.
 */
export function planBranchReads(p: ReadPlanInput & { where: Condition | undefined }): PartitionsRead | undefined {
  const { schema } = p;
  const range = schema.range;
  if (p.where?.kind !== 'or' || range === undefined || p.order === undefined) return undefined;
  const keyNames = new Set([schema.hash, range]);
  const reads: ReadKey[] = [];
  for (const branch of disjuncts(p.where)) {
    const parts = conjuncts(branch);
    const hashAt = parts.findIndex((c) => keyComparison(c, schema.hash)?.op === '=');
    const rangeAt = parts.findIndex((c) => keyComparison(c, range)?.op === '=');
    if (hashAt < 0 || rangeAt < 0) return undefined;
    const filters = parts.filter((_, i) => i !== hashAt && i !== rangeAt);
    if (filters.some((c) => mentions(c, keyNames))) return undefined;
    const value = (c: Condition, attr: string): AttributeValue => {
      const right = keyComparison(c, attr)!.right;
      if (right.kind !== 'value') throw keyTypeMismatch(attr);
      const bound = bindValue(right.value, p.params);
      const type = p.types?.[attr];
      if (type !== undefined && (bound as Record<string, unknown>)[type] === undefined) throw keyTypeMismatch(attr);
      return bound;
    };
    // Each branch its own expression maps: a Query refuses names or values it does not use.
    const w = new ExpressionWriter(p.params);
    const keyCondition = `${w.name(schema.hash)} = ${HASH_PLACEHOLDER} AND ${w.name(range)} = ${RANGE_PLACEHOLDER}`;
    const filter = filters.length === 0 ? undefined : filters.map((c) => `(${w.condition(c)})`).join(' AND ');
    reads.push({
      hash: value(parts[hashAt]!, schema.hash), range: value(parts[rangeAt]!, range),
      input: { KeyConditionExpression: keyCondition, ...(filter !== undefined && { FilterExpression: filter }), ...w.attributes() },
    });
  }
  const cmp = (a: AttributeValue, b: AttributeValue, descending: boolean): number => (compareValues(a as StoredValue, b as StoredValue) ?? 0) * (descending ? -1 : 1);
  reads.sort((a, b) => cmp(a.hash, b.hash, p.order!.hashDescending) || cmp(a.range!, b.range!, p.order!.rangeDescending));
  for (let i = 1; i < reads.length; i++) {
    if (valuesEqual(reads[i]!.hash as StoredValue, reads[i - 1]!.hash as StoredValue) && valuesEqual(reads[i]!.range as StoredValue, reads[i - 1]!.range as StoredValue)) return undefined;
  }
  return {
    operation: 'QueryPartitions',
    input: { ...p.base }, reads, pointReads: true, hashAttribute: schema.hash,
    keyAttributes: [...new Set([p.table.hash, ...(p.table.range !== undefined ? [p.table.range] : []), schema.hash, range])],
    ...(p.projection && { projection: p.projection }),
  };
}

/** Distinct values in key order (S by UTF-8 bytes, N by value, B by bytes); a repeat refused when it overlaps. */
function keyOrder(values: AttributeValue[], descending: boolean, repeatOverlaps: boolean): AttributeValue[] {
  const distinct: AttributeValue[] = [];
  for (const v of values) {
    if (!distinct.some((d) => valuesEqual(d as StoredValue, v as StoredValue))) distinct.push(v);
    else if (repeatOverlaps) throw overlappingRangeConditions();
  }
  distinct.sort((a, b) => compareValues(a as StoredValue, b as StoredValue) ?? 0);
  return descending ? distinct.reverse() : distinct;
}
