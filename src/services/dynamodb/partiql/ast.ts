/**
 * The parsed form of DynamoDB's PartiQL subset. Values may hold `?` parameters, bound later
 * (bind-values.ts), so one parsed statement serves every parameter list.
 */
import type { Parameter as AttributeValue } from '../../../model/generated/dynamodb-types.js';

export type { AttributeValue };

export type PathStep = { kind: 'name'; name: string } | { kind: 'index'; index: number };

/** An attribute path: a name, then names (`.b`, `."b"`, `['b']`) and list indexes (`[0]`). */
export interface Path { steps: PathStep[] }

export type ValueExpr =
  | { kind: 'literal'; value: AttributeValue }
  | { kind: 'param'; index: number }
  | { kind: 'map'; entries: Array<[key: string, value: ValueExpr]> }
  | { kind: 'list'; items: ValueExpr[] }
  /** `<<a, b>>`: a set (SS, NS or BS from its members' type). */
  | { kind: 'bag'; items: ValueExpr[] };

export type Operand =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: ValueExpr }
  | { kind: 'size'; path: Path };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionFunction = 'begins_with' | 'contains' | 'attribute_type' | 'attribute_exists' | 'attribute_not_exists';

export type Condition =
  | { kind: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; subject: Operand; low: Operand; high: Operand }
  | { kind: 'in'; subject: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'function'; name: ConditionFunction; path: Path; arg?: Operand }
  /** `a IS MISSING` / `a IS NOT MISSING`. */
  | { kind: 'missing'; path: Path; negated: boolean };

export type UpdateValue =
  | { kind: 'operand'; operand: Operand }
  | { kind: 'arith'; op: '+' | '-'; left: Operand; right: Operand }
  | { kind: 'list_append'; left: Operand; right: Operand }
  /** `set_add(a, <<...>>)` / `set_delete(a, <<...>>)`: DynamoDB's ADD and DELETE on sets. */
  | { kind: 'set_add'; path: Path; value: Operand }
  | { kind: 'set_delete'; path: Path; value: Operand };

export type UpdateAction =
  | { kind: 'set'; path: Path; value: UpdateValue }
  | { kind: 'remove'; path: Path };

/** `RETURNING ALL OLD *` and its kin (UPDATE and DELETE). */
export type Returning = 'ALL_OLD' | 'MODIFIED_OLD' | 'ALL_NEW' | 'MODIFIED_NEW';

export interface Target { table: string; index?: string }

/** One term of ORDER BY: a key attribute and its direction. */
export interface OrderTerm { path: Path; descending: boolean }

export type Statement =
  | { kind: 'select'; target: Target; projection: '*' | Path[]; where?: Condition; orderBy?: OrderTerm[] }
  | { kind: 'insert'; target: Target; item: ValueExpr }
  | { kind: 'update'; target: Target; actions: UpdateAction[]; where?: Condition; returning?: Returning }
  | { kind: 'delete'; target: Target; where?: Condition; returning?: Returning }
  /** `EXISTS(SELECT * FROM t WHERE ...)`: a condition check, in ExecuteTransaction only. */
  | { kind: 'exists'; target: Target; where?: Condition };

export interface ParsedStatement {
  statement: Statement;
  /** How many `?` the statement holds: the request must pass exactly that many parameters. */
  parameterCount: number;
}
