/**
 * DynamoDB's expression engine: four pure steps, as moto's parsing README describes them.
 *
 *   tokenize (tokens.ts) → parse to a raw tree (condition-parser.ts, update-parser.ts,
 *   projection.ts) → validate and resolve placeholders (condition-validate.ts,
 *   update-validate.ts, key-condition.ts) → evaluate (condition-eval.ts, update-apply.ts,
 *   projection.ts)
 *
 * Parse and validate once per request; evaluation takes the resolved AST and an item, so an
 * update applies whole or not at all, and filters can run in a worker. Every error is DynamoDB's
 * ValidationException with AWS's message ("Invalid UpdateExpression: Syntax error; token: ...").
 *
 * Typical use by an operation handler:
 *   checkParameterStyle('UpdateItem', input);            // expression vs legacy parameters
 *   const parsed = parseRequestExpressions(input);       // every expression, then unused names/values
 *   if (parsed.condition && !evaluateCondition(parsed.condition, old ?? {})) → ConditionalCheckFailed
 *   const { item, updatedPaths } = applyUpdate(parsed.update, old);
 *   UPDATED_NEW → project(item, updatedPaths); UPDATED_OLD → project(old, updatedPaths)
 * For scans: const keep = compileCondition(parsed.filter); const shape = compileProjection(paths);
 * For queries: resolveKeyCondition(parsed.keyCondition, { hash, range, types }) → { hash, range }.
 * Legacy parameters convert to the same ASTs (legacy.ts).
 */
export type { Condition, Operand, Comparator, ConditionFunction } from './ast.js';
export type { UpdateAst, UpdateAction, UpdateValue } from './update-ast.js';
export { removesOnly, updateTargets } from './update-ast.js';
export type { Path, PathElement } from './paths.js';
export { pathToString, valueAt, pathGetter } from './paths.js';
export { ExpressionInput } from './expression-input.js';
export { isReservedWord } from './reserved-words.js';
export { parseRequestExpressions, parseConditionExpression, type ExpressionRequest, type ParsedExpressions } from './request.js';
export { checkParameterStyle, type ExpressionOperation } from './parameter-style.js';
export { compileCondition, evaluateCondition, sizeOf, type CompiledCondition } from './condition-eval.js';
export { conditionAttributes } from './condition-attributes.js';
export { parseProjection, compileProjection, project, type Projector } from './projection.js';
export { parseUpdate } from './update-validate.js';
export { applyUpdate, updateMessages, type UpdateResult } from './update-apply.js';
export { updateCharge, updateChargeExceeds } from './update-charge.js';
export {
  parseKeyCondition, resolveKeyCondition, rangeMatches,
  type KeyCondition, type KeyConditionPart, type KeyOperator, type KeySchema,
} from './key-condition.js';
export {
  expectedToCondition, filterToCondition, keyConditionsToParts, attributesToGetToPaths,
  type LegacyCondition, type LegacyExpected,
} from './legacy-conditions.js';
export { attributeUpdatesToUpdate, type LegacyAttributeUpdate } from './legacy-updates.js';
export { filterBatch, batchLines, toBatch, type FilterBatchInput, type FilterBatchOutput } from './filter-batch.js';
