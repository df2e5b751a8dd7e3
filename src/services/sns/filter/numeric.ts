/**
 * A `numeric` match: `[op, n]` or a range `[">"|">=", n, "<"|"<=", m]`, judged element by
 * element in the order SNS's parser reads them, so that the first error found and its location
 * are AWS's: an operator is judged once the token after it has been read, the second operator as
 * soon as its text is read, a range's order only at its closing bracket. (AWS's answers in
 * localstack tests/aws/services/sns/test_sns_filter_policy.snapshot.json,
 * test_validate_policy_numeric_operator, 2024-05-14.)
 */
import type { Condition } from './compile.js';
import type { JsonPath, Reading } from './json-location.js';
import { barf, type Rules } from './policy-error.js';

const OPERATORS = new Set(['<', '<=', '=', '>', '>=']);

export function compileNumeric(value: unknown, at: JsonPath, rules: Rules): Condition {
  if (!Array.isArray(value)) throw barf(rules, 'Invalid member in numeric match: ]', at);
  /** Element i as the next token, or the closing bracket when the array has no element i. */
  const next = (i: number): [JsonPath, Reading] => (i < value.length ? [[...at, i], 'token'] : [at, 'close']);
  const member = (i: number): string => (i < value.length ? rules.loc.tokenText([...at, i]) : ']');
  const op = value[0] as unknown;
  if (typeof op !== 'string') throw barf(rules, `Invalid member in numeric match: ${member(0)}`, ...next(0));
  if (!OPERATORS.has(op)) throw barf(rules, `Unrecognized numeric range operator: ${op}`, ...next(1));
  const n = value[1] as unknown;
  if (typeof n !== 'number') throw barf(rules, `Value of ${op === '=' ? 'equals' : op} must be numeric`, ...next(1));
  checkRange(n, [...at, 1], rules);
  if (value.length === 2) {
    if (op === '=') return { kind: 'numeric', equals: n };
    return op.startsWith('>') ? { kind: 'numeric', lower: { n, inclusive: op === '>=' } } : { kind: 'numeric', upper: { n, inclusive: op === '<=' } };
  }
  if (op !== '>' && op !== '>=') throw barf(rules, 'Too many elements in numeric expression', ...next(2));
  const op2 = value[2] as unknown;
  if (typeof op2 !== 'string') throw barf(rules, `Bad value in numeric range: ${member(2)}`, ...next(2));
  if (op2 !== '<' && op2 !== '<=') throw barf(rules, `Bad numeric range operator: ${op2}`, [...at, 2], 'text');
  const n2 = value[3] as unknown;
  if (typeof n2 !== 'number') throw barf(rules, `Value of ${op2} must be numeric`, ...next(3));
  checkRange(n2, [...at, 3], rules);
  if (value.length > 4) throw barf(rules, 'Too many terms in numeric range expression', ...next(4));
  if (n2 <= n) throw barf(rules, 'Bottom must be less than top', at, 'close');
  return { kind: 'numeric', lower: { n, inclusive: op === '>=' }, upper: { n: n2, inclusive: op2 === '<=' } };
}

/** SNS matches numbers from -10^9 to 10^9 with five digits after the point. */
function checkRange(n: number, at: JsonPath, rules: Rules): void {
  if (n <= -1e9 || n >= 1e9) throw barf(rules, 'Numeric value must be between -1000000000 and 1000000000', at);
}
