/**
 * The members every single-item write shares (PutItem, DeleteItem, UpdateItem): their model
 * constraints, and the expression members that wait for the expression engine — refused with
 * NotImplemented naming them until it is wired in, never ignored.
 */
import type { RequestContext } from '../types.js';
import { Constraints } from './constraints.js';
import { type DdbDeps, unsupported } from './context.js';

export const RETURN_VALUES = ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] as const;
export const RETURN_CAPACITY = ['INDEXES', 'TOTAL', 'NONE'] as const;
const RETURN_METRICS = ['SIZE', 'NONE'] as const;
const ON_CONDITION_FAILURE = ['ALL_OLD', 'NONE'] as const;
const CONDITIONAL_OPERATORS = ['AND', 'OR'] as const;

export interface WriteOptions {
  TableName?: string;
  ReturnValues?: string;
  ReturnConsumedCapacity?: string;
  ReturnItemCollectionMetrics?: string;
  ReturnValuesOnConditionCheckFailure?: string;
  ConditionalOperator?: string;
}

export function checkWriteOptions(c: Constraints, input: WriteOptions): void {
  c.oneOf('returnValues', input.ReturnValues, RETURN_VALUES);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.oneOf('returnItemCollectionMetrics', input.ReturnItemCollectionMetrics, RETURN_METRICS);
  c.oneOf('returnValuesOnConditionCheckFailure', input.ReturnValuesOnConditionCheckFailure, ON_CONDITION_FAILURE);
  c.oneOf('conditionalOperator', input.ConditionalOperator, CONDITIONAL_OPERATORS);
}

/** Expression members boltstack cannot evaluate yet (the engine is wired in as it lands). */
export function refuseExpressions(deps: DdbDeps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  unsupported(deps, ctx, operation, input, members);
}
