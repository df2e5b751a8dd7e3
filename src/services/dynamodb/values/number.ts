/**
 * DynamoDB numbers: decimal text with up to 38 significant digits and a magnitude between
 * 1E-130 and 9.9999999999999999999999999999999999999E+125; leading and trailing zeros are not
 * significant and `-0` is 0. DynamoDB stores and returns the normalised form ("1.50" → "1.5",
 * "1e2" → "100"), compares by value, and sizes a number by its base-100 digits.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
 */
import { validationException, type ValueLayer } from './errors.js';

/** A parsed number: `digits` without leading or trailing zeros ('' is zero); the first digit
 * stands for 10^exponent. */
export interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

export const MAX_SIGNIFICANT_DIGITS = 38;
export const MAX_EXPONENT = 125;
export const MIN_EXPONENT = -130;

const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export const numberMessages = {
  /** The current layer keeps the colon and space before the (empty) text; the older one drops them. */
  empty: (layer: ValueLayer = 'current') => (layer === 'current' ? 'The parameter cannot be converted to a numeric value: ' : 'The parameter cannot be converted to a numeric value'),
  invalid: (text: string) => `The parameter cannot be converted to a numeric value: ${text}`,
  overflow: 'Number overflow. Attempting to store a number with magnitude larger than supported range',
  underflow: 'Number underflow. Attempting to store a number with magnitude smaller than supported range',
  precision: 'Attempting to store more than 38 significant digits in a Number',
};

/** Parses any text DynamoDB accepts as a number, or returns the message AWS answers with. */
export function parseDecimal(text: string, layer: ValueLayer = 'current'): Decimal | string {
  if (text === '') return numberMessages.empty(layer);
  const match = NUMBER_TEXT.exec(text);
  const intPart = match?.[2] ?? '';
  const fracPart = match?.[3] ?? '';
  if (!match || intPart.length + fracPart.length === 0) return numberMessages.invalid(text);
  // The exponent is read in full (AWS: past 32 bits it is an overflow, not a wrap-around); past
  // a signed 64-bit integer the text is not a number at all.
  const expText = match[4];
  if (expText !== undefined && expText.replace(/^[+-]?0*/, '').length > 18 && !fitsInt64(expText)) return numberMessages.invalid(text);
  const exp = expText === undefined ? 0 : Number(expText);
  const all = intPart + fracPart;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 48) first++;
  if (first === all.length) {
    // Zero is range-checked by the exponent it is written with (as a BigDecimal's scale):
    // "0e126" overflows, "0e-131" underflows, "0e125" is 0.
    const zeroExponent = exp - fracPart.length;
    if (zeroExponent > MAX_EXPONENT) return numberMessages.overflow;
    if (zeroExponent < MIN_EXPONENT) return numberMessages.underflow;
    return { negative: false, digits: '', exponent: 0 };
  }
  let last = all.length - 1;
  while (all.charCodeAt(last) === 48) last--;
  const exponent = intPart.length - 1 - first + exp;
  const digits = all.slice(first, last + 1);
  if (exponent > MAX_EXPONENT) return numberMessages.overflow;
  if (exponent < MIN_EXPONENT) return numberMessages.underflow;
  if (digits.length > MAX_SIGNIFICANT_DIGITS) return numberMessages.precision;
  return { negative: match[1] === '-', digits, exponent };
}

const INT64_MAX = 9223372036854775807n;
function fitsInt64(text: string): boolean {
  const value = BigInt(text.startsWith('+') ? text.slice(1) : text);
  return value <= INT64_MAX && value >= -INT64_MAX - 1n;
}

/**
 * Whether `text` is an integer already in the form DynamoDB stores (formatDecimal's): an
 * optional `-`, no leading zero (`0` alone), at most 38 digits, so within every limit. Such text
 * normalises to itself, so validation and sizing skip the parse, whose regex match and
 * substrings were most of a small item's validation (bench/micro/dynamodb-gateway.ts,
 * BatchWriteItem). `-0` is not: it normalises to `0`.
 */
export function isNormalInteger(text: string): boolean {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const digits = text.length - start;
  if (digits < 1 || digits > MAX_SIGNIFICANT_DIGITS) return false;
  if (text.charCodeAt(start) === 48) return text.length === 1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses a number, throwing AWS's ValidationException when it is not one DynamoDB stores. */
export function parseNumber(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (typeof parsed === 'string') throw validationException(parsed);
  return parsed;
}

/** The plain decimal text DynamoDB returns for a number (no exponent, no redundant zeros). */
export function formatDecimal(d: Decimal): string {
  const { digits, exponent } = d;
  if (digits === '') return '0';
  const n = digits.length;
  let text: string;
  if (exponent >= n - 1) text = digits + '0'.repeat(exponent - n + 1);
  else if (exponent >= 0) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  return d.negative ? `-${text}` : text;
}

/** Validates and normalises number text ("01.50" → "1.5", "-0" → "0", "1E+2" → "100"). */
export function normaliseNumber(text: string): string {
  return formatDecimal(parseNumber(text));
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const signA = a.digits === '' ? 0 : a.negative ? -1 : 1;
  const signB = b.digits === '' ? 0 : b.negative ? -1 : 1;
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  let magnitude: number;
  if (a.exponent !== b.exponent) magnitude = a.exponent < b.exponent ? -1 : 1;
  // Same exponent: digit strings compare as numbers (a shorter prefix is the smaller value).
  else magnitude = a.digits === b.digits ? 0 : a.digits < b.digits ? -1 : 1;
  return signA * magnitude;
}

/**
 * Orders two valid number texts by value (negative, zero or positive, like a sort comparator).
 * Texts of at most 15 characters hold at most 15 significant digits, which a double
 * represents exactly in order (IEEE 754 keeps 15.95 decimal digits, and rounding is monotonic),
 * so the common case avoids parsing.
 */
export function compareNumbers(a: string, b: string): number {
  if (a.length <= 15 && b.length <= 15) {
    const x = +a;
    const y = +b;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareDecimals(parseNumber(a), parseNumber(b));
}

/**
 * Bytes a number occupies in DynamoDB's item size: one byte of exponent, one per pair of
 * digits aligned on even powers of ten (base-100 digits), one more for negative numbers.
 */
export function decimalSize(d: Decimal): number {
  if (d.digits === '') return 1;
  const lowest = d.exponent - d.digits.length + 1;
  const pairs = Math.floor(d.exponent / 2) - Math.floor(lowest / 2) + 1;
  return 1 + pairs + (d.negative ? 1 : 0);
}

export function numberSize(text: string): number {
  if (isNormalInteger(text)) {
    // decimalSize without the parse: the first digit stands for 10^top, the last non-zero one
    // for 10^low (the count of trailing zeros).
    if (text === '0') return 1;
    const negative = text.charCodeAt(0) === 45;
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    const top = text.length - (negative ? 2 : 1);
    const low = text.length - end;
    return 1 + Math.floor(top / 2) - Math.floor(low / 2) + 1 + (negative ? 1 : 0);
  }
  return decimalSize(parseNumber(text));
}

function toScaled(d: Decimal): { value: bigint; scale: number } {
  if (d.digits === '') return { value: 0n, scale: 0 };
  const value = BigInt(d.digits);
  return { value: d.negative ? -value : value, scale: d.exponent - d.digits.length + 1 };
}

function fromScaled(value: bigint, scale: number): Decimal {
  if (value === 0n) return { negative: false, digits: '', exponent: 0 };
  const negative = value < 0n;
  let text = (negative ? -value : value).toString();
  const exponent = text.length - 1 + scale;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  text = text.slice(0, end);
  return { negative, digits: text, exponent };
}

function checked(d: Decimal): string {
  if (d.digits !== '') {
    if (d.exponent > MAX_EXPONENT) throw validationException(numberMessages.overflow);
    if (d.exponent < MIN_EXPONENT) throw validationException(numberMessages.underflow);
    // A sum that needs more than 38 digits is refused as an overflow, not with the precision
    // message a written value gets (scylladb/scylladb test/alternator/test_number.py
    // test_update_expression_plus_imprecise, which passes on AWS: 1e50 + 1 answers "Number
    // overflow. Attempting to store a number with magnitude larger than supported range").
    if (d.digits.length > MAX_SIGNIFICANT_DIGITS) throw validationException(numberMessages.overflow);
  }
  return formatDecimal(d);
}

/** Exact decimal sum (UpdateExpression `+`, ADD), normalised; out-of-range results are refused as AWS refuses them. */
export function addNumbers(a: string, b: string): string {
  const x = toScaled(parseNumber(a));
  const y = toScaled(parseNumber(b));
  const scale = Math.min(x.scale, y.scale);
  const sum = x.value * 10n ** BigInt(x.scale - scale) + y.value * 10n ** BigInt(y.scale - scale);
  return checked(fromScaled(sum, scale));
}

export function subtractNumbers(a: string, b: string): string {
  return addNumbers(a, b.startsWith('-') ? b.slice(1) : `-${b}`);
}
