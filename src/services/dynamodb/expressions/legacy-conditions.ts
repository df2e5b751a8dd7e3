/**
 * The legacy condition parameters converted to the expression AST, with AWS's validation
 * messages: Expected (PutItem, UpdateItem, DeleteItem), QueryFilter and ScanFilter, each combined
 * by ConditionalOperator (AND by default); KeyConditions (Query); AttributesToGet.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { validationException, type ValueLayer } from '../values/errors.js';
import { compareValues } from '../values/compare.js';
import { nameTooLarge, validateAttributeValue, valueMessages } from '../values/validate.js';
import { typeOf, type AttributeValue } from '../values/types.js';
import type { Condition, Operand } from './ast.js';
import type { KeyConditionPart, KeyOperator } from './key-condition.js';
import type { Path } from './paths.js';

export interface LegacyCondition {
  ComparisonOperator?: string;
  AttributeValueList?: unknown[];
}

export interface LegacyExpected extends LegacyCondition {
  Value?: unknown;
  Exists?: boolean;
}

const INVALID = 'One or more parameter values were invalid: ';
const ARG_COUNTS: Record<string, [number, number]> = {
  NULL: [0, 0], NOT_NULL: [0, 0], EQ: [1, 1], NE: [1, 1], LE: [1, 1], LT: [1, 1], GE: [1, 1], GT: [1, 1],
  CONTAINS: [1, 1], NOT_CONTAINS: [1, 1], BEGINS_WITH: [1, 1], IN: [1, Infinity], BETWEEN: [2, 2],
};
const SCALARS = ['S', 'N', 'B'];
const ALLOWED_TYPES: Record<string, string[]> = {
  EQ: [...SCALARS, 'SS', 'NS', 'BS'], NE: [...SCALARS, 'SS', 'NS', 'BS'], LE: SCALARS, LT: SCALARS, GE: SCALARS, GT: SCALARS,
  CONTAINS: SCALARS, NOT_CONTAINS: SCALARS, BEGINS_WITH: ['S', 'B'], IN: SCALARS, BETWEEN: SCALARS,
};

/** Validates one ComparisonOperator + AttributeValueList (QueryFilter, ScanFilter, KeyConditions). */
function checkedValues(op: string, list: unknown[] | undefined, layer: ValueLayer): AttributeValue[] {
  const values = (list ?? []).map((v) => validateAttributeValue(v, { layer }));
  const [min, max] = ARG_COUNTS[op] ?? [0, -1];
  if (values.length < min || values.length > max) throw validationException(`${INVALID}Invalid number of argument(s) for the ${op} ComparisonOperator`);
  const first = values[0];
  if (first !== undefined) {
    const type = typeOf(first);
    if (values.some((v) => typeOf(v) !== type)) throw validationException(`${INVALID}AttributeValues inside AttributeValueList must be of same type`);
    const allowed = ALLOWED_TYPES[op];
    if (allowed && !allowed.includes(type)) throw validationException(`${INVALID}ComparisonOperator ${op} is not valid for ${type} AttributeValue type`);
    if (op === 'BETWEEN' && (compareValues(values[0]!, values[1]!) ?? 0) > 0) {
      throw validationException('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
    }
  }
  return values;
}

const value = (v: AttributeValue): Operand => ({ kind: 'value', value: v });

function comparison(name: string, op: string, values: AttributeValue[]): Condition {
  const path: Operand = { kind: 'path', path: [name] };
  switch (op) {
    case 'EQ': return { kind: 'compare', op: '=', left: path, right: value(values[0]!) };
    case 'NE': return { kind: 'compare', op: '<>', left: path, right: value(values[0]!) };
    case 'LE': return { kind: 'compare', op: '<=', left: path, right: value(values[0]!) };
    case 'LT': return { kind: 'compare', op: '<', left: path, right: value(values[0]!) };
    case 'GE': return { kind: 'compare', op: '>=', left: path, right: value(values[0]!) };
    case 'GT': return { kind: 'compare', op: '>', left: path, right: value(values[0]!) };
    case 'NOT_NULL': return { kind: 'function', name: 'attribute_exists', args: [path] };
    case 'NULL': return { kind: 'function', name: 'attribute_not_exists', args: [path] };
    case 'CONTAINS': return { kind: 'function', name: 'contains', args: [path, value(values[0]!)] };
    case 'NOT_CONTAINS': return { kind: 'not', condition: { kind: 'function', name: 'contains', args: [path, value(values[0]!)] } };
    case 'BEGINS_WITH': return { kind: 'function', name: 'begins_with', args: [path, value(values[0]!)] };
    case 'IN': return { kind: 'in', operand: path, list: values.map(value) };
    case 'BETWEEN': return { kind: 'between', operand: path, low: value(values[0]!), high: value(values[1]!) };
    default: throw validationException(`${INVALID}Unsupported operator on ${name}: ${op}`);
  }
}

function combine(conditions: Condition[], operator: string | undefined): Condition | undefined {
  if (conditions.length === 0) return undefined;
  const kind = operator === 'OR' ? 'or' : 'and';
  return conditions.reduce((left, right) => ({ kind, left, right }));
}

/** QueryFilter or ScanFilter → Condition (undefined when empty). */
export function filterToCondition(filter: Record<string, LegacyCondition> | undefined | null, conditionalOperator?: string | null, layer: ValueLayer = 'current'): Condition | undefined {
  if (filter == null) return undefined;
  const conditions = Object.entries(filter).map(([name, c]) => {
    const op = c.ComparisonOperator ?? '';
    return comparison(name, op, checkedValues(op, c.AttributeValueList, layer));
  });
  return combine(conditions, conditionalOperator ?? undefined);
}

/** Expected → Condition (undefined when empty), with AWS's messages for inconsistent entries. */
export function expectedToCondition(expected: Record<string, LegacyExpected> | undefined | null, conditionalOperator?: string | null, layer: ValueLayer = 'current'): Condition | undefined {
  if (expected == null) return undefined;
  const conditions: Condition[] = [];
  for (const [name, c] of Object.entries(expected)) {
    if (c.AttributeValueList != null && c.Value != null) {
      throw validationException(`${INVALID}Value and AttributeValueList cannot be used together for Attribute: ${name}`);
    }
    if (c.ComparisonOperator != null) {
      const op = c.ComparisonOperator;
      if (c.Exists != null) throw validationException(`${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: ${name}`);
      if (op !== 'NULL' && op !== 'NOT_NULL' && c.AttributeValueList == null && c.Value == null) {
        throw validationException(`${INVALID}Value or AttributeValueList must be used with ComparisonOperator: ${op} for Attribute: ${name}`);
      }
      conditions.push(comparison(name, op, checkedValues(op, c.AttributeValueList ?? (c.Value != null ? [c.Value] : []), layer)));
    } else if (c.AttributeValueList != null) {
      throw validationException(`${INVALID}AttributeValueList can only be used with a ComparisonOperator for Attribute: ${name}`);
    } else {
      const exists = c.Exists == null || c.Exists;
      if (exists && c.Value == null) throw validationException(`${INVALID}Value must be provided when Exists is ${c.Exists == null ? 'null' : 'true'} for Attribute: ${name}`);
      if (!exists && c.Value != null) throw validationException(`${INVALID}Value cannot be used when Exists is false for Attribute: ${name}`);
      conditions.push(exists ? comparison(name, 'EQ', [validateAttributeValue(c.Value, { layer })]) : comparison(name, 'NULL', []));
    }
  }
  return combine(conditions, conditionalOperator ?? undefined);
}

const INDEXABLE = new Set<string>(['EQ', 'LE', 'LT', 'GE', 'GT', 'BEGINS_WITH', 'BETWEEN']);

/** KeyConditions → key condition parts for resolveKeyCondition. */
export function keyConditionsToParts(keyConditions: Record<string, LegacyCondition>, layer: ValueLayer = 'current'): KeyConditionPart[] {
  const parts = Object.entries(keyConditions).map(([name, c]) => {
    const op = c.ComparisonOperator ?? '';
    return { name, op, values: checkedValues(op, c.AttributeValueList, layer) };
  });
  if (parts.length !== 1 && parts.length !== 2) throw validationException('Conditions can be of length 1 or 2 only');
  for (const part of parts) {
    if (!INDEXABLE.has(part.op)) throw validationException('Attempted conditional constraint is not an indexable operation');
  }
  return parts.map((p) => ({ name: p.name, op: p.op as KeyOperator, values: p.values }));
}

/** AttributesToGet → projection paths. */
export function attributesToGetToPaths(names: readonly string[]): Path[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (nameTooLarge(name)) throw validationException(valueMessages.nameTooLarge);
    if (seen.has(name)) throw validationException(`${INVALID}Duplicate value in attribute name: ${name}`);
    seen.add(name);
  }
  return names.map((name) => [name]);
}
