/**
 * The resolved AST of an update (UpdateExpression or legacy AttributeUpdates): actions in the
 * order written. SET values are computed from the item as it was before the update, so
 * "SET a = b, b = a" swaps.
 */
import type { AttributeValue } from '../values/types.js';
import type { Path } from './paths.js';

export type UpdateValue =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: Path; fallback: UpdateValue }
  | { kind: 'list_append'; left: UpdateValue; right: UpdateValue }
  | { kind: '+' | '-'; left: UpdateValue; right: UpdateValue };

export type UpdateAction =
  | { kind: 'SET'; path: Path; value: UpdateValue }
  | { kind: 'REMOVE'; path: Path }
  /** `legacy`: AttributeUpdates semantics (lists may be appended to; AWS's legacy messages). */
  | { kind: 'ADD' | 'DELETE'; path: Path; value: AttributeValue; legacy?: boolean };

export interface UpdateAst {
  actions: UpdateAction[];
}

/** Every document path an update writes (for key-attribute and index checks). */
export const updateTargets = (ast: UpdateAst): Path[] => ast.actions.map((a) => a.path);

/**
 * True when the update only takes away (REMOVE, DELETE from a set): on an item that does not
 * exist it creates nothing, while any SET or ADD (or an empty legacy AttributeUpdates) creates
 * the item from its key (scylladb/scylladb test/alternator/test_item.py
 * test_update_item_non_existent and test_update_item_delete, run against AWS).
 */
export const removesOnly = (ast: UpdateAst): boolean => ast.actions.length > 0 && ast.actions.every((a) => a.kind === 'REMOVE' || a.kind === 'DELETE');
