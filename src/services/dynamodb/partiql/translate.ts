/**
 * A parsed PartiQL statement with its parameters → the classic operation that does the same:
 *   SELECT with `hash = v` (and at most one sort-key condition) → Query, naming several
 *   partitions (`hash IN [...]`) or sort-key values (`range IN [...]`) → one Query per partition
 *   or key (read-plan.ts; ordered-read.ts checks ORDER BY), any other SELECT → Scan;
 *   INSERT → PutItem that must not overwrite (DuplicateItemException when it would);
 *   UPDATE → UpdateItem on an existing item (WHERE holds every key attribute by equality,
 *            the rest of WHERE becomes the ConditionExpression);
 *   DELETE → DeleteItem, likewise.
 * DynamoDB documents PartiQL this way (a SELECT without a key condition is a full scan), and
 * going through the classic inputs keeps one validation and one engine for both.
 */
import type { AttributeValue, Condition, Operand, ParsedStatement, Path, Returning, Statement } from './ast.js';
import { bindValue } from './bind-values.js';
import {
  consistentReadOnGlobalIndex, existsNotOneItem, indexInTransaction, insertItemNotStruct, keyAttributeAbsent, keyTypeMismatch, missingKeyEquality,
  multipleConditionsOnKey, notOnIndex, overlappingRangeConditions, unsupportedStatement,
} from './errors.js';
import { ExpressionWriter } from './expression-writer.js';
import { indexReadInput, type IndexProjection } from './index-projection.js';
import { checkDecomposedReads, namedPartitions } from './decomposed-reads.js';
import { conjuncts, disjuncts, isRangeKeyCondition, keyComparison, mentions, topName } from './key-conditions.js';
import { checkOrderBy, sortKeyDescending, translateOrderedRead } from './ordered-read.js';
import { planReads, type PartitionsRead } from './read-plan.js';
import { valuesEqual } from '../values/compare.js';
import type { AttributeValue as StoredValue } from '../values/types.js';

export interface KeyNames { hash: string; range?: string }

/** What the statement needs to know about its table: key schema of the table and its indexes. */
export interface TableKeys {
  key: KeyNames;
  indexes: Record<string, KeyNames>;
  /** The names of the global ones among `indexes` (they refuse strongly consistent reads). */
  global?: ReadonlySet<string>;
  /** Key attribute → its type (S, N or B), from the table's AttributeDefinitions. */
  types?: Readonly<Record<string, string>>;
  /** Each index's projection (index-projection.ts). */
  projections?: Readonly<Record<string, IndexProjection>>;
}

export type Translated =
  /** `wholeKey`: a Query naming the table's hash and range key with `=`, one item at most; `hash`: a Query's partition key. */
  | { operation: 'Query' | 'Scan'; input: Record<string, unknown>; projection?: Path[]; wholeKey?: true; hash?: string }
  | PartitionsRead
  | { operation: 'PutItem' | 'UpdateItem' | 'DeleteItem'; input: Record<string, unknown> }
  /** `keyOnly`: EXISTS naming the key and nothing else, which a transaction refuses (execute-transaction.ts). */
  | { operation: 'ConditionCheck'; input: Record<string, unknown>; keyOnly: boolean };

export interface TranslateOptions { consistentRead?: boolean }

export function translate(parsed: ParsedStatement, params: readonly AttributeValue[], keys: TableKeys, options: TranslateOptions = {}): Translated {
  const s = parsed.statement;
  switch (s.kind) {
    case 'select': return translateSelect(s, params, keys, options);
    case 'insert': return translateInsert(s, params, keys);
    case 'update': case 'delete': return translateWrite(s, params, keys);
    case 'exists': return translateExists(s, params, keys);
  }
}

/**
 * DynamoDB refuses OR branches that overlap on the sort key: a branch that reads a whole
 * partition (its hash key by equality, its sort key not named at all) beside one that reads a
 * sort-key range of that same partition. A branch naming the sort key only negated or with `<>`
 * reads no range and is not refused (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts and tests/tier2/partiql/whereOverlap.test.ts,
 * AWS October 2026).
 */
function checkOverlap(where: Condition | undefined, schema: KeyNames | undefined, params: readonly AttributeValue[]): void {
  if (where?.kind !== 'or' || schema?.range === undefined) return;
  const range = schema.range;
  const whole = new Set<string>();
  const ranged = new Set<string>();
  const points: Array<[StoredValue, StoredValue]> = [];
  for (const branch of disjuncts(where)) {
    const parts = conjuncts(branch);
    const hash = parts.map((c) => keyComparison(c, schema.hash)).find((c) => c?.op === '=');
    if (hash === undefined || hash.right.kind !== 'value') continue;
    const bound = bindValue(hash.right.value, params);
    const value = JSON.stringify(bound);
    if (parts.some((c) => isRangeKeyCondition(c, range) !== undefined)) ranged.add(value);
    else if (!parts.some((c) => mentions(c, new Set([range])))) whole.add(value);
    // One whole key named by two branches overlaps too: `(pk='batch' AND sk=201) OR (pk='batch'
    // AND sk=201)` (radkawar/stackd testdata/aws/dynamodb/partiql_key_ordering.json seq 70, AWS
    // us-east-1, 2026-09-17).
    const point = parts.map((c) => keyComparison(c, range)).find((c) => c?.op === '=');
    if (point?.right.kind !== 'value') continue;
    const key: [StoredValue, StoredValue] = [bound as StoredValue, bindValue(point.right.value, params) as StoredValue];
    if (points.some(([h, r]) => valuesEqual(h, key[0]) && valuesEqual(r, key[1]))) throw overlappingRangeConditions();
    points.push(key);
  }
  for (const value of ranged) if (whole.has(value)) throw overlappingRangeConditions();
}

/**
 * The same refusal inside one partition: `pk = 'a' AND (sk = 10 OR flag = 'yes')` reads a
 * sort-key range and the whole partition beside it, "Overlapping conditions ...", with or
 * without ORDER BY (radkawar/stackd testdata/aws/dynamodb/partiql_compound_predicates.json
 * mixed-key-filter-or, AWS us-east-1, 2026-09-17; floci-io/floci
 * DynamoDbPartiQLEdgeCaseIntegrationTest, `pk='ranges' AND (sk='1' OR flag='two')`).
 */
function checkOverlapInPartition(parts: readonly Condition[], schema: KeyNames): void {
  const range = schema.range;
  if (range === undefined || !parts.some((c) => namedPartitions(c, schema.hash) !== undefined)) return;
  for (const c of parts) {
    if (c.kind !== 'or' || mentions(c, new Set([schema.hash]))) continue;
    const branches = disjuncts(c).map(conjuncts);
    const ranged = branches.some((b) => b.some((x) => isRangeKeyCondition(x, range) !== undefined));
    if (ranged && branches.some((b) => !b.some((x) => mentions(x, new Set([range]))))) throw overlappingRangeConditions();
  }
}

const andAll = (list: Condition[]): Condition | undefined =>
  list.reduce<Condition | undefined>((acc, c) => (acc ? { kind: 'and', left: acc, right: c } : c), undefined);

function translateSelect(s: Extract<Statement, { kind: 'select' }>, params: readonly AttributeValue[], keys: TableKeys, options: TranslateOptions): Translated {
  const schema = s.target.index === undefined ? keys.key : keys.indexes[s.target.index];
  if (options.consistentRead && s.target.index !== undefined && keys.global?.has(s.target.index)) throw consistentReadOnGlobalIndex();
  const projection = s.projection === '*' ? undefined : s.projection;
  const base: Record<string, unknown> = {
    TableName: s.target.table, ...(s.target.index !== undefined && { IndexName: s.target.index }), ...(options.consistentRead && { ConsistentRead: true }),
    ...indexReadInput(s.target.index, projection, keys),
  };
  checkOverlap(s.where, schema, params);
  const parts = conjuncts(s.where);
  const hashAt = schema ? parts.findIndex((c) => keyComparison(c, schema.hash)?.op === '=') : -1;
  if (schema && hashAt >= 0) {
    const rest = parts.filter((_, i) => i !== hashAt);
    const rangeAt = schema.range === undefined ? -1 : rest.findIndex((c) => isRangeKeyCondition(c, schema.range!) !== undefined);
    const keyConds = [keyComparison(parts[hashAt]!, schema.hash)!, ...(rangeAt >= 0 ? [isRangeKeyCondition(rest[rangeAt]!, schema.range!)!] : [])];
    const filters = rest.filter((_, i) => i !== rangeAt);
    const keyNames = new Set([schema.hash, ...(schema.range !== undefined ? [schema.range] : [])]);
    if (!filters.some((c) => mentions(c, keyNames))) {
      const w = new ExpressionWriter(params);
      const keyCondition = keyConds.map((c) => w.condition(c)).join(' AND ');
      const filter = andAll(filters);
      const filterExpression = filter ? w.condition(filter) : undefined;
      if (s.orderBy) for (const term of s.orderBy) checkOrderBy(term.path, schema);
      const descending = s.orderBy !== undefined && sortKeyDescending(s.orderBy, schema);
      return {
        operation: 'Query', hash: schema.hash,
        input: { ...base, KeyConditionExpression: keyCondition, ...(filterExpression && { FilterExpression: filterExpression }), ...(descending && { ScanIndexForward: false }), ...w.attributes() },
        ...(projection && { projection }),
        ...(s.target.index === undefined && keyConds.length === 2 && keyConds[1]!.kind === 'compare' && keyConds[1]!.op === '=' && { wholeKey: true as const }),
      };
    }
  }
  if (schema) checkOverlapInPartition(parts, schema);
  if (s.orderBy) return translateOrderedRead({ where: s.where, orderBy: s.orderBy, parts, schema, table: keys.key, base, params, types: keys.types, ...(projection && { projection }) });
  if (schema) {
    checkDecomposedReads(parts, schema);
    // Partitions named by IN or OR are read one Query each, not by a scan (read-plan.ts).
    const reads = planReads({ parts, schema, table: keys.key, base, params, types: keys.types, ...(projection && { projection }) });
    if (reads) return reads;
  }
  const w = new ExpressionWriter(params);
  const filterExpression = s.where ? w.condition(s.where) : undefined;
  return { operation: 'Scan', input: { ...base, ...(filterExpression && { FilterExpression: filterExpression }), ...w.attributes() }, ...(projection && { projection }) };
}

function translateInsert(s: Extract<Statement, { kind: 'insert' }>, params: readonly AttributeValue[], keys: TableKeys): Translated {
  if (s.target.index !== undefined) throw notOnIndex();
  const item = bindValue(s.item, params);
  if (item.M === undefined) throw insertItemNotStruct();
  for (const attr of keys.key.range === undefined ? [keys.key.hash] : [keys.key.hash, keys.key.range]) {
    const value = Object.hasOwn(item.M, attr) ? item.M[attr] : undefined;
    if (value === undefined) throw keyAttributeAbsent(attr);
    const type = keys.types?.[attr];
    if (type !== undefined && (value as Record<string, unknown>)[type] === undefined) throw keyTypeMismatch(attr);
  }
  const w = new ExpressionWriter(params);
  return { operation: 'PutItem', input: { TableName: s.target.table, Item: item.M, ConditionExpression: `attribute_not_exists(${w.name(keys.key.hash)})`, ...w.attributes() } };
}

/**
 * The item key that a WHERE clause pins by equality on every key attribute, and the rest;
 * `notPinned` is the statement kind's error when it does not. With `singletonIn`, `k IN [v]`
 * pins k as `k = v` does: a BatchExecuteStatement read takes it, an update does not ("Where
 * clause does not contain a mandatory equality on all key attributes"; radkawar/stackd
 * testdata/aws/dynamodb/partiql_key_ordering.json seq 73-83, AWS us-east-1, 2026-09-17).
 */
export function keyFromWhere(
  where: Condition | undefined, key: KeyNames, params: readonly AttributeValue[], notPinned: () => Error = missingKeyEquality, singletonIn = false,
): { key: Record<string, AttributeValue>; rest: Condition[] } {
  let rest = conjuncts(where);
  const out: Record<string, AttributeValue> = {};
  const equality = (c: Condition, attr: string): Operand | undefined => {
    const cmp = keyComparison(c, attr);
    if (cmp?.op === '=') return cmp.right;
    if (singletonIn && c.kind === 'in' && c.list.length === 1 && topName(c.subject) === attr && c.list[0]!.kind === 'value') return c.list[0];
    return undefined;
  };
  for (const attr of key.range === undefined ? [key.hash] : [key.hash, key.range]) {
    const at = rest.findIndex((c) => equality(c, attr) !== undefined);
    if (at < 0) throw notPinned();
    const operand = equality(rest[at]!, attr) as Extract<Operand, { kind: 'value' }>;
    out[attr] = bindValue(operand.value, params);
    rest = rest.filter((_, i) => i !== at);
  }
  return { key: out, rest };
}

/** A further condition on a key attribute's value (beside its equality): `k op v`, BETWEEN, IN. */
function constrainsKey(c: Condition, attr: string): boolean {
  if (c.kind === 'compare') return keyComparison(c, attr) !== undefined;
  return (c.kind === 'between' || c.kind === 'in') && topName(c.subject) === attr;
}

/** EXISTS: the item pinned by the key exists and meets the rest of WHERE (a ConditionCheck). */
function translateExists(s: Extract<Statement, { kind: 'exists' }>, params: readonly AttributeValue[], keys: TableKeys): Translated {
  if (s.target.index !== undefined) throw indexInTransaction();
  const { key, rest } = keyFromWhere(s.where, keys.key, params, existsNotOneItem);
  const w = new ExpressionWriter(params);
  const condition = [`attribute_exists(${w.name(keys.key.hash)})`, ...rest.map((c) => `(${w.condition(c)})`)].join(' AND ');
  return { operation: 'ConditionCheck', input: { TableName: s.target.table, Key: key, ConditionExpression: condition, ...w.attributes() }, keyOnly: rest.length === 0 };
}

const RETURN_VALUES: Record<Returning, string> = { ALL_OLD: 'ALL_OLD', MODIFIED_OLD: 'UPDATED_OLD', ALL_NEW: 'ALL_NEW', MODIFIED_NEW: 'UPDATED_NEW' };

function translateWrite(s: Extract<Statement, { kind: 'update' | 'delete' }>, params: readonly AttributeValue[], keys: TableKeys): Translated {
  if (s.target.index !== undefined) throw notOnIndex();
  const { key, rest } = keyFromWhere(s.where, keys.key, params);
  for (const attr of Object.keys(key)) if (rest.some((c) => constrainsKey(c, attr))) throw multipleConditionsOnKey(attr);
  const w = new ExpressionWriter(params);
  const returnValues = s.returning ? { ReturnValues: RETURN_VALUES[s.returning] } : {};
  if (s.kind === 'delete') {
    if (s.returning !== undefined && s.returning !== 'ALL_OLD') throw unsupportedStatement(`Invalid returning clause: RETURNING ${s.returning.replace('_', ' ')} *. Only RETURNING ALL OLD * is allowed in DELETE statements.`);
    const condition = andAll(rest);
    return { operation: 'DeleteItem', input: { TableName: s.target.table, Key: key, ...(condition && { ConditionExpression: w.condition(condition) }), ...returnValues, ...w.attributes() } };
  }
  // UPDATE changes an existing item only: DynamoDB answers ConditionalCheckFailed for a missing one.
  const updateExpression = w.update(s.actions);
  const condition = [`attribute_exists(${w.name(keys.key.hash)})`, ...rest.map((c) => `(${w.condition(c)})`)].join(' AND ');
  return { operation: 'UpdateItem', input: { TableName: s.target.table, Key: key, UpdateExpression: updateExpression, ConditionExpression: condition, ...returnValues, ...w.attributes() } };
}
