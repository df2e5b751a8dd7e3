/**
 * DescribeTable. A table an import is still filling is CREATING, as in AWS (developer guide
 * "Requesting a table import": "You will first see your new table listed ... with the status
 * Creating"; ack-api-quirks DDB-IMPORT-001/006, native AWS 2026-10-09), with ItemCount 0 until
 * the import ends, shaped as CreateTable's answer (its warm throughput and on-demand switch time
 * appear once the table is ACTIVE).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
 */
import type { DescribeTableInput, DescribeTableOutput } from '../../../model/generated/dynamodb-types.js';
import type { DdbHandler } from '../context.js';
import { describeTable as shape } from '../describe-table-shape.js';
import { ddbErrors } from '../errors.js';
import { findTable, resolveTableName } from '../table-lookup.js';
import { creatingAnswer } from './create-table.js';

export const describeTable: DdbHandler<DescribeTableInput, DescribeTableOutput> = async (deps, ctx, input) => {
  const table = findTable(deps, ctx, input.TableName);
  if (table) return { Table: shape(table, deps.tables.stats(table.id)) };
  const ref = resolveTableName(ctx, input.TableName);
  const creating = deps.tables.creating(ref.account, ref.region, ref.name);
  if (!creating) throw ddbErrors.tableNotFound(ref.name);
  return { Table: creatingAnswer(shape(creating, { count: 0, bytes: 0 }, 'CREATING')) };
};
