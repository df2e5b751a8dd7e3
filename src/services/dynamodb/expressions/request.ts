/**
 * Every expression of one request, parsed and validated in AWS's order: the placeholder maps,
 * then UpdateExpression, ConditionExpression, KeyConditionExpression, FilterExpression,
 * ProjectionExpression, then names and values no expression used, then the key condition's
 * shape (one condition per key, no OR).
 */
import type { Condition } from './ast.js';
import { parseConditionTree } from './condition-parser.js';
import type { ConditionTrees } from './condition-trees.js';
import { resolveCondition } from './condition-validate.js';
import { ExpressionInput } from './expression-input.js';
import { keyConditionParts, resolveKeyConditionExpression, type KeyConditionPart } from './key-condition.js';
import type { Path } from './paths.js';
import { parseProjection } from './projection.js';
import { parseUpdate } from './update-validate.js';
import type { UpdateAst } from './update-ast.js';
import type { ValueLayer } from '../values/errors.js';

export interface ExpressionRequest {
  UpdateExpression?: string | null;
  ConditionExpression?: string | null;
  KeyConditionExpression?: string | null;
  FilterExpression?: string | null;
  ProjectionExpression?: string | null;
  ExpressionAttributeNames?: Record<string, string> | null;
  ExpressionAttributeValues?: Record<string, unknown> | null;
}

export interface ParsedExpressions {
  update?: UpdateAst;
  condition?: Condition;
  keyCondition?: KeyConditionPart[];
  filter?: Condition;
  projection?: Path[];
}

/** `trees`: the service's parsed trees by text (condition-trees.ts); without it the text is parsed. */
export function parseConditionExpression(kind: 'ConditionExpression' | 'FilterExpression', source: string, input: ExpressionInput, trees?: ConditionTrees): Condition {
  return resolveCondition(kind, trees !== undefined ? trees.parse(kind, source) : parseConditionTree(kind, source), input);
}

/**
 * Parses every expression of a request; throws AWS's ValidationException on the first problem.
 * `layer`: which validation layer words bad values (values/errors.ts: 'older' for Scan,
 * BatchWriteItem and the transactions, 'current' otherwise).
 */
export function parseRequestExpressions(request: ExpressionRequest, layer: ValueLayer = 'current', trees?: ConditionTrees): ParsedExpressions {
  const input = new ExpressionInput(request.ExpressionAttributeNames, request.ExpressionAttributeValues, layer);
  const parsed: ParsedExpressions = {};
  if (request.UpdateExpression != null) parsed.update = parseUpdate(request.UpdateExpression, input);
  if (request.ConditionExpression != null) parsed.condition = parseConditionExpression('ConditionExpression', request.ConditionExpression, input, trees);
  const keyCondition = request.KeyConditionExpression != null ? resolveKeyConditionExpression(request.KeyConditionExpression, input, trees) : undefined;
  if (request.FilterExpression != null) parsed.filter = parseConditionExpression('FilterExpression', request.FilterExpression, input, trees);
  if (request.ProjectionExpression != null) parsed.projection = parseProjection(request.ProjectionExpression, input);
  input.assertAllUsed();
  // The key condition's shape is checked after the unused names (key-condition.ts says why).
  if (keyCondition !== undefined) parsed.keyCondition = keyConditionParts(keyCondition);
  return parsed;
}
