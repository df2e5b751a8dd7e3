/**
 * Step 1 of 4 (tokenize → parse → validate → evaluate): the lexer shared by every expression
 * kind. Tokens keep their offsets so that syntax errors can quote the text around the offending
 * token as AWS does ("Syntax error; token: \"-\", near: \"a-b\"").
 */
import { validationException } from '../values/errors.js';
import type { AwsError } from '../../../errors/aws-error.js';

export type TokenKind =
  | 'ident'  // an unqualified name, a keyword (AND, SET, ...) or a function name
  | 'name'   // #placeholder (ExpressionAttributeNames)
  | 'value'  // :placeholder (ExpressionAttributeValues)
  | 'int'    // digits (list indexes)
  | 'punct'  // ( ) [ ] , . = <> < <= > >= + -
  | 'other'  // any other character: always a syntax error where it appears
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
// A name starts with a letter: `_123` is a syntax error on the "_" (scylladb/scylladb
// test/alternator/test_update_expression.py test_update_expression_name_token, which passes on AWS:
// 'Invalid UpdateExpression: Syntax error; token: "_", near: "SET _123"').
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: text.slice(start, end), start, end });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      push('ident', start, i);
    } else if (c >= 48 && c <= 57) {
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      push('int', start, i);
    } else if ((c === 35 || c === 58) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) { // # or :
      i++;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      push(c === 35 ? 'name' : 'value', start, i);
    } else if ((c === 60 && (text[i + 1] === '=' || text[i + 1] === '>')) || (c === 62 && text[i + 1] === '=')) {
      i += 2;
      push('punct', start, i);
    } else if ('()[],.=<>+-'.includes(text[i]!)) {
      i++;
      push('punct', start, i);
    } else {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      push('other', start, i);
    }
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: n, end: n });
  return tokens;
}

/**
 * AWS's syntax error: the unexpected token and the text from the token before it to the token
 * after it (at the end of input, just the last token).
 */
export function syntaxError(kind: string, source: string, tokens: Token[], index: number): AwsError {
  const token = tokens[index]!;
  const prev = index > 0 ? tokens[index - 1]! : token;
  const next = tokens[index + 1];
  let near: string;
  if (token.kind === 'eof') near = index > 0 ? source.slice(prev.start, prev.end) : '';
  else near = source.slice(prev.start, next && next.kind !== 'eof' ? next.end : token.end);
  return validationException(`Invalid ${kind}: Syntax error; token: "${token.text}", near: "${near}"`);
}

/** Every expression is at most 4 KB of UTF-8, counted as sent (placeholders unexpanded). */
export const MAX_EXPRESSION_BYTES = 4096;

export function checkExpressionSize(kind: string, source: string): void {
  const size = Buffer.byteLength(source, 'utf8');
  if (size <= MAX_EXPRESSION_BYTES) return;
  // An UpdateExpression's answer gives no size (paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/deepRequests.test.ts "reports an oversized UpdateExpression
  // ...", us-east-1 and eu-west-2, 2026-10-09); a condition's does ("... oversized condition ...").
  throw expressionError(kind, kind === 'UpdateExpression'
    ? 'Expression size has exceeded the maximum allowed size;'
    : `Expression size has exceeded the maximum allowed size; expression size: ${size}`);
}

/** The message prefix of every expression error: "Invalid <ExpressionKind>: ". */
export const expressionError = (kind: string, message: string): AwsError => validationException(`Invalid ${kind}: ${message}`);
