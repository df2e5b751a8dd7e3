/** DescribeTable. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html */
import type { DescribeTableInput, DescribeTableOutput } from '../../../model/generated/dynamodb-types.js';
import type { DdbHandler } from '../context.js';
import { describeTable as shape } from '../describe-table-shape.js';
import { requireNamedTable } from '../table-lookup.js';

export const describeTable: DdbHandler<DescribeTableInput, DescribeTableOutput> = async (deps, ctx, input) => {
  const table = requireNamedTable(deps, ctx, input.TableName);
  return { Table: shape(table, deps.tables.stats(table.id)) };
};
