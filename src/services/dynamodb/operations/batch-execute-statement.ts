/**
 * BatchExecuteStatement: up to 25 statements, all reads or all writes. Each SELECT must pin one
 * item by its full primary key; each statement succeeds or fails on its own, its error reported
 * in its response (BatchStatementError), never failing the request.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html
 */
import type { BatchExecuteStatementInput, BatchExecuteStatementOutput, ConsumedCapacityItem } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { addCapacity } from '../partiql/add-capacity.js';
import { batchStatementError } from '../partiql/batch-error.js';
import { keyNotPinnedInBatch } from '../partiql/errors.js';
import { failedWriteUnits } from '../partiql/failed-write-units.js';
import type { PartiqlDeps } from '../partiql/context.js';
import { checkStatementMembers, prepare, type Prepared } from '../partiql/prepare.js';
import { statementKey } from '../partiql/statement-key.js';
import { parseStatement } from '../partiql/parse.js';
import { keyFromWhere } from '../partiql/translate.js';
import { runPrepared } from './execute-statement.js';
import { ddbErrors } from '../errors.js';

type Response = NonNullable<BatchExecuteStatementOutput['Responses']>[number];
/** A statement whose preparation failed: its error is its response. */
interface Failed { failed: unknown; table: string | undefined }

const validation = ddbErrors.validation;

export async function batchExecuteStatement(deps: PartiqlDeps, ctx: RequestContext, input: BatchExecuteStatementInput): Promise<BatchExecuteStatementOutput> {
  const statements = input.Statements ?? [];
  if (statements.length < 1 || statements.length > 25) {
    throw validation(`1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length ${statements.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 25'}`);
  }
  statements.forEach((s, i) => checkStatementMembers(s.Statement, s.Parameters, `statements.${i + 1}.member.`));
  const kinds = new Set(statements.map((s) => { try { return parseStatement(s.Statement).statement.kind === 'select' ? 'read' : 'write'; } catch { return undefined; } }));
  // AWS's words (radkawar/stackd testdata/aws/dynamodb/data.json seq 74, AWS us-east-1, 2026-09-17).
  if (kinds.has('read') && kinds.has('write')) throw validation('Read and write requests together in the same batch is not supported.');
  // Every statement is prepared (and checked) before any runs: two on one item refuse the whole
  // request, nothing done, "Provided list of item keys contains duplicates", reads or writes
  // alike (radkawar/stackd testdata/aws/dynamodb/partiql_duplicate_keys.json seq 8-15, AWS
  // us-east-1, 2026-09-17), as BatchGetItem and BatchWriteItem answer.
  const prepared = await Promise.all(statements.map(async (s): Promise<Prepared | Failed> => {
    let table: string | undefined;
    try {
      const p = await prepare(deps, ctx, s.Statement, s.Parameters, s.ConsistentRead);
      table = p.parsed.statement.target.table;
      if (p.parsed.statement.kind === 'select') {
        // On an index, without the whole key, or with a further condition (even attribute_exists):
        // one wording for all, per statement (paritysuite/dynamodb-conformance
        // tests/tier2/partiql/executeStatementIndex.test.ts and
        // tests/tier3/error-messages/partiqlFunctions.test.ts, real AWS 2026).
        if (p.parsed.statement.target.index !== undefined) throw keyNotPinnedInBatch();
        if (keyFromWhere(p.parsed.statement.where, p.keys.key, p.params, keyNotPinnedInBatch, true).rest.length > 0) throw keyNotPinnedInBatch();
      }
      return p;
    } catch (err) {
      return { failed: err, table };
    }
  }));
  const seen = new Set<string>();
  for (const p of prepared) {
    if ('failed' in p) continue;
    const key = statementKey(p);
    if (seen.has(key)) throw validation('Provided list of item keys contains duplicates');
    seen.add(key);
  }
  // ConsumedCapacity: one entry per table, the statements that succeeded summed; none when none
  // did (partiql_duplicate_keys.json seq 32-33: two failed writes, no ConsumedCapacity). A write
  // refused by its condition adds to its table's total only (partiql/failed-write-units.ts).
  const capacity = new Map<string, ConsumedCapacityItem>();
  const failedUnits = new Map<string, number>();
  const Responses = await Promise.all(prepared.map(async (p, i): Promise<Response> => {
    const s = statements[i]!;
    try {
      if ('failed' in p) throw p.failed;
      const out = await runPrepared(deps, ctx, p, {
        Statement: s.Statement, ...(input.ReturnConsumedCapacity !== undefined && { ReturnConsumedCapacity: input.ReturnConsumedCapacity }),
        ...(s.ReturnValuesOnConditionCheckFailure !== undefined && { ReturnValuesOnConditionCheckFailure: s.ReturnValuesOnConditionCheckFailure }),
      });
      if (out.ConsumedCapacity) {
        const table = p.parsed.statement.target.table;
        const sum = capacity.get(table);
        capacity.set(table, sum === undefined ? out.ConsumedCapacity : addCapacity(sum, out.ConsumedCapacity));
      }
      const item = p.parsed.statement.kind === 'select' ? out.Items?.[0] : undefined;
      return { TableName: p.parsed.statement.target.table, ...(item && { Item: item }) };
    } catch (err) {
      const table = 'failed' in p ? p.table : p.parsed.statement.target.table;
      const units = failedWriteUnits(err);
      if (units !== undefined && table !== undefined) failedUnits.set(table, (failedUnits.get(table) ?? 0) + units);
      return { ...(table !== undefined && { TableName: table }), Error: batchStatementError(err) as NonNullable<Response['Error']> };
    }
  }));
  for (const [table, units] of failedUnits) {
    const sum = capacity.get(table);
    // Only a table some statement succeeded on has an entry (none answered when all failed).
    if (sum !== undefined) capacity.set(table, { ...sum, CapacityUnits: (sum.CapacityUnits ?? 0) + units });
  }
  return { Responses, ...(capacity.size > 0 && { ConsumedCapacity: [...capacity.values()] }) };
}
