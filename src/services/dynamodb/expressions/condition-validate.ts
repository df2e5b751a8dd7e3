/**
 * Step 3 for condition expressions: raw tree + ExpressionInput → resolved Condition, raising
 * AWS's errors in AWS's order. First whole-expression checks, by priority: redundant
 * parentheses, unknown function names, functions used in the wrong place, reserved words. Then
 * each condition in document order; the first one with a problem reports, by priority:
 * undefined placeholder (first in the text), wrong operand count, identical operands, wrong
 * operand type / missing document path / bad BETWEEN bounds.
 */
import { compareValues } from '../values/compare.js';
import { typeOf, type AttributeType, type AttributeValue } from '../values/types.js';
import type { Comparator, Condition, ConditionFunction, Operand } from './ast.js';
import type { ExpressionInput } from './expression-input.js';
import { pathsEqual, pathToString, type PathElement } from './paths.js';
import type { RawNode } from './raw-tree.js';
import { isReservedWord } from './reserved-words.js';
import { expressionError } from './tokens.js';

const OPERAND_COUNTS: Record<string, number> = {
  attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2, size: 1,
};
const TYPE_NAMES = new Set(['S', 'N', 'B', 'NULL', 'SS', 'BOOL', 'L', 'BS', 'NS', 'M']);
/**
 * UpdateExpression's functions are known names, refused in a condition with their own words
 * (scylladb/scylladb test/alternator/test_condition_expression.py test_update_condition_other_funcs
 * matches "not allowed" on AWS; the wording as AWS answers live calls, quoted in application
 * code comments: "The function is not allowed in a condition expression").
 */
const UPDATE_FUNCTIONS = new Set(['if_not_exists', 'list_append']);

type Position = 'condition' | 'operand';

/** Whole-expression checks, in AWS's priority order; returns the message or undefined. */
export function globalProblem(tree: RawNode): string | undefined {
  let parens = false;
  let unknown: string | undefined;
  let misused: string | undefined;
  let reserved: string | undefined;
  const visit = (node: RawNode, position: Position): void => {
    switch (node.kind) {
      case 'paren':
        if (node.inner.kind === 'paren') parens = true;
        visit(node.inner, position);
        return;
      case 'path':
        for (const e of node.elements) if (e.kind === 'ident' && isReservedWord(e.text)) reserved ??= e.text;
        return;
      case 'call':
        if (!(node.name in OPERAND_COUNTS)) {
          unknown ??= UPDATE_FUNCTIONS.has(node.name) ? `The function is not allowed in a condition expression; function: ${node.name}` : `Invalid function name; function: ${node.name}`;
        }
        else if ((position === 'condition') === (node.name === 'size')) misused ??= node.name;
        for (const arg of node.args) visit(arg, 'operand');
        return;
      case 'compare': visit(node.left, 'operand'); visit(node.right, 'operand'); return;
      case 'between': visit(node.operand, 'operand'); visit(node.low, 'operand'); visit(node.high, 'operand'); return;
      case 'in': visit(node.operand, 'operand'); for (const o of node.list) visit(o, 'operand'); return;
      case 'and': case 'or': visit(node.left, 'condition'); visit(node.right, 'condition'); return;
      case 'not': visit(node.operand, 'condition'); return;
      default: return;
    }
  };
  visit(tree, 'condition');
  if (parens) return 'The expression has redundant parentheses;';
  if (unknown !== undefined) return unknown;
  if (misused !== undefined) return `The function is not allowed to be used this way in an expression; function: ${misused}`;
  if (reserved !== undefined) return `Attribute name is a reserved keyword; reserved keyword: ${reserved}`;
  return undefined;
}

/** The problems of one condition, kept by category; the first of each category wins. */
class LeafProblems {
  placeholder: string | undefined;
  operands: string | undefined;
  distinct: string | undefined;
  operandType: string | undefined;
  first(): string | undefined {
    return this.placeholder ?? this.operands ?? this.distinct ?? this.operandType;
  }
}

const unwrap = (node: RawNode): RawNode => (node.kind === 'paren' ? unwrap(node.inner) : node);

/** A value's text in BETWEEN messages: {N:1}, {S:a}. */
function valueText(value: AttributeValue): string {
  const type = typeOf(value);
  const payload: unknown = value[type];
  return `{${type}:${payload instanceof Uint8Array ? Buffer.from(payload).toString('base64') : String(payload)}}`;
}

const operandType = (operand: Operand): AttributeType | undefined =>
  operand.kind === 'value' ? typeOf(operand.value) : operand.kind === 'size' ? 'N' : undefined;

class Resolver {
  constructor(private readonly input: ExpressionInput) {}

  operand(node: RawNode, problems: LeafProblems): Operand {
    const n = unwrap(node);
    if (n.kind === 'path') {
      const path: PathElement[] = [];
      for (const e of n.elements) {
        if (e.kind === 'ident') path.push(e.text);
        else if (e.kind === 'index') path.push(Number(e.text));
        else {
          const name = this.input.name(e.text);
          if (name === undefined) problems.placeholder ??= `An expression attribute name used in the document path is not defined; attribute name: ${e.text}`;
          path.push(name ?? e.text);
        }
      }
      return { kind: 'path', path };
    }
    if (n.kind === 'value') {
      const value = this.input.value(n.ref);
      if (value === undefined) problems.placeholder ??= `An expression attribute value used in expression is not defined; attribute value: ${n.ref}`;
      return { kind: 'value', value: value ?? { NULL: true } };
    }
    if (n.kind === 'call') { // only size() reaches here: other misplaced functions were refused globally
      const args = n.args.map((a) => this.operand(a, problems));
      if (args.length !== 1) problems.operands ??= operandCountMessage('size', args.length);
      const type = operandType(args[0]!);
      if (type === 'N' || type === 'BOOL' || type === 'NULL') problems.operandType ??= operandTypeMessage('size', type);
      return { kind: 'size', operand: args[0]! };
    }
    throw new Error(`unexpected ${n.kind} in operand position`);
  }

  distinct(op: string, a: Operand, b: Operand, problems: LeafProblems): void {
    if (a.kind === 'path' && b.kind === 'path' && pathsEqual(a.path, b.path)) {
      problems.distinct ??= `The first operand must be distinct from the remaining operands for this operator or function; operator: ${op}, first operand: ${pathToString(a.path)}`;
    }
  }

  /** Ordering operators take only strings, numbers and binary (AWS: "... operator or function: <, operand type: BOOL"). */
  orderable(op: string, operands: Operand[], problems: LeafProblems): void {
    for (const operand of operands) {
      const type = operandType(operand);
      if (type !== undefined && type !== 'S' && type !== 'N' && type !== 'B') { problems.operandType ??= operandTypeMessage(op, type); return; }
    }
  }

  leaf(node: RawNode, problems: LeafProblems): Condition {
    switch (node.kind) {
      case 'compare': {
        const left = this.operand(node.left, problems);
        const right = this.operand(node.right, problems);
        this.distinct(node.op, left, right, problems);
        if (node.op !== '=' && node.op !== '<>') this.orderable(node.op, [left, right], problems);
        return { kind: 'compare', op: node.op as Comparator, left, right };
      }
      case 'between': {
        const operand = this.operand(node.operand, problems);
        const low = this.operand(node.low, problems);
        const high = this.operand(node.high, problems);
        this.orderable('BETWEEN', [operand, low, high], problems);
        if (low.kind === 'value' && high.kind === 'value' && !problems.placeholder) {
          const bounds = `lower bound operand: AttributeValue: ${valueText(low.value)}, upper bound operand: AttributeValue: ${valueText(high.value)}`;
          if (typeOf(low.value) !== typeOf(high.value)) {
            problems.operandType ??= `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`;
          } else if ((compareValues(low.value, high.value) ?? 0) > 0) {
            problems.operandType ??= `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`;
          }
        }
        return { kind: 'between', operand, low, high };
      }
      case 'in':
        return { kind: 'in', operand: this.operand(node.operand, problems), list: node.list.map((o) => this.operand(o, problems)) };
      case 'call':
        return this.call(node.name as ConditionFunction, node.args, problems);
      default:
        throw new Error(`unexpected ${node.kind} as a condition`);
    }
  }

  call(name: ConditionFunction, rawArgs: RawNode[], problems: LeafProblems): Condition {
    const args = rawArgs.map((a) => this.operand(a, problems));
    if (args.length !== OPERAND_COUNTS[name]) problems.operands ??= operandCountMessage(name, args.length);
    if (args.length === 2) this.distinct(name, args[0]!, args[1]!, problems);
    switch (name) {
      case 'attribute_exists':
      case 'attribute_not_exists':
        if (args[0]!.kind !== 'path') problems.operandType ??= `Operator or function requires a document path; operator or function: ${name}`;
        break;
      case 'begins_with':
        for (const arg of args) {
          const type = operandType(arg);
          if (type !== undefined && type !== 'S' && type !== 'B') { problems.operandType ??= operandTypeMessage(name, type); break; }
        }
        break;
      case 'attribute_type': {
        const arg = args[1];
        if (arg === undefined) break;
        const type = operandType(arg);
        if (type !== 'S') problems.operandType ??= operandTypeMessage(name, type ?? '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}');
        else if (arg.kind === 'value' && !TYPE_NAMES.has(arg.value.S!)) {
          problems.operandType ??= `Invalid attribute type name found; type: ${arg.value.S}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`;
        }
        break;
      }
      default:
        break;
    }
    return { kind: 'function', name, args };
  }

  condition(node: RawNode): Condition {
    switch (node.kind) {
      case 'paren': return this.condition(node.inner);
      case 'and': case 'or': {
        const left = this.condition(node.left);
        return { kind: node.kind, left, right: this.condition(node.right) };
      }
      case 'not': return { kind: 'not', condition: this.condition(node.operand) };
      default: {
        const problems = new LeafProblems();
        const condition = this.leaf(node, problems);
        const problem = problems.first();
        if (problem !== undefined) throw new LeafError(problem);
        return condition;
      }
    }
  }
}

class LeafError {
  constructor(readonly message: string) {}
}

export const operandCountMessage = (name: string, count: number): string =>
  `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${count}`;
export const operandTypeMessage = (name: string, type: string): string =>
  `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${type}`;

/** Validates a raw condition tree of expression `kind` and resolves it against `input`. */
export function resolveCondition(kind: string, tree: RawNode, input: ExpressionInput): Condition {
  const problem = globalProblem(tree);
  if (problem !== undefined) throw expressionError(kind, problem);
  try {
    return new Resolver(input).condition(tree);
  } catch (error) {
    if (error instanceof LeafError) throw expressionError(kind, error.message);
    throw error;
  }
}
