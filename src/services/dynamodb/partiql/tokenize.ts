/**
 * PartiQL tokenizer for DynamoDB's subset: words (keywords and bare identifiers), "quoted"
 * identifiers, 'string' literals ('' escapes a quote), numbers, `?` parameters and punctuation,
 * including the bag brackets `<<` `>>` and the comparators `<>` `!=` `<=` `>=`.
 * Keywords are not decided here: a word is a keyword only where the parser expects one, as in
 * PartiQL, where most keywords may also name an attribute when quoted.
 */
import { statementNotWellFormed } from './errors.js';

export type TokenType = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct' | 'end';

export interface Token {
  type: TokenType;
  /** Words keep their case; quoted identifiers and strings their unescaped text. */
  text: string;
  /** Offset in the statement, for messages and for `?` numbering. */
  at: number;
}

const PUNCT_2 = new Set(['<<', '>>', '<>', '!=', '<=', '>=', '||']);
const PUNCT_1 = new Set(['(', ')', '[', ']', '{', '}', ',', '.', ':', ';', '*', '=', '<', '>', '+', '-', '/', '%']);

const isWordStart = (c: string): boolean => /[A-Za-z_$]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_$]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export function tokenize(statement: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = statement.length;
  while (i < n) {
    const c = statement[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '-' && statement[i + 1] === '-') { // line comment
      while (i < n && statement[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && statement[i + 1] === '*') { // block comment
      const close = statement.indexOf('*/', i + 2);
      // Nothing after the colon, as DynamoDB answers `... /* note` (paritysuite/dynamodb-conformance
      // tests/tier3/error-messages/partiqlGrammar.test.ts, "an unterminated block comment").
      if (close < 0) throw statementNotWellFormed('');
      i = close + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      const [text, next] = readQuoted(statement, i, c);
      tokens.push({ type: c === "'" ? 'string' : 'quoted', text, at: start });
      i = next;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(statement[i + 1] ?? ''))) {
      i = readNumber(statement, i);
      tokens.push({ type: 'number', text: statement.slice(start, i), at: start });
      continue;
    }
    if (isWordStart(c)) {
      while (i < n && isWordPart(statement[i]!)) i++;
      tokens.push({ type: 'word', text: statement.slice(start, i), at: start });
      continue;
    }
    if (c === '?') { tokens.push({ type: 'param', text: '?', at: start }); i++; continue; }
    const two = statement.slice(i, i + 2);
    if (PUNCT_2.has(two)) { tokens.push({ type: 'punct', text: two, at: start }); i += 2; continue; }
    if (PUNCT_1.has(c)) { tokens.push({ type: 'punct', text: c, at: start }); i++; continue; }
    // A character the lexer cannot read: nothing after the colon, as DynamoDB answers
    // `... WHERE pk = 1 # note` (paritysuite/dynamodb-conformance partiqlGrammar.test.ts, "a hash comment").
    throw statementNotWellFormed('');
  }
  tokens.push({ type: 'end', text: '', at: n });
  return tokens;
}

/** Reads a quoted run; a doubled quote inside stands for one quote (SQL rule). */
function readQuoted(s: string, start: number, quote: string): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const end = s.indexOf(quote, i);
    if (end < 0) throw statementNotWellFormed('Unexpected end of statement');
    out += s.slice(i, end);
    if (s[end + 1] === quote) { out += quote; i = end + 2; continue; }
    return [out, end + 1];
  }
}

function readNumber(s: string, start: number): number {
  let i = start;
  while (isDigit(s[i] ?? '')) i++;
  if (s[i] === '.') { i++; while (isDigit(s[i] ?? '')) i++; }
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    if (isDigit(s[j] ?? '')) { i = j; while (isDigit(s[i] ?? '')) i++; }
  }
  if (isWordStart(s[i] ?? '')) throw statementNotWellFormed('Invalid literal');
  if (!fitsBigDecimal(s.slice(start, i))) throw statementNotWellFormed('');
  return i;
}

const INT32_MAX = 2147483647n;
const INT32_MIN = -2147483648n;

/**
 * Java's BigDecimal holds the exponent and the scale (digits after the point less the exponent)
 * in 32 bits; a literal past either cannot be read, and DynamoDB answers the envelope with nothing
 * after the colon (`1e2147483648`, `1.5e-2147483647`: paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/partiqlGrammar.test.ts, AWS October 2026).
 */
function fitsBigDecimal(text: string): boolean {
  const e = text.search(/[eE]/);
  if (e < 0) return true;
  const exponent = BigInt(text.slice(e + 1));
  const point = text.indexOf('.');
  const scale = BigInt(point < 0 || point > e ? 0 : e - point - 1) - exponent;
  return exponent <= INT32_MAX && exponent >= INT32_MIN && scale <= INT32_MAX && scale >= INT32_MIN;
}
