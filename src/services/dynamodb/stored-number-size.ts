/**
 * The DynamoDB size (values/item-size.ts rules) of a number as it is stored in an item's text,
 * read in place: a filtered Scan sizes every item it reads (item-text.ts) without decoding it.
 */
import { numberSize } from './values/index.js';

/**
 * numberSize for the plain decimal text numbers are stored in ("-12.5", values/number.ts
 * formatDecimal), read in place from text[start, end) in one pass; any other form goes the
 * general way. (A search for the decimal point ran on to the end of the whole item text when
 * the number had none, which cost a filtered Scan ~0.5 ms per 10,000 items.)
 */
export function storedNumberSize(text: string, start = 0, end = text.length): number {
  const negative = text.charCodeAt(start) === 45;
  let dot = -1;
  let firstNonZero = -1;
  let lastNonZero = -1;
  for (let k = negative ? start + 1 : start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 48) continue;
    if (c === 46 && dot < 0) { dot = k; continue; }
    if (c < 48 || c > 57) return numberSize(text.slice(start, end));
    if (firstNonZero < 0) firstNonZero = k;
    lastNonZero = k;
  }
  if (firstNonZero < 0) return 1;
  // Decimal exponents of the first and last non-zero digits; `>> 1` floors halves of negatives too.
  const intEnd = dot < 0 ? end : dot;
  const first = firstNonZero < intEnd ? intEnd - 1 - firstNonZero : intEnd - firstNonZero;
  const last = lastNonZero < intEnd ? intEnd - 1 - lastNonZero : intEnd - lastNonZero;
  return 2 + (first >> 1) - (last >> 1) + (negative ? 1 : 0);
}
