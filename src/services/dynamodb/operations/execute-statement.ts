/**
 * ExecuteStatement: one PartiQL statement, run as the classic operation it translates to
 * (partiql/translate.ts). SELECT pages like Query/Scan (Limit, NextToken); INSERT refuses to
 * overwrite (DuplicateItemException); UPDATE and DELETE return items only with RETURNING.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html
 */
import type { ExecuteStatementInput, ExecuteStatementOutput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { AwsError, isAwsError } from '../../../errors/aws-error.js';
import type { PartiqlDeps } from '../partiql/context.js';
import { duplicateItem, existsOutsideTransaction } from '../partiql/errors.js';
import { keepConditionItem } from '../partiql/failed-write-units.js';
import { decodeNextToken, encodeNextToken } from '../partiql/next-token.js';
import { partitionEnded, type RunRead } from '../partiql/page-end.js';
import { readPartitions } from '../partiql/partition-read.js';
import { checkStatementMembers, prepare, type Prepared } from '../partiql/prepare.js';
import { project } from '../partiql/project.js';
import { SIZED_AS_FINISHED_ITEM } from './update-item.js';

export async function executeStatement(deps: PartiqlDeps, ctx: RequestContext, input: ExecuteStatementInput): Promise<ExecuteStatementOutput> {
  checkStatementMembers(input.Statement, input.Parameters);
  if (input.Limit !== undefined && input.Limit < 1) {
    throw new AwsError({ code: 'ValidationException', status: 400, message: `1 validation error detected: Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1` });
  }
  const prepared = await prepare(deps, ctx, input.Statement, input.Parameters, input.ConsistentRead);
  return runPrepared(deps, ctx, prepared, input);
}

export async function runPrepared(deps: PartiqlDeps, ctx: RequestContext, p: Prepared, input: Pick<ExecuteStatementInput, 'Statement' | 'NextToken' | 'Limit' | 'ReturnConsumedCapacity' | 'ReturnValuesOnConditionCheckFailure'>): Promise<ExecuteStatementOutput> {
  const t = p.translated;
  const lookAhead: RunRead = (operation, read) => deps.call(operation, ctx, read);
  if (t.operation === 'QueryPartitions') return readPartitions((query) => deps.call('Query', ctx, query).catch(withoutExpressionPrefix), t, input, p.params, lookAhead);
  const common = input.ReturnConsumedCapacity !== undefined ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {};
  if (t.operation === 'Query' || t.operation === 'Scan') {
    const read = {
      ...t.input, ...common,
      ...(input.Limit !== undefined && { Limit: input.Limit }),
      ...(input.NextToken !== undefined && { ExclusiveStartKey: decodeNextToken({ statement: input.Statement, params: p.params }, input.NextToken) }),
    };
    const page = await deps.call(t.operation, ctx, read).catch(withoutExpressionPrefix);
    const items = (page.Items ?? []) as ExecuteStatementOutput['Items'] & object;
    const out: ExecuteStatementOutput = { Items: t.projection ? items.map((i) => project(i, t.projection!)) : items };
    // A Query whose Limit ran out on its partition's last item answers neither field (partiql/page-end.ts).
    const ended = page.LastEvaluatedKey !== undefined && t.hash !== undefined && !('wholeKey' in t) && page.ScannedCount === input.Limit
      && await partitionEnded(lookAhead, read, page.LastEvaluatedKey, t.hash);
    if (page.LastEvaluatedKey && !ended) {
      // A whole-key read stopped by Limit 1 answers its LastEvaluatedKey but no NextToken: there is
      // no further page (radkawar/stackd testdata/aws/dynamodb/partiql_pagination.json seq 34, AWS
      // us-east-1, 2026-09-17).
      if (!('wholeKey' in t)) out.NextToken = encodeNextToken({ statement: input.Statement, params: p.params }, page.LastEvaluatedKey);
      out.LastEvaluatedKey = page.LastEvaluatedKey;
    }
    if (page.ConsumedCapacity) out.ConsumedCapacity = page.ConsumedCapacity;
    return out;
  }
  if (t.operation === 'ConditionCheck') throw existsOutsideTransaction();
  const onFailure = t.operation !== 'PutItem' && input.ReturnValuesOnConditionCheckFailure !== undefined ? { ReturnValuesOnConditionCheckFailure: input.ReturnValuesOnConditionCheckFailure } : {};
  let written: { Attributes?: Record<string, unknown>; ConsumedCapacity?: ExecuteStatementOutput['ConsumedCapacity'] };
  try {
    written = await deps.call(t.operation, ctx, { ...t.input, ...common, ...onFailure, [SIZED_AS_FINISHED_ITEM]: true });
  } catch (err) {
    if (t.operation === 'PutItem' && isAwsError(err) && err.code === 'ConditionalCheckFailedException') throw keepConditionItem(err, duplicateItem());
    throw err;
  }
  const out: ExecuteStatementOutput = { Items: written.Attributes ? [written.Attributes as Record<string, never>] : [] };
  if (written.ConsumedCapacity) out.ConsumedCapacity = written.ConsumedCapacity;
  return out;
}

/**
 * A SELECT's WHERE runs as a FilterExpression we wrote, but DynamoDB words its
 * errors without naming that expression: `val < ?` with a BOOL is "Incorrect operand type for
 * operator or function; operator or function: <, operand type: BOOL" (paritysuite/dynamodb-conformance
 * tests/tier2/partiql/comparison.test.ts, "names the operator < as written"). Writes keep theirs:
 * no source pins an UPDATE/DELETE condition error.
 */
const EXPRESSION_PREFIX = /^Invalid (?:Filter|KeyCondition)Expression: /;
/**
 * PartiQL lists attribute_type's valid names in its own order: "Invalid attribute type name found;
 * type: X, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}" (floci-io/floci
 * DynamoDbPartiQLDocumentedSyntaxIntegrationTest.filtersWithFunctionsAndNullChecks, captured from
 * AWS eu-west-2, 2026-09-17), where the expression engine says {B,NULL,SS,BOOL,L,BS,N,NS,S,M}.
 */
const EXPRESSION_TYPES = ', valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}';
const PARTIQL_TYPES = ', valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}';
function withoutExpressionPrefix(err: unknown): never {
  if (isAwsError(err) && err.code === 'ValidationException' && EXPRESSION_PREFIX.test(err.message)) {
    throw new AwsError({ code: err.code, status: err.status, message: err.message.replace(EXPRESSION_PREFIX, '').replace(EXPRESSION_TYPES, PARTIQL_TYPES) });
  }
  throw err;
}
