/**
 * The members every single-item write shares (PutItem, DeleteItem, UpdateItem): their model
 * constraints, and the expression members that wait for the expression engine — refused with
 * NotImplemented naming them until it is wired in, never ignored.
 */
import type { RequestContext } from '../types.js';
import { Constraints } from './constraints.js';
import { type DdbDeps, unsupported } from './context.js';

/**
 * The enums, each in the order AWS lists it in "Member must satisfy enum value set: [...]"
 * (Coral's own order, not the model's): ReturnValues and ConditionalOperator as
 * paritysuite/dynamodb-conformance tests/tier3/validation-ordering/updateItem.test.ts captured
 * them (two regions, 2026-10-09) and architect/dynalite test/putItem.js recorded them.
 */
export const RETURN_VALUES = ['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW'] as const;
export const RETURN_CAPACITY = ['INDEXES', 'TOTAL', 'NONE'] as const;
const RETURN_METRICS = ['SIZE', 'NONE'] as const;
const ON_CONDITION_FAILURE = ['ALL_OLD', 'NONE'] as const;
const CONDITIONAL_OPERATORS = ['OR', 'AND'] as const;

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
