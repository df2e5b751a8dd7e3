/**
 * The top-level attribute names a condition reads (the head of every path it names). Query uses
 * it to refuse a filter on a key attribute, and Scan/Query to read only those attributes of an
 * item before deciding to decode the rest.
 */
import type { Condition, Operand } from './ast.js';

function operandHeads(operand: Operand, out: Set<string>): void {
  if (operand.kind === 'path') out.add(operand.path[0] as string);
  else if (operand.kind === 'size') operandHeads(operand.operand, out);
}

export function conditionAttributes(condition: Condition, out = new Set<string>()): Set<string> {
  switch (condition.kind) {
    case 'compare': operandHeads(condition.left, out); operandHeads(condition.right, out); break;
    case 'between': operandHeads(condition.operand, out); operandHeads(condition.low, out); operandHeads(condition.high, out); break;
    case 'in': operandHeads(condition.operand, out); for (const o of condition.list) operandHeads(o, out); break;
    case 'and': case 'or': conditionAttributes(condition.left, out); conditionAttributes(condition.right, out); break;
    case 'not': conditionAttributes(condition.condition, out); break;
    case 'function': for (const o of condition.args) operandHeads(o, out); break;
  }
  return out;
}
