/**
 * ProjectionExpression (and the legacy AttributesToGet): a list of document paths, and the
 * projection of an item onto them. Nested paths keep their structure ("a.b" → {a: {M: {b}}});
 * list elements keep their order and close up ("l[3], l[1]" → {l: {L: [l[1], l[3]]}}).
 * Errors in AWS's order: syntax, reserved word, undefined placeholder, overlapping paths
 * ("a, a.b"), conflicting paths ("a.b, a[0]").
 */
import type { AttributeValue, Item } from '../values/types.js';
import { Cursor } from './cursor.js';
import type { ExpressionInput } from './expression-input.js';
import { memberOf, pathClashMessage, type Path, type PathElement } from './paths.js';
import type { RawNode } from './raw-tree.js';
import { isReservedWord } from './reserved-words.js';
import { checkExpressionSize, expressionError, tokenize } from './tokens.js';
import { setOwn } from '../../../util/own-member.js';

const KIND = 'ProjectionExpression';

/** Parses and validates a ProjectionExpression into its paths. */
export function parseProjection(source: string, input: ExpressionInput): Path[] {
  if (source === '') throw expressionError(KIND, 'The expression can not be empty;');
  checkExpressionSize(KIND, source);
  const cursor = new Cursor(KIND, source, tokenize(source));
  const raw: RawNode[] = [cursor.parsePath(() => false)];
  while (cursor.isPunct(',')) {
    cursor.next();
    raw.push(cursor.parsePath(() => false));
  }
  if (!cursor.atEnd()) throw cursor.fail();
  for (const node of raw) {
    if (node.kind !== 'path') continue;
    for (const e of node.elements) if (e.kind === 'ident' && isReservedWord(e.text)) throw expressionError(KIND, `Attribute name is a reserved keyword; reserved keyword: ${e.text}`);
  }
  const paths: Path[] = [];
  for (const node of raw) {
    if (node.kind !== 'path') continue;
    const path: PathElement[] = [];
    for (const e of node.elements) {
      if (e.kind === 'ident') path.push(e.text);
      else if (e.kind === 'index') path.push(Number(e.text));
      else {
        const name = input.name(e.text);
        if (name === undefined) throw expressionError(KIND, `An expression attribute name used in the document path is not defined; attribute name: ${e.text}`);
        path.push(name);
      }
    }
    paths.push(path);
  }
  const clash = pathClashMessage(paths);
  if (clash !== undefined) throw expressionError(KIND, clash);
  return paths;
}

/** A projection tree node: the whole value (leaf), or the chosen map keys / list indexes. */
interface ProjectionNode {
  leaf: boolean;
  keys: Map<string, ProjectionNode>;
  indexes: Map<number, ProjectionNode>;
}

const newNode = (): ProjectionNode => ({ leaf: false, keys: new Map(), indexes: new Map() });

function projectValue(value: AttributeValue, node: ProjectionNode): AttributeValue | undefined {
  if (node.leaf) return value;
  if (node.keys.size > 0) {
    if (value.M === undefined) return undefined;
    const out: Record<string, AttributeValue> = {};
    let any = false;
    for (const [key, child] of node.keys) {
      const v = memberOf(value.M, key);
      const projected = v === undefined ? undefined : projectValue(v, child);
      if (projected !== undefined) { setOwn(out, key, projected); any = true; }
    }
    return any ? { M: out } : undefined;
  }
  if (value.L === undefined) return undefined;
  const out: AttributeValue[] = [];
  for (const index of [...node.indexes.keys()].sort((a, b) => a - b)) {
    const v = value.L[index];
    const projected = v === undefined ? undefined : projectValue(v, node.indexes.get(index)!);
    if (projected !== undefined) out.push(projected);
  }
  return out.length > 0 ? { L: out } : undefined;
}

export type Projector = (item: Item) => Item;

/** Compiles paths (already free of overlaps and conflicts) into a projection function. */
export function compileProjection(paths: readonly Path[]): Projector {
  const root = newNode();
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      const map: Map<PathElement, ProjectionNode> = typeof step === 'number' ? node.indexes : node.keys;
      let child = map.get(step);
      if (!child) { child = newNode(); map.set(step, child); }
      node = child;
    }
    node.leaf = true;
  }
  const top = [...root.keys];
  if (top.every(([, n]) => n.leaf)) {
    const names = top.map(([k]) => k);
    return (item) => {
      const out: Item = {};
      for (const name of names) { const v = memberOf(item, name); if (v !== undefined) setOwn(out, name, v); }
      return out;
    };
  }
  return (item) => {
    const out: Item = {};
    for (const [name, node] of top) {
      const v = memberOf(item, name);
      const projected = v === undefined ? undefined : projectValue(v, node);
      if (projected !== undefined) setOwn(out, name, projected);
    }
    return out;
  };
}

/** Projects one item onto paths (compile once with compileProjection for many items). */
export function project(item: Item, paths: readonly Path[]): Item {
  return compileProjection(paths)(item);
}
