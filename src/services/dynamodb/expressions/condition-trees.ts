/**
 * Condition trees by their text: step 2 (tokenize and parse) done once per distinct expression,
 * for requests that repeat one with new values (a Query's key condition, a Scan's filter, a
 * write's condition). A tree depends only on its text and kind; placeholders are resolved per
 * request (step 3, condition-validate.ts), so a kept tree gives the same AST and the same errors
 * in the same order. A text that fails to parse is not kept (it throws again each time).
 *
 * Why: parsing was 70% of a Query's expression work, about 3 of its 4-5 µs (the key condition
 * `pk = :p AND sk BETWEEN :a AND :b`, in scratch).
 * Trees are frozen: a step that changed one would change it for the next request.
 */
import { parseConditionTree } from './condition-parser.js';
import type { RawNode } from './raw-tree.js';

/** Longer texts are parsed each time (a few, of up to 4 KB, would hold the bound's memory). */
const MAX_KEPT_LENGTH = 512;

export class ConditionTrees {
  /** Per kind (KeyConditionExpression, FilterExpression, ConditionExpression): text → tree. */
  readonly #byKind = new Map<string, Map<string, RawNode>>();
  readonly #max: number;
  #size = 0;

  /** @param max trees kept; past it every kept tree is dropped (a working set refills it) */
  constructor(max = 256) {
    this.#max = max;
  }

  parse(kind: string, source: string): RawNode {
    let trees = this.#byKind.get(kind);
    const kept = trees?.get(source);
    if (kept !== undefined) return kept;
    const tree = deepFreeze(parseConditionTree(kind, source));
    if (source.length > MAX_KEPT_LENGTH) return tree;
    if (this.#size >= this.#max) { this.#byKind.clear(); this.#size = 0; trees = undefined; }
    if (trees === undefined) this.#byKind.set(kind, trees = new Map());
    trees.set(source, tree);
    this.#size++;
    return tree;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
