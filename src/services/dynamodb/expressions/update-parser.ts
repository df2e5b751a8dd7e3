/**
 * Step 2 for UpdateExpression: tokens → raw actions, by recursive descent over
 *   update  := (SET set-action {, set-action} | REMOVE path {, path}
 *              | ADD path :value {, ...} | DELETE path :value {, ...})+
 *   set-action := path = operand [(+ | -) operand]
 *   operand := path | :value | function ( operand {, operand} ) | ( operand [(+|-) operand] )
 * Keywords are case-insensitive; "a + b + c" is a syntax error, as in DynamoDB.
 */
import { Cursor } from './cursor.js';
import type { RawNode } from './raw-tree.js';
import { checkExpressionSize, expressionError, tokenize } from './tokens.js';

export type Section = 'SET' | 'REMOVE' | 'ADD' | 'DELETE';

export interface RawAction {
  section: Section;
  path: RawNode;
  value?: RawNode;
}

const SECTIONS = new Set<string>(['SET', 'REMOVE', 'ADD', 'DELETE']);
const isSection = (upper: string): boolean => SECTIONS.has(upper);

class UpdateParser extends Cursor {
  parseSetValue(): RawNode {
    const left = this.parseOperand();
    if (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text as '+' | '-';
      return { kind: 'arith', op, left, right: this.parseOperand() };
    }
    return left;
  }

  parseOperand(): RawNode {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      this.next();
      const inner = this.parseSetValue();
      this.expectPunct(')');
      return { kind: 'paren', inner };
    }
    if (t.kind === 'value') {
      this.next();
      return { kind: 'value', ref: t.text };
    }
    if (t.kind === 'ident' && this.isPunct('(', 1) && !isSection(t.text.toUpperCase())) {
      this.next();
      this.next();
      const args = [this.parseOperand()];
      while (this.isPunct(',')) {
        this.next();
        args.push(this.parseOperand());
      }
      this.expectPunct(')');
      return { kind: 'call', name: t.text, args };
    }
    return this.parsePath(isSection);
  }

  parseValueRef(): RawNode {
    const t = this.peek();
    if (t.kind !== 'value') throw this.fail();
    this.next();
    return { kind: 'value', ref: t.text };
  }

  parseAction(section: Section): RawAction {
    const path = this.parsePath(isSection);
    switch (section) {
      case 'SET':
        this.expectPunct('=');
        return { section, path, value: this.parseSetValue() };
      case 'REMOVE':
        return { section, path };
      default:
        return { section, path, value: this.parseValueRef() };
    }
  }

  parseUpdate(): RawUpdate {
    const actions: RawAction[] = [];
    const sections: Section[] = [];
    do {
      const t = this.peek();
      const section = t.kind === 'ident' ? t.text.toUpperCase() : '';
      if (!isSection(section)) throw this.fail();
      this.next();
      sections.push(section as Section);
      actions.push(this.parseAction(section as Section));
      while (this.isPunct(',')) {
        this.next();
        actions.push(this.parseAction(section as Section));
      }
    } while (!this.atEnd());
    return { actions, sections };
  }
}

/** The raw actions in document order, and the section keywords in the order they appear. */
export interface RawUpdate {
  actions: RawAction[];
  sections: Section[];
}

export function parseUpdateTree(source: string): RawUpdate {
  if (source === '') throw expressionError('UpdateExpression', 'The expression can not be empty;');
  checkExpressionSize('UpdateExpression', source);
  return new UpdateParser('UpdateExpression', source, tokenize(source)).parseUpdate();
}
