/**
 * ExecuteTransaction: up to 100 PartiQL statements as one transaction, all reads (run as
 * TransactGetItems, each SELECT pinning one item by its full key) or all writes (run as
 * TransactWriteItems: INSERT → Put that must not overwrite, UPDATE → Update of an existing item,
 * DELETE → Delete). A cancelled INSERT reports DuplicateItem, as DynamoDB does.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html
 */
import type { ExecuteTransactionInput, ExecuteTransactionOutput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { isAwsError } from '../../../errors/aws-error.js';
import type { PartiqlDeps } from '../partiql/context.js';
import { checkStatementMembers, prepare, type MemberStep, type Prepared } from '../partiql/prepare.js';
import { project } from '../partiql/project.js';
import { keyFromWhere } from '../partiql/translate.js';
import { existsNotOneItem, indexReadInTransaction, keyNotPinnedInTransaction } from '../partiql/errors.js';
import { transactionCanceled, type CancellationReason } from '../transactions/errors.js';
import { ddbErrors } from '../errors.js';

const validation = ddbErrors.validation;

/**
 * Refusals AWS answers otherwise in a transaction (DynamoDB Local's TransactionProcessor turns
 * them into a cancellation; no capture of AWS's answer): left bare, as before.
 */
const NOT_NAMED = ['Where clause does not contain a mandatory equality', 'Multiple conditions on same key', 'Key attribute should be present in the item',
  "Key attribute's data type should match its data type in table's schema"];

/**
 * A statement's parse or translation refusal names the statement, 0-based: "Validation failed
 * in TransactStatements[i]: <message>" (DynamoDB Local's TransactionProcessor; paritysuite/
 * dynamodb-conformance AWS captures, 2026-10: partiqlGrammar "an empty WHERE in
 * ExecuteTransaction", partiqlFunctions "ExecuteTransaction with a RETURNING member"). A
 * parameter that cannot be converted stays bare (partiqlParameterNumbers, same captures).
 */
const inMember = (i: number): MemberStep => (step) => {
  try {
    return step();
  } catch (err) {
    if (!isAwsError(err) || err.code !== 'ValidationException' || NOT_NAMED.some((m) => err.message.startsWith(m))) throw err;
    throw validation(`Validation failed in TransactStatements[${i}]: ${err.message}`);
  }
};

export async function executeTransaction(deps: PartiqlDeps, ctx: RequestContext, input: ExecuteTransactionInput): Promise<ExecuteTransactionOutput> {
  const statements = input.TransactStatements ?? [];
  if (statements.length < 1 || statements.length > 100) {
    throw validation(`1 validation error detected: Value at 'transactStatements' failed to satisfy constraint: Member must have length ${statements.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`);
  }
  statements.forEach((s, i) => checkStatementMembers(s.Statement, s.Parameters, `transactStatements.${i + 1}.member.`));
  const prepared = await Promise.all(statements.map((s, i) => prepare(deps, ctx, s.Statement, s.Parameters, undefined, inMember(i))));
  const reads = prepared.filter((p) => p.parsed.statement.kind === 'select').length;
  // floci-io/floci DynamoDbPartiQLDocumentedSyntaxIntegrationTest (captured from AWS eu-west-2, 2026-09-17).
  if (reads !== 0 && reads !== prepared.length) throw validation('ExecuteTransaction API does not support both read and write operations in the same request.');
  const common = input.ReturnConsumedCapacity !== undefined ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {};
  if (reads > 0) return readTransaction(deps, ctx, prepared, common);
  const TransactItems = prepared.map((p, i) => inMember(i)(() => writeAction(p, statements[i]!.ReturnValuesOnConditionCheckFailure)));
  try {
    const out = await deps.call('TransactWriteItems', ctx, { TransactItems, ...common, ...(input.ClientRequestToken !== undefined && { ClientRequestToken: input.ClientRequestToken }) });
    // An empty Responses list, not one entry per statement nor none (paritysuite/dynamodb-conformance
    // tests/tier2/partiql/writeResponses.test.ts, "a transaction of updates returns an empty Responses list").
    return { Responses: [], ...(out.ConsumedCapacity && { ConsumedCapacity: out.ConsumedCapacity }) };
  } catch (err) {
    if (!isAwsError(err) || err.code !== 'TransactionCanceledException') throw err;
    const reasons = (err.fields.CancellationReasons as unknown as CancellationReason[]).map((r, i) =>
      (r.Code === 'ConditionalCheckFailed' && prepared[i]!.parsed.statement.kind === 'insert' ? { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' } : r));
    throw transactionCanceled(reasons);
  }
}

async function readTransaction(deps: PartiqlDeps, ctx: RequestContext, prepared: Prepared[], common: Record<string, unknown>): Promise<ExecuteTransactionOutput> {
  const TransactItems = prepared.map((p, i) => inMember(i)(() => {
    const s = p.parsed.statement as Extract<Prepared['parsed']['statement'], { kind: 'select' }>;
    if (s.target.index !== undefined) throw indexReadInTransaction();
    const { key, rest } = keyFromWhere(s.where, p.keys.key, p.params, keyNotPinnedInTransaction);
    if (rest.length > 0) throw keyNotPinnedInTransaction();
    return { Get: { TableName: s.target.table, Key: key } };
  }));
  const out = await deps.call('TransactGetItems', ctx, { TransactItems, ...common });
  const Responses = (out.Responses as Array<{ Item?: Record<string, never> }>).map((r, i) => {
    const s = prepared[i]!.parsed.statement as Extract<Prepared['parsed']['statement'], { kind: 'select' }>;
    if (!r.Item) return {};
    return { Item: (s.projection === '*' ? r.Item : project(r.Item, s.projection)) as Record<string, never> };
  });
  return { Responses, ...(out.ConsumedCapacity && { ConsumedCapacity: out.ConsumedCapacity }) };
}

function writeAction(p: Prepared, onFailure: string | undefined): Record<string, unknown> {
  const t = p.translated;
  const { ReturnValues, ...input } = t.input as Record<string, unknown> & { ReturnValues?: string };
  if (ReturnValues !== undefined) throw validation('RETURNING clause is not supported in ExecuteTransaction.');
  const extra = onFailure !== undefined && t.operation !== 'PutItem' ? { ReturnValuesOnConditionCheckFailure: onFailure } : {};
  switch (t.operation) {
    case 'PutItem': return { Put: { ...input } };
    case 'UpdateItem': return { Update: { ...input, ...extra } };
    case 'DeleteItem': return { Delete: { ...input, ...extra } };
    case 'ConditionCheck':
      // The key alone is no condition: AWS wants one beside it (floci-io/floci
      // DynamoDbPartiQLDocumentedSyntaxIntegrationTest, captured from AWS eu-west-2, 2026-09-17).
      if (t.keyOnly) throw existsNotOneItem();
      return { ConditionCheck: { ...input, ...extra } };
    default: throw validation('Transaction statements must be SELECT, INSERT, UPDATE or DELETE');
  }
}
