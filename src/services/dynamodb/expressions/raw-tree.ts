/**
 * Step 2's output: the raw syntax tree of any expression, before placeholders are resolved.
 * Kept close to the text (parentheses, placeholder spellings, token positions) because AWS's
 * validation messages and their order depend on them; step 3 (validate) turns it into the
 * resolved AST that evaluation uses.
 */
export interface RawPathElement {
  /** 'ident': unqualified name; 'name': #placeholder; 'index': [n]. */
  kind: 'ident' | 'name' | 'index';
  text: string;
  index: number;
}

export type RawComparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type RawNode =
  | { kind: 'path'; elements: RawPathElement[] }
  | { kind: 'value'; ref: string }
  | { kind: 'call'; name: string; args: RawNode[] }
  | { kind: 'paren'; inner: RawNode }
  | { kind: 'compare'; op: RawComparator; left: RawNode; right: RawNode }
  | { kind: 'between'; operand: RawNode; low: RawNode; high: RawNode }
  | { kind: 'in'; operand: RawNode; list: RawNode[] }
  | { kind: 'and' | 'or'; left: RawNode; right: RawNode }
  | { kind: 'not'; operand: RawNode }
  | { kind: 'arith'; op: '+' | '-'; left: RawNode; right: RawNode };

/** Is the node a value-producing operand (as opposed to a condition or a function call)? */
export function isOperandNode(node: RawNode): boolean {
  if (node.kind === 'paren') return isOperandNode(node.inner);
  return node.kind === 'path' || node.kind === 'value' || node.kind === 'arith';
}

/** Is the node a condition (a function call counts as both until validation)? */
export function isConditionNode(node: RawNode): boolean {
  if (node.kind === 'paren') return isConditionNode(node.inner);
  return node.kind !== 'path' && node.kind !== 'value' && node.kind !== 'arith';
}
