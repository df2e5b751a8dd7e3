/**
 * A request's expressions, legacy or not, turned into what the operations evaluate: the
 * condition of a write, the update, the filter and projection of a read, the key condition of a
 * Query. The style check (expressions vs legacy parameters) and every parse error come first, in
 * AWS's order (expressions/); the operations only evaluate.
 */
import {
  attributesToGetToPaths, attributeUpdatesToUpdate, checkParameterStyle, compileCondition, conditionAttributes, compileProjection, expectedToCondition,
  filterToCondition, keyConditionsToParts, parseRequestExpressions,
  type CompiledCondition, type Condition, type ExpressionOperation, type KeyConditionPart, type LegacyAttributeUpdate, type LegacyCondition,
  type LegacyExpected, type Path, type Projector, type UpdateAst,
} from './expressions/index.js';
import type { ConditionTrees } from './expressions/condition-trees.js';
import type { ItemPredicate } from './read-page.js';
import { compileStoredCondition } from './stored-condition.js';
import { valueLayerFor, type ValueLayer } from './values/index.js';

export interface RequestExpressions {
  condition?: Condition;
  update?: UpdateAst;
  filter?: CompiledCondition;
  /** The filter as parsed (a page tests it on stored items: stored-condition.ts). */
  filterCondition?: Condition;
  /** The top-level attributes the filter reads, and what the request called it (AWS's messages name it). */
  filterAttributes?: { names: Set<string>; parameter: 'Filter Expression' | 'QueryFilter' | 'ScanFilter' };
  projection?: Path[];
  project?: Projector;
  keyCondition?: KeyConditionPart[];
}

interface AnyRequest {
  UpdateExpression?: string; ConditionExpression?: string; KeyConditionExpression?: string; FilterExpression?: string; ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown>;
  Expected?: Record<string, unknown>; AttributeUpdates?: Record<string, unknown>; QueryFilter?: Record<string, unknown>; ScanFilter?: Record<string, unknown>;
  KeyConditions?: Record<string, unknown>; AttributesToGet?: string[]; ConditionalOperator?: string;
}

const MEMBERS = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression', 'ExpressionAttributeNames',
  'ExpressionAttributeValues', 'Expected', 'AttributeUpdates', 'QueryFilter', 'ScanFilter', 'KeyConditions', 'AttributesToGet', 'ConditionalOperator'] as const;

/** A request without expressions: one shared answer (callers only read it), not an object per request. */
const NONE: RequestExpressions = Object.freeze({});

/**
 * @param trees the service's parsed condition trees (expressions/condition-trees.ts), when the
 *   caller has them.
 * @param layer the validation layer whose wording bad values get (values/errors.ts): the
 *   operation's own unless a transaction says otherwise (its actions are named after the single
 *   item operations but answer in the older layer).
 */
export function requestExpressions(operation: ExpressionOperation, request: AnyRequest, trees?: ConditionTrees, layer?: ValueLayer): RequestExpressions {
  // The hot path (a plain GetItem or PutItem) carries none of them: a loop, no closure per request.
  let any = false;
  for (let i = 0; i < MEMBERS.length && !any; i++) any = request[MEMBERS[i]!] != null;
  if (!any) return NONE;
  checkParameterStyle(operation, request as Record<string, unknown>);
  const values = layer ?? valueLayerFor(operation);
  const parsed = parseRequestExpressions(request, values, trees);
  const out: RequestExpressions = {};
  const condition = parsed.condition ?? expectedToCondition(request.Expected as Record<string, LegacyExpected> | undefined, request.ConditionalOperator, values);
  if (condition) out.condition = condition;
  const update = parsed.update ?? (request.AttributeUpdates ? attributeUpdatesToUpdate(request.AttributeUpdates as Record<string, LegacyAttributeUpdate>, values) : undefined);
  if (update) out.update = update;
  const legacyFilter = (request.QueryFilter ?? request.ScanFilter) as Record<string, LegacyCondition> | undefined;
  const filter = parsed.filter ?? filterToCondition(legacyFilter, request.ConditionalOperator, values);
  if (filter) {
    out.filter = compileCondition(filter);
    out.filterCondition = filter;
    const parameter = parsed.filter ? 'Filter Expression' : request.QueryFilter ? 'QueryFilter' : 'ScanFilter';
    out.filterAttributes = { names: conditionAttributes(filter), parameter };
  }
  const projection = parsed.projection ?? (request.AttributesToGet ? attributesToGetToPaths(request.AttributesToGet) : undefined);
  if (projection) { out.projection = projection; out.project = compileProjection(projection); }
  const keyCondition = parsed.keyCondition ?? (request.KeyConditions ? keyConditionsToParts(request.KeyConditions as Record<string, LegacyCondition>, values) : undefined);
  if (keyCondition) out.keyCondition = keyCondition;
  return out;
}

/** The request's filter as a page predicate (read-page.ts), or undefined without one. */
export function filterPredicate(expressions: RequestExpressions): ItemPredicate | undefined {
  const { filter, filterCondition, filterAttributes } = expressions;
  if (!filter || !filterCondition || !filterAttributes) return undefined;
  return { test: filter, reads: filterAttributes.names, stored: (slotOf) => compileStoredCondition(filterCondition, slotOf) };
}
