/**
 * Document paths (a.b[2].c): map keys are strings, list indexes numbers. AWS prints them in
 * messages as "[a, b, [2], c]".
 */
import type { AttributeValue, Item } from '../values/types.js';

export type PathElement = string | number;
export type Path = readonly PathElement[];

export const pathToString = (path: Path): string =>
  `[${path.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ')}]`;

export function pathsEqual(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A map's (or an item's) own member `name`. Items and maps are plain objects from JSON.parse, so
 * `map[name]` would also find Object.prototype's members: an attribute named `toString` or
 * `constructor` that the item lacks would seem to exist (attribute_not_exists failed, and
 * if_not_exists kept a function instead of its fallback).
 */
export function memberOf(map: Item, name: string): AttributeValue | undefined {
  return hasOwn.call(map, name) ? map[name] : undefined;
}

/** The value at `path` in `item`, or undefined when any step is missing or of the wrong type. */
export function valueAt(item: Item, path: Path): AttributeValue | undefined {
  let value: AttributeValue | undefined = memberOf(item, path[0] as string);
  for (let i = 1; i < path.length && value !== undefined; i++) {
    const step = path[i]!;
    if (typeof step === 'number') value = value.L !== undefined ? value.L[step] : undefined;
    else value = value.M !== undefined ? memberOf(value.M, step) : undefined;
  }
  return value;
}

/** A compiled getter for one path: the per-item work of conditions and projections. */
export function pathGetter(path: Path): (item: Item) => AttributeValue | undefined {
  const head = path[0] as string;
  if (path.length === 1) return (item) => memberOf(item, head);
  if (path.length === 2) {
    const step = path[1]!;
    return typeof step === 'number'
      ? (item) => memberOf(item, head)?.L?.[step]
      : (item) => { const m = memberOf(item, head)?.M; return m === undefined ? undefined : memberOf(m, step); };
  }
  return (item) => valueAt(item, path);
}

export type PathRelation = 'overlap' | 'conflict' | undefined;

/**
 * How two document paths of one update (or projection) relate: one a prefix of the other
 * (overlap: [a] and [a, b]); the same up to a step that is a map key in one and a list index in
 * the other (conflict: [a, b] and [a, [1]]); or independent.
 */
export function relatePaths(a: Path, b: Path): PathRelation {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (typeof a[i] !== typeof b[i]) return 'conflict';
    if (a[i] !== b[i]) return undefined;
  }
  return 'overlap';
}

/**
 * AWS's overlap/conflict check over the paths in the order they appear: the first overlap wins
 * over any conflict; returns the message or undefined.
 */
export function pathClashMessage(paths: readonly Path[]): string | undefined {
  let conflict: string | undefined;
  for (let j = 1; j < paths.length; j++) {
    for (let i = 0; i < j; i++) {
      const relation = relatePaths(paths[i]!, paths[j]!);
      const pair = `path one: ${pathToString(paths[i]!)}, path two: ${pathToString(paths[j]!)}`;
      if (relation === 'overlap') return `Two document paths overlap with each other; must remove or rewrite one of these paths; ${pair}`;
      if (relation === 'conflict') conflict ??= `Two document paths conflict with each other; must remove or rewrite one of these paths; ${pair}`;
    }
  }
  return conflict;
}
