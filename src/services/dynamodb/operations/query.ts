/**
 * Query: the items of one partition of a table or index, in sort-key order (ScanIndexForward
 * false reverses it), a page at a time (Limit, 1 MB), resumable from LastEvaluatedKey. The key
 * condition becomes one key range (key-condition.ts), so a Query reads only what it returns.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
import type { QueryInput, QueryOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { pageRange, queryRange, type KeyCondition } from '../key-condition.js';
import { readPage } from '../read-page.js';
import { needsTableFetch, readAnswer, readTarget, type ReadTarget } from '../read-target.js';
import { startAfter } from '../start-key.js';
import { fetchFromTable } from '../table-fetch.js';
import { requireTable, resolveTableName } from '../table-lookup.js';
import { RETURN_CAPACITY, refuseExpressions } from '../write-options.js';
import { SELECT_VALUES } from './scan.js';
import type { RequestContext } from '../../types.js';

/**
 * The key condition of a request. Until the expression engine is wired in, KeyConditionExpression
 * and KeyConditions are refused with NotImplemented naming them (strict mode), never ignored.
 */
export type KeyConditionOf = (deps: DdbDeps, ctx: RequestContext, input: QueryInput, target: ReadTarget) => KeyCondition;

const notYet: KeyConditionOf = (deps, ctx, input) => {
  refuseExpressions(deps, ctx, 'Query', input, ['KeyConditionExpression', 'KeyConditions']);
  throw ddbErrors.validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
};

export function makeQuery(keyConditionOf: KeyConditionOf = notYet): DdbHandler<QueryInput, QueryOutput> {
  return async (deps, ctx, input) => {
    const c = new Constraints();
    resolveTableName(ctx, input.TableName, 1);
    if (input.IndexName !== undefined) c.length('indexName', input.IndexName, 3, 255).pattern('indexName', input.IndexName, '[a-zA-Z0-9_.-]+');
    c.range('limit', input.Limit, 1);
    c.oneOf('select', input.Select, SELECT_VALUES);
    c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
    c.check();
    refuseExpressions(deps, ctx, 'Query', input, ['FilterExpression', 'QueryFilter', 'ConditionalOperator', 'ProjectionExpression', 'AttributesToGet']);
    const table = requireTable(deps, ctx, input.TableName);
    const target = readTarget(table, input, 'Query', false);
    const condition = keyConditionOf(deps, ctx, input, target);
    const forward = input.ScanIndexForward !== false;
    const after = input.ExclusiveStartKey ? startAfter(table, target.index, input.ExclusiveStartKey as Record<string, unknown>) : undefined;
    const range = pageRange(queryRange(table, target.index, condition), after, forward);
    const page = await readPage(deps.items, range, input.Limit, () => true);
    const items = needsTableFetch(target) ? await fetchFromTable(deps, table, page.items) : page.items;
    return readAnswer(target, page, items, input.ReturnConsumedCapacity);
  };
}
