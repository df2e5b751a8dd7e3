/**
 * A fallback for condition expressions nested deeper than the recursive-descent parser's stack
 * (about 1,300 parentheses; 4 KB allows 4,000): the same answer from a shallower token list. A
 * pair of parentheses that wraps exactly another pair is dropped (AWS refuses it anyway, "The
 * expression has redundant parentheses;", scylladb/scylladb test/alternator/test_limits.py
 * test_deeply_nested_expression_3 quoting AWS for 2,046 of them), and of a run of unclosed `(`
 * only the last is kept (the parser stops at the same token after one). Only a request that
 * overflowed the stack comes here.
 */
import type { Token } from './tokens.js';

const isPunct = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'punct' && t.text === text;

export function shallowerTokens(tokens: Token[]): { tokens: Token[]; redundant: boolean } {
  const match = new Array<number>(tokens.length).fill(-1);
  const open: number[] = [];
  tokens.forEach((t, i) => {
    if (isPunct(t, '(')) open.push(i);
    else if (isPunct(t, ')') && open.length > 0) {
      const o = open.pop()!;
      match[o] = i;
      match[i] = o;
    }
  });
  const drop = new Set<number>();
  let redundant = false;
  for (let o = 0; o < tokens.length - 1; o++) {
    if (!isPunct(tokens[o], '(') || !isPunct(tokens[o + 1], '(')) continue;
    if (match[o]! >= 0 && match[o + 1] === match[o]! - 1) {
      drop.add(o);
      drop.add(match[o]!);
      redundant = true;
    } else if (match[o]! < 0 && match[o + 1]! < 0) drop.add(o);
  }
  return { tokens: tokens.filter((_, i) => !drop.has(i)), redundant };
}
