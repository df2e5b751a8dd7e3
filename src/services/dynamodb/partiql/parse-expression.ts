/**
 * The expression half of the PartiQL parser: paths, literal values, operands, WHERE conditions
 * (OR < AND < NOT < predicates, as in SQL) and the right-hand side of UPDATE's SET.
 */
import type { Comparator, Condition, ConditionFunction, Operand, Path, PathStep, ValueExpr } from './ast.js';
import type { Cursor } from './cursor.js';
import { inNeedsList, statementNotWellFormed, unsupportedStatement } from './errors.js';

const COMPARATORS: Record<string, Comparator> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const FUNCTIONS: ReadonlySet<string> = new Set<ConditionFunction>(['begins_with', 'contains', 'attribute_type', 'attribute_exists', 'attribute_not_exists']);

export function parsePath(c: Cursor): Path {
  const steps: PathStep[] = [{ kind: 'name', name: c.identifier() }];
  for (;;) {
    if (c.acceptPunct('.')) {
      // A keyword after the dot, even one PartiQL keeps only for joins such as INNER: DynamoDB
      // answers `attribute_exists(m.inner)` so (paritysuite/dynamodb-conformance
      // tests/tier3/error-messages/partiqlFunctions.test.ts, "a path through an attribute named inner").
      if ((c.peek().type === 'word' && !c.isIdentifier()) || c.isKeyword('INNER')) throw statementNotWellFormed('Invalid path dot component');
      steps.push({ kind: 'name', name: c.identifier() });
      continue;
    }
    if (c.acceptPunct('[')) {
      const t = c.next();
      if (t.type === 'number' && /^\d+$/.test(t.text)) steps.push({ kind: 'index', index: Number(t.text) });
      else if (t.type === 'string') steps.push({ kind: 'name', name: t.text });
      else throw statementNotWellFormed('Invalid path component, expected either a string or an integer');
      c.expectPunct(']');
      continue;
    }
    return { steps };
  }
}

/** True when the token under the cursor starts a literal or a parameter. */
function startsValue(c: Cursor): boolean {
  const t = c.peek();
  if (t.type === 'string' || t.type === 'number' || t.type === 'param') return true;
  if (t.type === 'punct') return ['{', '[', '<<', '-'].includes(t.text);
  return c.isKeyword('TRUE') || c.isKeyword('FALSE') || c.isKeyword('NULL');
}

export function parseValue(c: Cursor): ValueExpr {
  const t = c.next();
  switch (t.type) {
    case 'string': return { kind: 'literal', value: { S: t.text } };
    case 'number': return { kind: 'literal', value: { N: t.text } };
    case 'param': return { kind: 'param', index: c.params++ };
    case 'word': {
      const word = t.text.toUpperCase();
      if (word === 'TRUE' || word === 'FALSE') return { kind: 'literal', value: { BOOL: word === 'TRUE' } };
      if (word === 'NULL') return { kind: 'literal', value: { NULL: true } };
      // A call inside an item literal: `VALUE {'pk': 'x', 'ss': set_add(<<'a'>>, <<'b'>>)}` is
      // "Unsupported data type: set_add under key root at 1:c:7" (paritysuite/dynamodb-conformance
      // tests/tier3/error-messages/partiqlFunctions.test.ts, "set_add in an INSERT value", AWS October 2026).
      if (c.isPunct('(')) throw unsupportedStatement(`Unsupported data type: ${t.text.toLowerCase()} under key root at ${c.positionOf(t)}`);
      break;
    }
    case 'punct':
      if (t.text === '-' && c.peek().type === 'number') return { kind: 'literal', value: { N: `-${c.next().text}` } };
      if (t.text === '{') return parseMapRest(c);
      if (t.text === '[') return { kind: 'list', items: parseValuesUntil(c, ']') };
      if (t.text === '<<') return { kind: 'bag', items: parseValuesUntil(c, '>>') };
      // A value in parentheses is the value: AWS stored `VALUE {'pk': ('parenthesized'), 'sk':
      // (104), ...}` as pk 'parenthesized', sk 104 (radkawar/stackd testdata/aws/dynamodb/
      // partiql_key_ordering.json seq 46, AWS us-east-1, 2026-09-17).
      if (t.text === '(') {
        const inner = parseValue(c);
        c.expectPunct(')');
        return inner;
      }
      break;
    default:
  }
  // The statement's end where a value must start is a missing term, as in a WHERE (parseOperand).
  throw statementNotWellFormed('Unexpected term');
}

function parseMapRest(c: Cursor): ValueExpr {
  const entries: Array<[string, ValueExpr]> = [];
  if (c.acceptPunct('}')) return { kind: 'map', entries };
  do {
    const key = c.next();
    if (key.type !== 'string') throw statementNotWellFormed('Unexpected term');
    c.expectPunct(':');
    entries.push([key.text, parseValue(c)]);
    refuseOperator(c);
  } while (c.acceptPunct(','));
  c.expectPunct('}');
  return { kind: 'map', entries };
}

/**
 * An arithmetic or concatenation operator after an item's value is refused as a call is, where
 * it stands: `'sk': 100 + 1` "Unsupported data type: plus under key root at 1:92:1", `105 - 2`
 * "minus", `'string-' || 'concat'` "concat ... at 1:77:2" (radkawar/stackd testdata/aws/dynamodb/
 * partiql_key_ordering.json seq 40-48, AWS us-east-1, 2026-09-17). Other operators: not captured.
 */
const OPERATOR_NAMES: Readonly<Record<string, string>> = { '+': 'plus', '-': 'minus', '||': 'concat' };

function refuseOperator(c: Cursor): void {
  const t = c.peek();
  const name = t.type === 'punct' ? OPERATOR_NAMES[t.text] : undefined;
  if (name !== undefined) throw unsupportedStatement(`Unsupported data type: ${name} under key root at ${c.positionOf(t)}`);
}

function parseValuesUntil(c: Cursor, close: string): ValueExpr[] {
  const items: ValueExpr[] = [];
  if (c.acceptPunct(close)) return items;
  do items.push(parseValue(c)); while (c.acceptPunct(','));
  c.expectPunct(close);
  return items;
}

export function parseOperand(c: Cursor): Operand {
  if (startsValue(c)) return { kind: 'value', value: parseValue(c) };
  if (c.peek().type === 'word' && c.peek().text.toLowerCase() === 'size' && c.isPunct('(', 1)) {
    c.next();
    c.next();
    const path = parsePath(c);
    c.expectPunct(')');
    return { kind: 'size', path };
  }
  if (!c.isIdentifier()) throw c.unexpectedTerm();
  return { kind: 'path', path: parsePath(c) };
}

/**
 * An infix operator with nothing after it: `WHERE pk = 'p1' AND` is "Missing right-hand side
 * expression of infix operator" (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts, AWS October 2026, AND and OR).
 */
function rightHandSide(c: Cursor): void {
  if (c.atStatementEnd()) throw statementNotWellFormed('Missing right-hand side expression of infix operator');
}

export function parseCondition(c: Cursor): Condition {
  let left = parseAnd(c);
  while (c.acceptKeyword('OR')) { rightHandSide(c); left = { kind: 'or', left, right: parseAnd(c) }; }
  return left;
}

function parseAnd(c: Cursor): Condition {
  let left = parseNot(c);
  while (c.acceptKeyword('AND')) { rightHandSide(c); left = { kind: 'and', left, right: parseNot(c) }; }
  return left;
}

function parseNot(c: Cursor): Condition {
  if (c.acceptKeyword('NOT')) return { kind: 'not', operand: parseNot(c) };
  return parsePredicate(c);
}

function parsePredicate(c: Cursor): Condition {
  if (c.acceptPunct('(')) {
    const inner = parseCondition(c);
    c.expectPunct(')');
    return inner;
  }
  const t = c.peek();
  if (t.type === 'word' && FUNCTIONS.has(t.text.toLowerCase()) && c.isPunct('(', 1)) return comparedWithBoolean(c, parseFunction(c));
  // Any other call but size(): `EXISTS(ss)` is "Unrecognized function: exists at 1:c:6", as is
  // set_add in a WHERE (paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts).
  if (t.type === 'word' && c.isPunct('(', 1) && t.text.toLowerCase() !== 'size') throw unsupportedStatement(`Unrecognized function: ${t.text.toLowerCase()} at ${c.positionOf(t)}`);
  const subject = parseOperand(c);
  const op = c.peek();
  if (op.type === 'punct' && COMPARATORS[op.text]) {
    c.next();
    rightHandSide(c);
    return { kind: 'compare', op: COMPARATORS[op.text]!, left: subject, right: parseOperand(c) };
  }
  const negated = c.acceptKeyword('NOT');
  let predicate: Condition;
  if (c.acceptKeyword('BETWEEN')) {
    const low = parseOperand(c);
    c.expectKeyword('AND');
    predicate = { kind: 'between', subject, low, high: parseOperand(c) };
  } else if (c.acceptKeyword('IN')) {
    predicate = { kind: 'in', subject, list: parseInList(c) };
  } else if (!negated && c.acceptKeyword('IS')) {
    const isNot = c.acceptKeyword('NOT');
    const type = IS_TYPES[c.peek().type === 'word' ? c.peek().text.toUpperCase() : ''];
    if (type !== undefined) {
      c.next();
      if (subject.kind !== 'path') throw statementNotWellFormed('Unexpected term');
      const typed: Condition = { kind: 'function', name: 'attribute_type', path: subject.path, arg: { kind: 'value', value: { kind: 'literal', value: { S: type } } } };
      return isNot ? { kind: 'not', operand: typed } : typed;
    }
    if (c.acceptKeyword('MISSING')) {
      if (subject.kind !== 'path') throw statementNotWellFormed('Unexpected term');
      return { kind: 'missing', path: subject.path, negated: isNot };
    }
    // Another of PartiQL's type names is a type test DynamoDB does not run (as it answers a bare
    // `x IS INT4`); a word that names no type is "Expected type name" (paritysuite partiqlGrammar.test.ts).
    if (acceptTypeName(c)) throw unsupportedStatement('Unsupported operation: IsType');
    throw statementNotWellFormed('Expected type name');
  } else {
    throw c.unexpected();
  }
  return negated ? { kind: 'not', operand: predicate } : predicate;
}

/**
 * `a IS NULL`, `a IS BOOL`, `a IS STRING` (and IS NOT ...) filter on the attribute's type, as
 * attribute_type does (paritysuite/dynamodb-conformance tests/tier2/partiql/whereFunctions.test.ts,
 * "IS NULL runs as a filter", "IS with a type name runs as a filter", AWS October 2026). Only the
 * type names that suite pins are read; IS NOT of a missing attribute is true, as NOT attribute_type.
 */
const IS_TYPES: Record<string, string> = { NULL: 'NULL', BOOL: 'BOOL', STRING: 'S' };

/** PartiQL's type names (its lexer's list), the two-word ones as they are spelt. */
const TYPE_NAMES = new Set([
  'MISSING', 'NULL', 'BOOL', 'BOOLEAN', 'SMALLINT', 'INT2', 'INTEGER2', 'INT', 'INT4', 'INTEGER4', 'INTEGER', 'INT8', 'INTEGER8',
  'BIGINT', 'FLOAT', 'REAL', 'DECIMAL', 'DEC', 'NUMERIC', 'TIMESTAMP', 'CHAR', 'CHARACTER', 'VARCHAR', 'STRING', 'SYMBOL',
  'CLOB', 'BLOB', 'STRUCT', 'TUPLE', 'LIST', 'SEXP', 'BAG', 'DATE', 'TIME',
]);

/** Reads a type name after IS (`DOUBLE PRECISION` and `CHARACTER VARYING` are two words); false when there is none. */
export function acceptTypeName(c: Cursor): boolean {
  if (c.isKeyword('DOUBLE') && c.isKeyword('PRECISION', 1)) { c.next(); c.next(); return true; }
  if (c.isKeyword('CHARACTER') && c.isKeyword('VARYING', 1)) { c.next(); c.next(); return true; }
  if (c.peek().type === 'word' && TYPE_NAMES.has(c.peek().text.toUpperCase())) { c.next(); return true; }
  return false;
}

/** `attribute_exists(a) = true` (or `<> false`, ...) is the function itself, or its negation (same suite, "can be compared with true"). */
function comparedWithBoolean(c: Cursor, fn: Condition): Condition {
  if (!(c.isPunct('=') || c.isPunct('<>') || c.isPunct('!=')) || !(c.isKeyword('TRUE', 1) || c.isKeyword('FALSE', 1))) return fn;
  const equal = c.next().text === '=';
  const value = c.next().text.toUpperCase() === 'TRUE';
  return equal === value ? fn : { kind: 'not', operand: fn };
}

/**
 * IN's right side is a list of at least one member: `IN ?` (a list parameter) and `IN []` are
 * refused in the words AWS answered (radkawar/stackd testdata/aws/dynamodb/
 * partiql_ordered_partitions.json string-parameter-list, partiql_ordered_ranges.json
 * empty-sort-in, AWS us-east-1, 2026-09-17).
 */
function parseInList(c: Cursor): Operand[] {
  if (c.peek().type === 'param' || (c.isPunct('[') && c.isPunct(']', 1))) throw inNeedsList();
  const close = c.acceptPunct('[') ? ']' : (c.expectPunct('('), ')');
  const list: Operand[] = [];
  do list.push(parseOperand(c)); while (c.acceptPunct(','));
  c.expectPunct(close);
  return list;
}

/**
 * A condition function. Its operands are read as any operands, then counted and the first checked
 * to be a path, in the words of DynamoDB's expression checks: `attribute_exists()` is "Incorrect
 * number of operands ...: attribute_exists, number of operands: 0", `attribute_exists('ss')` or
 * `(?)` "Operator or function requires a document path; operator or function: attribute_exists"
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts, AWS 2026).
 */
function parseFunction(c: Cursor): Condition {
  const name = c.next().text.toLowerCase() as ConditionFunction;
  c.expectPunct('(');
  const operands: Operand[] = [];
  if (!c.acceptPunct(')')) {
    do operands.push(parseOperand(c)); while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  const expected = name === 'attribute_exists' || name === 'attribute_not_exists' ? 1 : 2;
  if (operands.length !== expected) {
    throw unsupportedStatement(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${operands.length}`);
  }
  const [first, arg] = operands;
  if (first!.kind !== 'path') throw unsupportedStatement(`Operator or function requires a document path; operator or function: ${name}`);
  return arg ? { kind: 'function', name, path: first!.path, arg } : { kind: 'function', name, path: first!.path };
}
