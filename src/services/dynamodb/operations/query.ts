/**
 * Query: the items of one partition of a table or index, in sort-key order (ScanIndexForward
 * false reverses it), a page at a time (Limit, 1 MB), resumable from LastEvaluatedKey. The key
 * condition becomes one key range (key-condition.ts), so a Query reads only what it returns.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
import type { QueryInput, QueryOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { pageRange, queryRange, type KeyCondition } from '../key-condition.js';
import { allOf } from '../read-page.js';
import { holdingRawJson } from '../../../util/raw-json.js';
import { checkFilterProjection, checkGlobalIndexProjection, readTarget, type ReadTarget } from '../read-target.js';
import { startAfter } from '../start-key.js';
import { answerPage } from '../page-answer.js';
import { requireTable, resolveTableName } from '../table-lookup.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { filterPredicate, requestExpressions, type RequestExpressions } from '../request-expressions.js';
import { resolveKeyCondition, type KeyConditionPart } from '../expressions/index.js';
import { SELECT_VALUES } from './scan.js';
import { livePredicate } from '../ttl/read-filter.js';
import { keySizeProblem, MAX_HASH_KEY_BYTES } from '../values/index.js';

/** The longest string (UTF-16 units) that cannot exceed 2048 UTF-8 bytes: 3 bytes per unit at most. */
const MAX_HASH_CHARS_UNMEASURED = Math.floor(MAX_HASH_KEY_BYTES / 3);

/**
 * A Query filter may not read a key attribute of the table or index queried (those belong in the
 * key condition). AWS names the partition key first, as DynamoDB walks the key schema.
 */
function checkFilterKeys(target: ReadTarget, filter: RequestExpressions['filterAttributes']): void {
  if (filter === undefined) return;
  const keys = target.index ?? target.table;
  for (const key of keys.range ? [keys.hash, keys.range] : [keys.hash]) {
    if (filter.names.has(key.name)) throw ddbErrors.validation(`${filter.parameter} can only contain non-primary key attributes: Primary key attribute: ${key.name}`);
  }
}

/** The key condition in storage terms, checked against the key schema of the table or index. */
function keyConditionOf(target: ReadTarget, parts: KeyConditionPart[] | undefined): KeyCondition {
  if (parts === undefined) throw ddbErrors.validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const keys = target.index ?? target.table;
  const types: Record<string, 'S' | 'N' | 'B'> = { [keys.hash.name]: keys.hash.type };
  if (keys.range) types[keys.range.name] = keys.range.type;
  const resolved = resolveKeyCondition(parts, { hash: keys.hash.name, ...(keys.range ? { range: keys.range.name } : {}), types });
  const hash = resolved.hash.value;
  // A table partition key value over 2048 bytes is refused in PutItem's words (ThreatExchange
  // #1324, 2023, on Query). A string of at most 682 UTF-16 units is at most 2046 UTF-8 bytes,
  // so a usual key costs one comparison and only a long one is measured.
  if (target.index === undefined && ((hash.S !== undefined && hash.S.length > MAX_HASH_CHARS_UNMEASURED) || (hash.B !== undefined && hash.B.length > MAX_HASH_KEY_BYTES))) {
    const problem = keySizeProblem(hash, true);
    if (problem !== undefined) throw ddbErrors.validation(problem);
  }
  return { hash: resolved.hash.value, ...(resolved.range ? { range: { operator: resolved.range.op, values: resolved.range.values } } : {}) };
}

export function makeQuery(): DdbHandler<QueryInput, QueryOutput> {
  return async (deps, ctx, input) => {
    const c = new Constraints();
    resolveTableName(ctx, input.TableName, 1);
    if (input.IndexName !== undefined) c.length('indexName', input.IndexName, 3, 255).pattern('indexName', input.IndexName, '[a-zA-Z0-9_.-]+');
    // AWS names Query's Limit capitalised, without its value (paritysuite/dynamodb-conformance
    // validation-ordering/query.test.ts, 2026: the newer validation framework's "Value at
    // 'Member'" form, as captured for TableName, RequestItems and TransactItems).
    if (input.Limit !== undefined && input.Limit < 1) c.failUnshown('Limit', 'Member must have value greater than or equal to 1');
    c.oneOf('select', input.Select, SELECT_VALUES);
    c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
    // An unknown ConditionalOperator is refused alone, bare, before the other constraints
    // (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/query.test.ts, two
    // regions, 2026-10-09, in the validation framework's newer enum wording).
    if (input.ConditionalOperator != null && input.ConditionalOperator !== 'AND' && input.ConditionalOperator !== 'OR') {
      throw ddbErrors.validation('Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]');
    }
    c.check();
    const expressions = requestExpressions('Query', input, deps.conditionTrees);
    const table = requireTable(deps, ctx, input.TableName);
    const target = readTarget(table, input, 'Query', expressions.projection !== undefined);
    if (target.index?.global && target.index.projection.type !== 'ALL' && expressions.projection) checkGlobalIndexProjection(target, expressions.projection);
    const condition = keyConditionOf(target, expressions.keyCondition);
    const forward = input.ScanIndexForward !== false;
    const after = input.ExclusiveStartKey ? startAfter(table, target.index, input.ExclusiveStartKey as Record<string, unknown>) : undefined;
    checkFilterKeys(target, expressions.filterAttributes);
    if (target.index !== undefined && target.index.projection.type !== 'ALL' && expressions.filterAttributes) checkFilterProjection(target, expressions.filterAttributes.names);
    const range = pageRange(queryRange(table, target.index, condition), after, forward);
    const keep = allOf(filterPredicate(expressions), livePredicate(table, deps.now()));
    return holdingRawJson(await answerPage(deps, target, deps.items, range, input.Limit, keep, expressions.projection, expressions.project, input.ReturnConsumedCapacity));
  };
}
