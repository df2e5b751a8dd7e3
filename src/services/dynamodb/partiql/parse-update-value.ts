/**
 * The value of a PartiQL `SET path = <value>`: an operand, `a + b` / `a - b`, list_append(a, b),
 * or set_add / set_delete(path, set), which become ADD / DELETE of members.
 *
 * DynamoDB checks set_add and set_delete as it parses them, naming the place of the fault
 * (Cursor.positionOf), in these words (paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlFunctions.test.ts, AWS October 2026):
 *   - not two arguments: "SET_ADD must have exactly two arguments at <the function>";
 *   - a first argument that is not the assigned path: "The first argument to SET_ADD must equal
 *     the assignment value at <the function>";
 *   - a string or list literal to add: "The second argument to SET_ADD must be a value with type
 *     SET at <the first argument>".
 */
import type { Operand, Path, UpdateValue } from './ast.js';
import type { Cursor } from './cursor.js';
import { unsupportedStatement } from './errors.js';
import { parseOperand } from './parse-expression.js';

export function parseUpdateValue(c: Cursor, assigned: Path): UpdateValue {
  const t = c.peek();
  if (t.type === 'word' && c.isPunct('(', 1)) {
    const name = t.text.toLowerCase();
    if (name === 'list_append') {
      c.next(); c.next();
      const left = parseOperand(c);
      c.expectPunct(',');
      const right = parseOperand(c);
      c.expectPunct(')');
      return { kind: 'list_append', left, right };
    }
    if (name === 'set_add' || name === 'set_delete') return parseSetFunction(c, name, assigned);
  }
  const left = parseOperand(c);
  if (c.isPunct('+') || c.isPunct('-')) {
    const op = c.next().text as '+' | '-';
    return { kind: 'arith', op, left, right: parseOperand(c) };
  }
  return { kind: 'operand', operand: left };
}

function parseSetFunction(c: Cursor, name: 'set_add' | 'set_delete', assigned: Path): UpdateValue {
  const fn = c.next();
  c.next();
  const firstToken = c.peek();
  const operands: Operand[] = [];
  if (!c.acceptPunct(')')) {
    do operands.push(parseOperand(c)); while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  const NAME = name.toUpperCase();
  if (operands.length !== 2) throw unsupportedStatement(`${NAME} must have exactly two arguments at ${c.positionOf(fn)}`);
  const [first, value] = operands as [Operand, Operand];
  if (first.kind !== 'path' || !samePath(first.path, assigned)) {
    throw unsupportedStatement(`The first argument to ${NAME} must equal the assignment value at ${c.positionOf(fn)}`);
  }
  if (value.kind === 'value' && (value.value.kind === 'list' || value.value.kind === 'map' || (value.value.kind === 'literal' && value.value.value.S !== undefined))) {
    throw unsupportedStatement(`The second argument to ${NAME} must be a value with type SET at ${c.positionOf(firstToken)}`);
  }
  return { kind: name, path: first.path, value };
}

const samePath = (a: Path, b: Path): boolean => JSON.stringify(a.steps) === JSON.stringify(b.steps);
