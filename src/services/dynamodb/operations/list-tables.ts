/**
 * ListTables: names of the caller's account and region in byte order, at most Limit (default and
 * maximum 100) after ExclusiveStartTableName; LastEvaluatedTableName only when more follow.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
 */
import type { ListTablesInput, ListTablesOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { checkTableName } from '../table-constraints.js';

export const listTables: DdbHandler<ListTablesInput, ListTablesOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  if (input.ExclusiveStartTableName !== undefined) checkTableName(c, 'exclusiveStartTableName', input.ExclusiveStartTableName);
  c.range('limit', input.Limit, 1, 100);
  c.check();
  const names = deps.tables.names(ctx.accountId, ctx.region);
  const start = input.ExclusiveStartTableName;
  const from = start === undefined ? 0 : names.findIndex((n) => n > start);
  const rest = from < 0 ? [] : names.slice(from);
  const limit = input.Limit ?? 100;
  const page = rest.slice(0, limit);
  return { TableNames: page, ...(rest.length > limit ? { LastEvaluatedTableName: page[page.length - 1] } : {}) };
};
