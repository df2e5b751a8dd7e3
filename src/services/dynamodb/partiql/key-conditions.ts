/**
 * Reading a WHERE clause for its key conditions: its conjuncts and disjuncts, a comparison on a
 * key attribute (value side normalised to the right), a sort-key condition a Query can take, and
 * whether a condition names some attributes at all. Shared by translate.ts and ordered-read.ts.
 */
import type { Condition, Operand } from './ast.js';

/** Conjuncts of a top-level AND chain. */
export function conjuncts(cond: Condition | undefined): Condition[] {
  if (cond === undefined) return [];
  return cond.kind === 'and' ? [...conjuncts(cond.left), ...conjuncts(cond.right)] : [cond];
}

export const topName = (o: Operand): string | undefined => (o.kind === 'path' && o.path.steps.length === 1 && o.path.steps[0]!.kind === 'name' ? o.path.steps[0]!.name : undefined);

const FLIP = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

/** `attr op value` with the attribute first (flipping `value op attr`), or undefined. */
export function keyComparison(c: Condition, attr: string): Extract<Condition, { kind: 'compare' }> | undefined {
  if (c.kind !== 'compare') return undefined;
  if (topName(c.left) === attr && c.right.kind === 'value') return c;
  if (topName(c.right) === attr && c.left.kind === 'value') return { kind: 'compare', op: FLIP[c.op], left: c.right, right: c.left };
  return undefined;
}

export function isRangeKeyCondition(c: Condition, range: string): Condition | undefined {
  const cmp = keyComparison(c, range);
  if (cmp) return cmp.op === '<>' ? undefined : cmp;
  if (c.kind === 'between' && topName(c.subject) === range && c.low.kind === 'value' && c.high.kind === 'value') return c;
  if (c.kind === 'function' && c.name === 'begins_with' && c.path.steps.length === 1 && c.path.steps[0]!.kind === 'name' && c.path.steps[0]!.name === range && c.arg?.kind === 'value') return c;
  return undefined;
}

export function mentions(c: Condition, names: Set<string>): boolean {
  const operandMentions = (o: Operand): boolean => o.kind !== 'value' && o.path.steps[0]!.kind === 'name' && names.has(o.path.steps[0]!.name);
  switch (c.kind) {
    case 'compare': return operandMentions(c.left) || operandMentions(c.right);
    case 'between': return [c.subject, c.low, c.high].some(operandMentions);
    case 'in': return [c.subject, ...c.list].some(operandMentions);
    case 'and': case 'or': return mentions(c.left, names) || mentions(c.right, names);
    case 'not': return mentions(c.operand, names);
    case 'function': return operandMentions({ kind: 'path', path: c.path }) || (c.arg !== undefined && operandMentions(c.arg));
    case 'missing': return operandMentions({ kind: 'path', path: c.path });
  }
}

export const disjuncts = (c: Condition): Condition[] => (c.kind === 'or' ? [...disjuncts(c.left), ...disjuncts(c.right)] : [c]);
