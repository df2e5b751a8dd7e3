/**
 * The token cursor the recursive-descent parsers share, with the pieces every expression kind
 * uses: document paths and placeholders.
 */
import { syntaxError, type Token } from './tokens.js';
import type { RawNode, RawPathElement } from './raw-tree.js';
import type { AwsError } from '../../../errors/aws-error.js';

export class Cursor {
  readonly tokens: Token[];
  readonly kind: string;
  readonly source: string;
  pos = 0;

  constructor(kind: string, source: string, tokens: Token[]) {
    this.kind = kind;
    this.source = source;
    this.tokens = tokens;
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  /** Is the current token the keyword `word` (case-insensitive)? */
  isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  fail(at = this.pos): AwsError {
    return syntaxError(this.kind, this.source, this.tokens, at);
  }

  expectPunct(text: string): void {
    if (!this.isPunct(text)) throw this.fail();
    this.next();
  }

  expectKeyword(word: string): void {
    if (!this.isKeyword(word)) throw this.fail();
    this.next();
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /**
   * A document path: (name | #name) then any of .name, .#name, [digits]. `isKeyword` names the
   * words that cannot start a path in this expression kind (AND, OR, SET, ...).
   */
  parsePath(isKeyword: (upper: string) => boolean): RawNode {
    const head = this.peek();
    if (!(head.kind === 'name' || (head.kind === 'ident' && !isKeyword(head.text.toUpperCase())))) throw this.fail();
    const elements: RawPathElement[] = [{ kind: head.kind, text: head.text, index: this.pos }];
    this.next();
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const t = this.peek();
        if (t.kind !== 'ident' && t.kind !== 'name') throw this.fail();
        elements.push({ kind: t.kind, text: t.text, index: this.pos });
        this.next();
      } else if (this.isPunct('[')) {
        this.next();
        const t = this.peek();
        if (t.kind !== 'int') throw this.fail();
        elements.push({ kind: 'index', text: t.text, index: this.pos });
        this.next();
        this.expectPunct(']');
      } else {
        return { kind: 'path', elements };
      }
    }
  }
}
