/**
 * Step 2 for condition expressions (ConditionExpression, FilterExpression,
 * KeyConditionExpression): tokens → raw tree, by recursive descent with DynamoDB's precedence
 * (lowest first): OR, AND, NOT, then BETWEEN / IN / comparators / functions, with parentheses.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Precedence
 *
 * Parentheses may wrap a condition or an operand ("(a) BETWEEN (b) AND (:c)"), so primaries
 * return either; where a condition is required and an operand was found, the syntax error points
 * at the token after it, as AWS's does ("NOT #flag" → token "<EOF>", near "#flag").
 */
import { Cursor } from './cursor.js';
import { isConditionNode, isOperandNode, type RawComparator, type RawNode } from './raw-tree.js';
import { shallowerTokens } from './deep-parentheses.js';
import { checkExpressionSize, expressionError, syntaxError, tokenize, type Token } from './tokens.js';

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
const isKeyword = (upper: string): boolean => KEYWORDS.has(upper);
const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);

class ConditionParser extends Cursor {
  requireCondition(node: RawNode): RawNode {
    if (isOperandNode(node)) throw this.fail();
    return node;
  }

  parseOr(): RawNode {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      this.requireCondition(left);
      this.next();
      left = { kind: 'or', left, right: this.requireCondition(this.parseAnd()) };
    }
    return left;
  }

  parseAnd(): RawNode {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      this.requireCondition(left);
      this.next();
      left = { kind: 'and', left, right: this.requireCondition(this.parseNot()) };
    }
    return left;
  }

  parseNot(): RawNode {
    if (!this.isKeyword('NOT')) return this.parseComparison();
    this.next();
    return { kind: 'not', operand: this.requireCondition(this.parseNot()) };
  }

  operand(): RawNode {
    const at = this.pos;
    const node = this.parsePrimary();
    if (isConditionNode(node) && node.kind !== 'call' && !(node.kind === 'paren' && isCallInParens(node))) throw this.fail(at);
    return node;
  }

  parseComparison(): RawNode {
    const left = this.parsePrimary();
    const t = this.peek();
    if (t.kind === 'punct' && COMPARATORS.has(t.text)) {
      if (!isOperandish(left)) throw this.fail();
      this.next();
      return { kind: 'compare', op: t.text as RawComparator, left, right: this.operand() };
    }
    if (this.isKeyword('BETWEEN')) {
      if (!isOperandish(left)) throw this.fail();
      this.next();
      const low = this.operand();
      this.expectKeyword('AND');
      return { kind: 'between', operand: left, low, high: this.operand() };
    }
    if (this.isKeyword('IN')) {
      if (!isOperandish(left)) throw this.fail();
      this.next();
      this.expectPunct('(');
      const list = [this.operand()];
      while (this.isPunct(',')) {
        this.next();
        list.push(this.operand());
      }
      this.expectPunct(')');
      return { kind: 'in', operand: left, list };
    }
    return left;
  }

  parsePrimary(): RawNode {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      this.next();
      const inner = this.parseOr();
      this.expectPunct(')');
      return { kind: 'paren', inner };
    }
    if (t.kind === 'value') {
      this.next();
      return { kind: 'value', ref: t.text };
    }
    if (t.kind === 'ident' && this.isPunct('(', 1) && !isKeyword(t.text.toUpperCase())) {
      this.next();
      this.next();
      const args = [this.operand()];
      while (this.isPunct(',')) {
        this.next();
        args.push(this.operand());
      }
      this.expectPunct(')');
      return { kind: 'call', name: t.text, args };
    }
    return this.parsePath(isKeyword);
  }
}

const isCallInParens = (node: RawNode): boolean =>
  node.kind === 'call' || (node.kind === 'paren' && isCallInParens(node.inner));
const isOperandish = (node: RawNode): boolean => isOperandNode(node) || isCallInParens(node);

/** Parses a condition expression of `kind` ("ConditionExpression", ...) into its raw tree. */
export function parseConditionTree(kind: string, source: string): RawNode {
  if (source === '') throw expressionError(kind, 'The expression can not be empty;');
  checkExpressionSize(kind, source);
  const tokens = tokenize(source);
  try {
    return parseTokens(kind, source, tokens);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return parseTooDeep(kind, source, tokens);
  }
}

function parseTokens(kind: string, source: string, tokens: Token[]): RawNode {
  const parser = new ConditionParser(kind, source, tokens);
  const tree = parser.parseOr();
  if (!parser.atEnd() || isOperandNode(tree)) throw parser.fail();
  checkOperatorLimits(kind, tree);
  return tree;
}

/** Nesting past the parser's stack (deep-parentheses.ts): AWS's answer, never InternalFailure. */
function parseTooDeep(kind: string, source: string, tokens: Token[]): RawNode {
  const shallower = shallowerTokens(tokens);
  let tree: RawNode;
  try {
    tree = parseTokens(kind, source, shallower.tokens);
  } catch (e) {
    if (e instanceof RangeError) throw syntaxError(kind, source, tokens, tokens.length - 1);
    throw e;
  }
  if (shallower.redundant) throw expressionError(kind, 'The expression has redundant parentheses;');
  return tree;
}

export const MAX_OPERATORS = 300;
export const MAX_IN_OPERANDS = 100;

/** AWS's structural limits: 100 operands for IN, 300 operators (functions not counted) per expression. */
function checkOperatorLimits(kind: string, tree: RawNode): void {
  let operators = 0;
  const visit = (node: RawNode): void => {
    switch (node.kind) {
      case 'paren': visit(node.inner); return;
      case 'path': case 'value': return;
      // Function calls are not counted: 1,355 nested f() answer "Invalid function name; function: f"
      // (scylladb/scylladb test/alternator/test_limits.py test_deeply_nested_expression_5 quoting AWS).
      case 'call': node.args.forEach(visit); return;
      case 'compare': case 'and': case 'or': case 'arith': operators++; visit(node.left); visit(node.right); return;
      case 'not': operators++; visit(node.operand); return;
      case 'between': operators++; visit(node.operand); visit(node.low); visit(node.high); return;
      case 'in':
        if (node.list.length > MAX_IN_OPERANDS) throw expressionError(kind, `The IN operator is provided with too many operands; number of operands: ${node.list.length}`);
        operators++; visit(node.operand); node.list.forEach(visit);
    }
  };
  visit(tree);
  // AWS stops counting at the first operator past the limit: 909 operators answer "operator
  // count: 301" (scylladb/scylladb test/alternator/test_limits.py test_deeply_nested_expression_2).
  if (operators > MAX_OPERATORS) throw expressionError(kind, `The expression contains too many operators; operator count: ${MAX_OPERATORS + 1}`);
}
