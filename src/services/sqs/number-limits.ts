/**
 * The limits SQS and SNS put on a Number attribute, read from its text as a decimal (not a
 * double): at most 38 significant digits, counted from the first non-zero digit to the last
 * digit written (trailing zeros count, leading ones do not), and a magnitude from 10^-128 to
 * below 10^126, taken as the decimal exponent of its first significant digit (a zero's is its
 * exponent less its fraction digits, so "0e126" and "0e-129" are out too).
 * Native AWS, radkawar/stackd testdata/aws/sns/numeric_attributes.json (2026-09-14): "1e126",
 * "1e-129", "0e126", "0e-129", "0e-100000" out of scale; "9.99e125", "1e-128", ".5", "5.",
 * 38 digits and "0…01" (300 leading zeros) taken; 39 digits, "1" + 100 zeros and "1." + 100
 * zeros too precise. SQS and SNS answer the same values with their own messages.
 */
export type NumberLimit = 'scale' | 'precision';

const MAX_DIGITS = 38;
const MIN_EXPONENT = -128;
const MAX_EXPONENT = 125;

/** The limit a number's text (already known to parse) breaks, if any; scale is checked first. */
export function numberLimit(text: string): NumberLimit | undefined {
  const t = text.trim();
  const e = t.search(/[eE]/);
  const mantissa = (e < 0 ? t : t.slice(0, e)).replace(/^[+-]/, '');
  // An exponent too long for a double is out of scale whatever the digits (1e-100000).
  const exponent = e < 0 ? 0 : Number(t.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const whole = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fraction = dot < 0 ? '' : mantissa.slice(dot + 1);
  const digits = whole + fraction;
  const first = digits.search(/[1-9]/);
  const adjusted = first < 0 ? exponent - fraction.length : exponent + whole.length - 1 - first;
  if (adjusted < MIN_EXPONENT || adjusted > MAX_EXPONENT) return 'scale';
  if (first >= 0 && digits.length - first > MAX_DIGITS) return 'precision';
  return undefined;
}

/**
 * True when a finite double surely keeps every limit: the common case, answered without reading
 * the text (a text no longer than 38 characters cannot hold 39 digits).
 */
export const surelyWithinLimits = (n: number, text: string): boolean => {
  const a = Math.abs(n);
  return text.length <= MAX_DIGITS && a > 1e-127 && a < 1e125;
};

const CANONICAL = /^(?:-?[1-9]\d*(?:\.\d*[1-9])?|-?0\.\d*[1-9]|0)$/;

/**
 * The text SQS stores and answers for a Number attribute: the decimal without its leading and
 * trailing zeros, exponent or plus sign, written out in full ("0001.23000" → "1.23", "1e3" →
 * "1000", ".5" → "0.5", "5." → "5", "-0.000" → "0", "9.99e125" → "999" and 123 zeros); a
 * receive's MD5OfMessageAttributes is over that text, SendMessage's over the text sent. Native
 * AWS, radkawar/stackd testdata/aws/sns/numeric_attributes.json, send-* and receive-0..4
 * (2026-09-14). The text is one that parsed and keeps the limits; most are already canonical.
 */
export function canonicalNumber(text: string): string {
  if (CANONICAL.test(text)) return text;
  const t = text.trim();
  const negative = t.startsWith('-');
  const e = t.search(/[eE]/);
  const mantissa = (e < 0 ? t : t.slice(0, e)).replace(/^[+-]/, '');
  const exponent = e < 0 ? 0 : Number(t.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const whole = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const digits = whole + (dot < 0 ? '' : mantissa.slice(dot + 1));
  const first = digits.search(/[1-9]/);
  if (first < 0) return '0';
  const significant = digits.slice(first).replace(/0+$/, '');
  const before = whole.length + exponent - first;
  let plain: string;
  if (before >= significant.length) plain = significant + '0'.repeat(before - significant.length);
  else if (before > 0) plain = `${significant.slice(0, before)}.${significant.slice(before)}`;
  else plain = `0.${'0'.repeat(-before)}${significant}`;
  return negative ? `-${plain}` : plain;
}
