/**
 * One statement of a request, ready to run: parsed, its parameters counted against the
 * statement's `?`, and translated for its table's key schema.
 */
import type { RequestContext } from '../../types.js';
import type { AttributeValue, ParsedStatement } from './ast.js';
import type { PartiqlDeps } from './context.js';
import { parameterCountMismatch } from './errors.js';
import { checkLiteralNumbers } from './literal-numbers.js';
import { checkParameterNumbers } from './parameter-numbers.js';
import { parseStatement } from './parse.js';
import { tableKeys } from './table-keys.js';
import { translate, type TableKeys, type Translated } from './translate.js';
import { ddbErrors } from '../errors.js';

export interface Prepared { parsed: ParsedStatement; keys: TableKeys; translated: Translated; params: readonly AttributeValue[] }

const validation = ddbErrors.validation;

/** Checks made on the request members before parsing (Coral's constraint messages). */
export function checkStatementMembers(statement: unknown, parameters: unknown[] | undefined, at = ''): void {
  if (typeof statement !== 'string') throw validation(`1 validation error detected: Value null at '${at}statement' failed to satisfy constraint: Member must not be null`);
  if (statement.length < 1 || statement.length > 8192) {
    throw validation(`1 validation error detected: Value '${statement}' at '${at}statement' failed to satisfy constraint: Member must have length ${statement.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 8192'}`);
  }
  if (parameters !== undefined && parameters.length === 0) throw validation(`1 validation error detected: Value '[]' at '${at}parameters' failed to satisfy constraint: Member must have length greater than or equal to 1`);
}

/** Runs a step of one statement; ExecuteTransaction's names the statement in the errors it throws. */
export type MemberStep = <T>(step: () => T) => T;
const run: MemberStep = (step) => step();

/**
 * `member` wraps the steps whose refusals AWS reports per statement in a transaction: parsing and
 * translating. The parameter checks between them are reported bare (see execute-transaction.ts).
 */
export async function prepare(deps: PartiqlDeps, ctx: RequestContext, statement: string, parameters: AttributeValue[] | undefined, consistentRead?: boolean,
  member: MemberStep = run): Promise<Prepared> {
  const parsed = member(() => parseStatement(statement));
  checkLiteralNumbers(parsed.statement);
  const params = parameters ?? [];
  if (params.length !== parsed.parameterCount) throw parameterCountMismatch();
  checkParameterNumbers(params);
  const keys = await tableKeys(deps, ctx, parsed.statement.target.table);
  return { parsed, keys, params, translated: member(() => translate(parsed, params, keys, consistentRead ? { consistentRead } : {})) };
}
