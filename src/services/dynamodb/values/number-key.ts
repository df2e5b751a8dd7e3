/**
 * An order-preserving text encoding of DynamoDB numbers for LevelDB key components
 * (services/dynamodb/keys.ts): comparing the encodings byte by byte orders the numbers by value.
 * Only ASCII above 0x20 is used, so the encoding never contains the NUL separator and UTF-8
 * bytes equal the characters. It is self-delimiting (ends with a terminator), so anything may
 * follow it in a composite key.
 *
 *   negative:  '0' + (255 - (exponent + 130)) in 3 digits + each digit as 9-d + '~'
 *   zero:      '1'
 *   positive:  '2' + (exponent + 130) in 3 digits + the digits + '!'
 *
 * Within one sign and exponent, digit strings compare as numbers (no trailing zeros); the
 * terminators make a shorter digit string sort before ('!' < '0') or after ('~' > '9') a longer
 * one with the same prefix, as the values require.
 */
import { formatDecimal, MIN_EXPONENT, parseNumber, type Decimal } from './number.js';

const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

export function encodeDecimalKey(d: Decimal): string {
  if (d.digits === '') return '1';
  const biased = d.exponent - MIN_EXPONENT; // 0..255
  if (!d.negative) return `2${pad3(biased)}${d.digits}!`;
  let inverted = '';
  for (let i = 0; i < d.digits.length; i++) inverted += String.fromCharCode(105 - d.digits.charCodeAt(i)); // '0'+'9' = 105
  return `0${pad3(255 - biased)}${inverted}~`;
}

/** Encodes a valid number text (normalised or not: "1.50" and "1.5" encode alike). */
export function encodeNumberKey(text: string): string {
  return encodeDecimalKey(parseNumber(text));
}

/** The normalised number text back from an encoding; `length` says how many characters it used. */
export function decodeNumberKey(key: string, start = 0): { text: string; length: number } {
  const tag = key[start];
  if (tag === '1') return { text: '0', length: 1 };
  const end = key.indexOf(tag === '2' ? '!' : '~', start + 4);
  if ((tag !== '0' && tag !== '2') || end < 0) throw new Error('not an encoded DynamoDB number');
  const biased = Number(key.slice(start + 1, start + 4));
  let digits = key.slice(start + 4, end);
  if (tag === '0') {
    let plain = '';
    for (let i = 0; i < digits.length; i++) plain += String.fromCharCode(105 - digits.charCodeAt(i));
    digits = plain;
  }
  const exponent = (tag === '0' ? 255 - biased : biased) + MIN_EXPONENT;
  return { text: formatDecimal({ negative: tag === '0', digits, exponent }), length: end - start + 1 };
}
