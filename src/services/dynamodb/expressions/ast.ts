/**
 * Step 3's output: the resolved AST that evaluation runs (placeholders substituted, values
 * validated, parentheses gone). Legacy parameters (Expected, QueryFilter, ...) convert to the
 * same AST, so one evaluator serves both.
 */
import type { AttributeValue } from '../values/types.js';
import type { Path } from './paths.js';

export type Operand =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'size'; operand: Operand };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionFunction = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

export type Condition =
  | { kind: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition }
  | { kind: 'function'; name: ConditionFunction; args: Operand[] };
