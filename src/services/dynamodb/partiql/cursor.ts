/**
 * A cursor over the tokens of one statement, with the keyword tests the parser needs.
 * Keywords match case-insensitively and only as bare words: `"select"` is an identifier.
 */
import { statementNotWellFormed } from './errors.js';
import type { Token } from './tokenize.js';

/** Words that cannot stand for an attribute or table unless double-quoted. */
const RESERVED = new Set([
  'ALL', 'AND', 'AS', 'ASC', 'BETWEEN', 'BY', 'DELETE', 'DESC', 'DISTINCT', 'EXISTS', 'FALSE', 'FROM', 'GROUP',
  'HAVING', 'IF', 'IN', 'INSERT', 'INTO', 'IS', 'JOIN', 'LIKE', 'LIMIT', 'MISSING', 'NOT', 'NULL', 'OFFSET', 'ON',
  'OR', 'ORDER', 'REMOVE', 'RETURNING', 'SELECT', 'SET', 'TRUE', 'UNION', 'UPDATE', 'VALUE', 'VALUES', 'WHERE',
]);

/** Words PartiQL's lexer reads as operators (NOT too, but it may start a term). */
const OPERATOR_WORDS = new Set(['AND', 'OR', 'IS', 'LIKE', 'IN', 'BETWEEN']);
const COMPARATORS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

export class Cursor {
  #tokens: Token[];
  #i = 0;
  /** `?` parameters met so far: each takes the next index. */
  params = 0;
  /** Whether the statement named an alias after its table (refused once the statement is read). */
  aliased = false;

  #text: string;

  constructor(tokens: Token[], text = '') {
    this.#tokens = tokens;
    this.#text = text;
  }

  /**
   * Where a token sits, as DynamoDB's PartiQL messages say it: `<line>:<column>:<length>`, line and
   * column counted from 1 (paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts).
   */
  positionOf(token: Token): string {
    const before = this.#text.slice(0, token.at);
    const line = before.split('\n').length;
    const column = token.at - before.lastIndexOf('\n');
    const length = token.type === 'quoted' || token.type === 'string' ? token.text.length + 2 : token.text.length;
    return `${line}:${column}:${length}`;
  }

  peek(ahead = 0): Token {
    return this.#tokens[Math.min(this.#i + ahead, this.#tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.#i++;
    return token;
  }

  atEnd(): boolean {
    return this.peek().type === 'end';
  }

  isKeyword(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'word' && t.text.toUpperCase() === word;
  }

  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.#i++;
    return true;
  }

  expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.unexpected();
  }

  isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'punct' && t.text === text;
  }

  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.#i++;
    return true;
  }

  /**
   * A closing parenthesis that is missing is "Expected RIGHT_PAREN", PartiQL's name for the token
   * (as DynamoDB answered a statement that ended before its closing parenthesis, reported by a
   * client that had cut it off). Other missing tokens keep the general wording: their names are
   * not confirmed.
   */
  expectPunct(text: string): void {
    if (this.acceptPunct(text)) return;
    throw text === ')' ? statementNotWellFormed('Expected RIGHT_PAREN') : this.unexpected();
  }

  /** A bare (non-reserved) or double-quoted identifier. */
  identifier(): string {
    const t = this.peek();
    if (t.type === 'quoted') { this.#i++; return t.text; }
    if (t.type === 'word' && !RESERVED.has(t.text.toUpperCase())) { this.#i++; return t.text; }
    throw this.unexpected();
  }

  isIdentifier(): boolean {
    const t = this.peek();
    return t.type === 'quoted' || (t.type === 'word' && !RESERVED.has(t.text.toUpperCase()));
  }

  /** The end of the statement, or a `;` that ends it. */
  atStatementEnd(): boolean {
    return this.atEnd() || (this.isPunct(';') && this.peek(1).type === 'end');
  }

  /**
   * The error for the token under the cursor where a term (an operand, a table to read) must
   * start, as PartiQL's parser classes it: the statement's end or other punctuation is
   * "Unexpected term", an operator word or comparator "Unexpected operator", any other keyword
   * "Unexpected keyword" (paritysuite/dynamodb-conformance tests/tier3/error-messages/
   * partiqlGrammar.test.ts, AWS October 2026: `... WHERE`, `WHERE;`, `WHERE (`, `SELECT * FROM`
   * are "Unexpected term", `WHERE IS NULL` and `pk = LIKE` "Unexpected operator",
   * `WHERE ORDER BY pk` "Unexpected keyword").
   */
  unexpectedTerm(): Error {
    const t = this.peek();
    if (t.type === 'word' && OPERATOR_WORDS.has(t.text.toUpperCase())) return statementNotWellFormed('Unexpected operator');
    if (t.type === 'punct' && COMPARATORS.has(t.text)) return statementNotWellFormed('Unexpected operator');
    if (t.type === 'word' && RESERVED.has(t.text.toUpperCase())) return statementNotWellFormed('Unexpected keyword');
    return statementNotWellFormed('Unexpected term');
  }

  /** The error for the token under the cursor, in DynamoDB's words. */
  unexpected(): Error {
    const t = this.peek();
    if (t.type === 'end') return statementNotWellFormed('Unexpected end of statement');
    if (t.type === 'word' && RESERVED.has(t.text.toUpperCase())) return statementNotWellFormed('Unexpected keyword');
    if (t.type === 'punct') return statementNotWellFormed('Unexpected token');
    return statementNotWellFormed('Unexpected term');
  }
}
