/**
 * Scan: every item of a table or index in key order, a page at a time (Limit, 1 MB), resumable
 * from LastEvaluatedKey; a parallel scan's Segment gets the items whose partition key hashes to
 * it. The LevelDB iterator yields between batches, so a long scan never holds the event loop.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
import type { ScanInput, ScanOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { afterPrefix, indexPrefix, itemPrefix } from '../keys.js';
import { allOf } from '../read-page.js';
import { holdingRawJson } from '../../../util/raw-json.js';
import { answerPage } from '../page-answer.js';
import { checkStartInSegment, segmentTexts } from '../scan-segment.js';
import { checkGlobalIndexProjection, readTarget } from '../read-target.js';
import { startAfter } from '../start-key.js';
import { requireTable, resolveTableName } from '../table-lookup.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { filterPredicate, requestExpressions } from '../request-expressions.js';
import type { Item } from '../values/index.js';
import { livePredicate } from '../ttl/read-filter.js';

/** Select's values in the order AWS lists them in its enum message (architect/dynalite test/scan.js). */
export const SELECT_VALUES = ['SPECIFIC_ATTRIBUTES', 'COUNT', 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES'] as const;
/** ComparisonOperator's values in AWS's order (architect/dynalite test/scan.js "incorrect attributes"). */
const COMPARISON_OPERATORS = ['IN', 'NULL', 'BETWEEN', 'LT', 'NOT_CONTAINS', 'EQ', 'GT', 'NOT_NULL', 'NE', 'LE', 'BEGINS_WITH', 'GE', 'CONTAINS'] as const;

function checkSegments(input: ScanInput): void {
  if (input.Segment !== undefined && input.TotalSegments === undefined) throw ddbErrors.validation('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  if (input.TotalSegments !== undefined) {
    if (input.Segment === undefined) throw ddbErrors.validation('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
    if (input.Segment >= input.TotalSegments) {
      throw ddbErrors.validation(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is not less than TotalSegments: ${input.TotalSegments}`);
    }
  }
}

export const scan: DdbHandler<ScanInput, ScanOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  resolveTableName(ctx, input.TableName, 1);
  if (input.IndexName !== undefined) c.length('indexName', input.IndexName, 3, 255).pattern('indexName', input.IndexName, '[a-zA-Z0-9_.-]+');
  c.range('limit', input.Limit, 1);
  c.oneOf('select', input.Select, SELECT_VALUES);
  c.range('segment', input.Segment, 0, 999999);
  c.range('totalSegments', input.TotalSegments, 1, 1000000);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  // Legacy ScanFilter only (rare): a plain Scan allocates nothing here.
  if (input.ScanFilter) {
    for (const [name, condition] of Object.entries(input.ScanFilter)) {
      const at = `scanFilter.${name}.member.comparisonOperator`;
      if (c.notNull(at, condition.ComparisonOperator)) c.oneOf(at, condition.ComparisonOperator, COMPARISON_OPERATORS);
    }
  }
  c.check();
  checkSegments(input);
  const expressions = requestExpressions('Scan', input, deps.conditionTrees);
  const table = requireTable(deps, ctx, input.TableName);
  const target = readTarget(table, input, 'Scan', expressions.projection !== undefined);
  if (target.index?.global && target.index.projection.type !== 'ALL' && expressions.projection) checkGlobalIndexProjection(target, expressions.projection);
  const prefix = target.index ? indexPrefix(table.id, target.index.id) : itemPrefix(table.id);
  const end = afterPrefix(prefix);
  const range = input.ExclusiveStartKey ? { gt: startAfter(table, target.index, input.ExclusiveStartKey as Record<string, unknown>), lt: end } : { gte: prefix, lt: end };
  const total = input.TotalSegments;
  const segmented = total !== undefined && total > 1;
  if (segmented && input.ExclusiveStartKey) checkStartInSegment(table.hash, input.ExclusiveStartKey as Item, total, input.Segment!);
  const source = segmented ? segmentTexts(deps.items, table.hash, total, input.Segment!) : deps.items;
  const keep = allOf(filterPredicate(expressions), livePredicate(table, deps.now()));
  return holdingRawJson(await answerPage(deps, target, source, range, input.Limit, keep, expressions.projection, expressions.project, input.ReturnConsumedCapacity));
};
