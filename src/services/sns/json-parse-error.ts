/**
 * What SNS adds to "failed to parse JSON." for a policy that is not JSON: its JSON parser's
 * (Jackson's) own words and location, the source not shown:
 *   "… Unexpected character ('i' (code 105)): was expecting double-quote to start field name
 *    at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]"
 * (AWS's answers in localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_validate_set_sub_attributes and test_subscribe_invalid_filter_policy, 2025-10-06).
 * Two mistakes are worded: a field name without quotes (or a trailing comma), and a bare word
 * where a value belongs. For any other, undefined: the caller keeps the sentence alone.
 */

const SOURCE = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';
const VALUE_TOKENS = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

/** A mistake found: its words and the index whose column Jackson reports (the offending character, or the one after a word). */
class Found { constructor(readonly words: string, readonly at: number) {} }
/** A mistake not worded here. */
const UNWORDED = Symbol('unworded');

export function jsonParseProblem(text: string): string | undefined {
  let found: Found;
  try {
    scanValue(text, skip(text, 0));
    return undefined;
  } catch (e) {
    if (!(e instanceof Found)) return undefined;
    found = e;
  }
  const before = text.slice(0, found.at);
  const line = before.split('\n').length;
  const column = found.at - (before.lastIndexOf('\n') + 1) + 1;
  return ` ${found.words}\n at [Source: ${SOURCE}; line: ${line}, column: ${column}]`;
}

const skip = (text: string, i: number): number => {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
  return i;
};

/** Jackson's description of a character: 'i' (code 105). */
function describe(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  return code > 255 ? `'${c}' (code ${code} / 0x${code.toString(16)})` : `'${c}' (code ${code})`;
}

/** Scans the value at `i` (whitespace skipped); returns the index after it. */
function scanValue(text: string, i: number): number {
  const c = text[i];
  if (c === '{') return scanObject(text, skip(text, i + 1));
  if (c === '[') return scanArray(text, skip(text, i + 1));
  if (c === '"') return scanString(text, i);
  if (c === undefined) throw UNWORDED;
  const literal = /^(?:true|false|null)\b/.exec(text.slice(i, i + 6));
  if (literal) return i + literal[0].length;
  const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
  if (number) return i + number[0].length;
  // A word: Jackson reads it whole and names it (words starting like true, false or null are worded otherwise).
  if (/[A-Za-z_$]/.test(c) && !'tfn'.includes(c)) {
    const word = /^[A-Za-z0-9_$]+/.exec(text.slice(i))![0];
    throw new Found(`Unrecognized token '${word}': was expecting ${VALUE_TOKENS}`, i + word.length);
  }
  throw UNWORDED;
}

function scanObject(text: string, i: number): number {
  if (text[i] === '}') return i + 1;
  for (;;) {
    const c = text[i];
    if (c !== '"') {
      if (c === undefined) throw UNWORDED;
      throw new Found(`Unexpected character (${describe(c)}): was expecting double-quote to start field name`, i);
    }
    i = skip(text, scanString(text, i));
    if (text[i] !== ':') throw UNWORDED;
    i = skip(text, scanValue(text, skip(text, i + 1)));
    if (text[i] === '}') return i + 1;
    if (text[i] !== ',') throw UNWORDED;
    i = skip(text, i + 1);
  }
}

function scanArray(text: string, i: number): number {
  if (text[i] === ']') return i + 1;
  for (;;) {
    i = skip(text, scanValue(text, i));
    if (text[i] === ']') return i + 1;
    if (text[i] !== ',') throw UNWORDED;
    i = skip(text, i + 1);
  }
}

function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  throw UNWORDED;
}
