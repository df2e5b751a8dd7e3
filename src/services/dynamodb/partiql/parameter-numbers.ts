/**
 * How DynamoDB reads a number passed as a PartiQL parameter: as Java's BigDecimal reads text, so
 * an exponent (or the scale it leaves) past 32 bits cannot be converted at all, "The parameter
 * cannot be converted to a numeric value: 1e99999999999", where PutItem would say overflow; an
 * empty number has nothing after the message; and 1e2147483647, whose precision less scale wraps
 * in 32 bits, is an underflow. Parameters are read in document order, so a value nested too deep
 * before a bad number is refused for its depth: paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlParameterNumbers.test.ts, pinned on AWS in October 2026.
 * Numbers that convert are left to the operation the statement becomes.
 */
import type { AttributeValue } from './ast.js';
import { numberMessages } from '../values/number.js';
import { MAX_NESTING_DEPTH, valueMessages } from '../values/validate.js';
import { ddbErrors } from '../errors.js';

const BIG_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
const INT32_MAX = 2147483647n;
const INT32_MIN = -2147483648n;

export function checkParameterNumbers(params: readonly AttributeValue[]): void {
  for (const p of params) walk(p, 1);
}

function walk(value: AttributeValue, depth: number): void {
  if (depth > MAX_NESTING_DEPTH) throw ddbErrors.validation(valueMessages.nesting);
  if (typeof value.N === 'string') checkNumber(value.N);
  else if (Array.isArray(value.NS)) for (const n of value.NS) checkNumber(n);
  else if (value.M && typeof value.M === 'object') for (const k in value.M) walk(value.M[k]!, depth + 1);
  else if (Array.isArray(value.L)) for (const v of value.L) walk(v, depth + 1);
}

function checkNumber(text: unknown): void {
  if (typeof text !== 'string') return;
  if (text === '') throw ddbErrors.validation(numberMessages.empty('older'));
  const match = BIG_DECIMAL.exec(text);
  if (!match) throw ddbErrors.validation(numberMessages.invalid(text));
  if (match[2] === undefined) return;
  const exponent = BigInt(match[2]);
  const mantissa = match[1]!;
  const point = mantissa.indexOf('.');
  const scale = BigInt(point < 0 ? 0 : mantissa.length - point - 1) - exponent;
  if (exponent > INT32_MAX || exponent < INT32_MIN || scale > INT32_MAX || scale < INT32_MIN) throw ddbErrors.validation(numberMessages.invalid(text));
  const precision = BigInt(Math.max(1, mantissa.replace('.', '').replace(/^0+/, '').length));
  if (precision - scale > INT32_MAX) throw ddbErrors.validation(numberMessages.underflow);
}
