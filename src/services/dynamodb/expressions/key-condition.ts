/**
 * KeyConditionExpression (and legacy KeyConditions): one equality on the partition key and at
 * most one condition on the sort key (=, <, <=, >, >=, BETWEEN, begins_with). Two stages, as AWS:
 * `parseKeyCondition` checks the expression alone when the request arrives; `resolveKeyCondition`
 * checks it against the table's (or index's) key schema once the table is known.
 */
import { validationException } from '../values/errors.js';
import { compareValues } from '../values/compare.js';
import { bytesStartWith } from '../values/ordering.js';
import type { AttributeValue } from '../values/types.js';
import type { Condition, Operand } from './ast.js';
import { parseConditionTree } from './condition-parser.js';
import type { ConditionTrees } from './condition-trees.js';
import { resolveCondition } from './condition-validate.js';
import type { ExpressionInput } from './expression-input.js';

export type KeyOperator = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';

/** One condition on one key attribute: `name op values` (BETWEEN has two values, others one). */
export interface KeyConditionPart {
  name: string;
  op: KeyOperator;
  values: AttributeValue[];
}

export interface KeySchema {
  hash: string;
  range?: string;
  /** The scalar type of each key attribute (from AttributeDefinitions). */
  types: Record<string, 'S' | 'N' | 'B'>;
}

export interface KeyCondition {
  hash: { name: string; value: AttributeValue };
  range?: KeyConditionPart;
}

const FLIPPED: Record<string, KeyOperator> = { '=': 'EQ', '<': 'GT', '<=': 'GE', '>': 'LT', '>=': 'LE' };
const DIRECT: Record<string, KeyOperator> = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };

const invalidOperator = (op: string): Error => validationException(`Invalid operator used in KeyConditionExpression: ${op}`);
const invalidCondition = (what: string): Error => validationException(`Invalid condition in KeyConditionExpression: ${what}`);

function keyPart(op: string, operands: Operand[], flipIfKeyLast: boolean, seen: Map<string, KeyConditionPart>): void {
  let name: string | undefined;
  let keyIndex = 0;
  const values: AttributeValue[] = [];
  operands.forEach((operand, i) => {
    if (operand.kind === 'size') throw validationException('KeyConditionExpressions cannot contain nested operations');
    if (operand.kind === 'path') {
      if (name !== undefined) throw invalidCondition('Multiple attribute names used in one condition');
      if (operand.path.length > 1) throw validationException('KeyConditionExpressions cannot have conditions on nested attributes');
      name = operand.path[0] as string;
      keyIndex = i;
    } else {
      values.push(operand.value);
    }
  });
  if (name === undefined) throw invalidCondition('No key attribute specified');
  // Prefixed, unlike the other key-condition messages (captured against AWS, 2026-10).
  if (seen.has(name)) throw validationException('Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key');
  const keyOp: KeyOperator = op === 'BETWEEN' ? 'BETWEEN' : op === 'begins_with' ? 'BEGINS_WITH'
    : (flipIfKeyLast && keyIndex > 0 ? FLIPPED : DIRECT)[op]!;
  seen.set(name, { name, op: keyOp, values });
}

function collect(condition: Condition, seen: Map<string, KeyConditionPart>): void {
  switch (condition.kind) {
    case 'and': collect(condition.left, seen); collect(condition.right, seen); return;
    case 'or': throw invalidOperator('OR');
    case 'not': throw invalidOperator('NOT');
    case 'in': throw invalidOperator('IN');
    case 'compare':
      if (condition.op === '<>') throw invalidOperator('<>');
      keyPart(condition.op, [condition.left, condition.right], true, seen);
      return;
    case 'between':
      if (condition.operand.kind !== 'path') throw invalidCondition('BETWEEN operator must have the key attribute as its first operand');
      keyPart('BETWEEN', [condition.operand, condition.low, condition.high], false, seen);
      return;
    case 'function':
      if (condition.name !== 'begins_with') throw invalidOperator(condition.name);
      if (condition.args[0]?.kind !== 'path') throw invalidCondition('begins_with operator must have the key attribute as its first operand');
      keyPart('begins_with', condition.args, false, seen);
  }
}

/**
 * Parses a KeyConditionExpression and resolves its placeholders (syntax, undefined names and
 * values, operand types). Its shape as a key condition is checked apart, by keyConditionParts:
 * AWS refuses unused ExpressionAttributeNames before a shape error such as two attribute names
 * in one condition (moto's aws_verified test_query_unused_attribute_name).
 */
export function resolveKeyConditionExpression(source: string, input: ExpressionInput, trees?: ConditionTrees): Condition {
  const kind = 'KeyConditionExpression';
  return resolveCondition(kind, trees !== undefined ? trees.parse(kind, source) : parseConditionTree(kind, source), input);
}

/** The key condition parts of a resolved KeyConditionExpression (schema-free shape checks). */
export function keyConditionParts(condition: Condition): KeyConditionPart[] {
  const seen = new Map<string, KeyConditionPart>();
  collect(condition, seen);
  return [...seen.values()];
}

/** Parses and validates a KeyConditionExpression on its own (schema-free checks). */
export function parseKeyCondition(source: string, input: ExpressionInput, trees?: ConditionTrees): KeyConditionPart[] {
  return keyConditionParts(resolveKeyConditionExpression(source, input, trees));
}

/**
 * Checks key condition parts (from the expression or legacy KeyConditions) against a key
 * schema: the partition key with EQ, at most the sort key besides, values of the key's type.
 */
export function resolveKeyCondition(parts: readonly KeyConditionPart[], schema: KeySchema): KeyCondition {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const keys = schema.range === undefined ? [schema.hash] : [schema.hash, schema.range];
  if (parts.length > keys.length) {
    throw validationException(`The number of query conditions (${parts.length}) exceeds the number of key attributes defined in the schema (${keys.length})`);
  }
  for (const [i, key] of keys.entries()) {
    const isHash = i === 0;
    const part = byName.get(key);
    if (part === undefined) {
      if (isHash || byName.size > 1) throw validationException(`Query condition missed key schema element: ${key}`);
      continue;
    }
    const type = schema.types[key];
    if (part.values.some((v) => type === undefined || v[type] === undefined)) {
      throw validationException('One or more parameter values were invalid: Condition parameter type does not match schema type');
    }
    if (isHash && part.op !== 'EQ') throw validationException('Query key condition not supported');
  }
  const hash = byName.get(schema.hash)!;
  const range = schema.range === undefined ? undefined : byName.get(schema.range);
  return { hash: { name: hash.name, value: hash.values[0]! }, ...(range ? { range } : {}) };
}

/** Does a sort-key value satisfy the range condition? */
export function rangeMatches(range: KeyConditionPart, value: AttributeValue): boolean {
  const [a, b] = range.values as [AttributeValue, AttributeValue | undefined];
  if (range.op === 'BEGINS_WITH') {
    if (value.S !== undefined) return a.S !== undefined && value.S.startsWith(a.S);
    return value.B !== undefined && a.B !== undefined && bytesStartWith(value.B, a.B);
  }
  const c = compareValues(value, a);
  if (c === undefined) return false;
  switch (range.op) {
    case 'EQ': return c === 0;
    case 'LT': return c < 0;
    case 'LE': return c <= 0;
    case 'GT': return c > 0;
    case 'GE': return c >= 0;
    case 'BETWEEN': { const d = compareValues(value, b!); return c >= 0 && d !== undefined && d <= 0; }
  }
}
