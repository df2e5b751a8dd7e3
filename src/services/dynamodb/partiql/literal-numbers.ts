/**
 * DynamoDB's number limits on the number literals of a statement. A literal past them is refused
 * with the usual number message and the literal's place inside its value after it, "under root",
 * "under root.x", "under root[1]" (an INSERT item's attributes are each a root), and without the
 * "1 validation error detected: " envelope PutItem would add: paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts, pinned on AWS in October 2026. A literal
 * whose exponent or scale does not fit 32 bits is a parse error (tokenize.ts).
 */
import type { Statement, ValueExpr } from './ast.js';
import { parseDecimal } from '../values/number.js';
import { ddbErrors } from '../errors.js';

export function checkLiteralNumbers(statement: Statement): void {
  if (statement.kind === 'insert' && statement.item.kind === 'map') {
    for (const [, value] of statement.item.entries) checkValue(value, 'root');
    return;
  }
  visit(statement);
}

/** Finds each operand value (`{kind: 'value'}`) in a WHERE or SET, wherever it sits. */
function visit(node: unknown): void {
  if (Array.isArray(node)) { for (const n of node) visit(n); return; }
  if (node === null || typeof node !== 'object') return;
  const n = node as { kind?: string; value?: ValueExpr };
  if (n.kind === 'value' && n.value !== undefined) { checkValue(n.value, 'root'); return; }
  for (const key in n) visit((n as Record<string, unknown>)[key]);
}

function checkValue(value: ValueExpr, path: string): void {
  switch (value.kind) {
    case 'literal': {
      if (value.value.N === undefined) return;
      const parsed = parseDecimal(value.value.N);
      if (typeof parsed === 'string') throw ddbErrors.validation(`${parsed} under ${path}`);
      return;
    }
    case 'map': for (const [k, v] of value.entries) checkValue(v, `${path}.${k}`); return;
    case 'list': value.items.forEach((v, i) => checkValue(v, `${path}[${i}]`)); return;
    case 'bag': for (const v of value.items) checkValue(v, path); return;
    default:
  }
}
