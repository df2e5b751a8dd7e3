/**
 * Step 4 for updates: applies an UpdateAst to an item and returns a new item (the input is
 * never modified; untouched parts are shared). All-or-nothing: every value is computed from the
 * item as it was before, and any error throws before a result exists.
 *
 * Order, so that list indexes always mean the original list: SET (appends past the end in
 * index order, as AWS sorts them), then ADD and DELETE, then REMOVE from the highest index down.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 */
import { validationException } from '../values/errors.js';
import { addNumbers, compareNumbers, subtractNumbers } from '../values/number.js';
import { bytesEqual } from '../values/ordering.js';
import type { AttributeValue, Item } from '../values/types.js';
import { memberOf, valueAt, type Path } from './paths.js';
import type { UpdateAction, UpdateAst, UpdateValue } from './update-ast.js';
import { setOwn } from '../../../util/own-member.js';

export const updateMessages = {
  missingAttribute: 'The provided expression refers to an attribute that does not exist in the item',
  wrongType: 'An operand in the update expression has an incorrect data type',
  invalidPath: 'The document path provided in the update expression is invalid for update',
  legacyWrongType: 'Type mismatch for attribute to update',
};

export interface UpdateResult {
  item: Item;
  /** The paths the update wrote, as the expression names them (for ReturnValues UPDATED_*). */
  updatedPaths: Path[];
}

function evaluate(value: UpdateValue, item: Item): AttributeValue {
  switch (value.kind) {
    case 'value': return value.value;
    case 'path': {
      const found = valueAt(item, value.path);
      if (found === undefined) throw validationException(updateMessages.missingAttribute);
      return found;
    }
    case 'if_not_exists': return valueAt(item, value.path) ?? evaluate(value.fallback, item);
    case 'list_append': {
      const left = evaluate(value.left, item);
      const right = evaluate(value.right, item);
      if (left.L === undefined || right.L === undefined) throw validationException(updateMessages.wrongType);
      return { L: [...left.L, ...right.L] };
    }
    case '+':
    case '-': {
      const left = evaluate(value.left, item);
      const right = evaluate(value.right, item);
      if (left.N === undefined || right.N === undefined) throw validationException(updateMessages.wrongType);
      return { N: value.kind === '+' ? addNumbers(left.N, right.N) : subtractNumbers(left.N, right.N) };
    }
  }
}

function union<T>(existing: T[], added: T[], eq: (a: T, b: T) => boolean): T[] {
  const out = existing.slice();
  for (const m of added) if (!out.some((e) => eq(e, m))) out.push(m);
  return out;
}

const numbersEqual = (a: string, b: string): boolean => a === b || compareNumbers(a, b) === 0;

/** ADD: number sum, set union (legacy: list append); undefined existing value takes the operand. */
function add(existing: AttributeValue | undefined, operand: AttributeValue, legacy: boolean): AttributeValue {
  if (existing === undefined) return operand;
  const fail = (): never => { throw validationException(legacy ? updateMessages.legacyWrongType : updateMessages.wrongType); };
  if (operand.N !== undefined) return existing.N !== undefined ? { N: addNumbers(existing.N, operand.N) } : fail();
  if (operand.SS !== undefined) return existing.SS !== undefined ? { SS: union(existing.SS, operand.SS, (a, b) => a === b) } : fail();
  if (operand.NS !== undefined) return existing.NS !== undefined ? { NS: union(existing.NS, operand.NS, numbersEqual) } : fail();
  if (operand.BS !== undefined) return existing.BS !== undefined ? { BS: union(existing.BS, operand.BS, bytesEqual) } : fail();
  if (legacy && operand.L !== undefined) return existing.L !== undefined ? { L: [...existing.L, ...operand.L] } : fail();
  return fail();
}

/** DELETE: set difference; undefined when nothing is left (the attribute goes). */
function remove(existing: AttributeValue, operand: AttributeValue, legacy: boolean): AttributeValue | undefined {
  const fail = (): never => { throw validationException(legacy ? updateMessages.legacyWrongType : updateMessages.wrongType); };
  let rest: AttributeValue;
  if (operand.SS !== undefined) rest = existing.SS !== undefined ? { SS: existing.SS.filter((m) => !operand.SS.includes(m)) } : fail();
  else if (operand.NS !== undefined) rest = existing.NS !== undefined ? { NS: existing.NS.filter((m) => !operand.NS.some((d) => numbersEqual(m, d))) } : fail();
  else if (operand.BS !== undefined) rest = existing.BS !== undefined ? { BS: existing.BS.filter((m) => !operand.BS.some((d) => bytesEqual(m, d))) } : fail();
  else return fail();
  const members = rest.SS ?? rest.NS ?? rest.BS ?? [];
  return members.length === 0 ? undefined : rest;
}

const invalidPath = (): Error => validationException(updateMessages.invalidPath);

/** Writes `value` at path[i..] inside `container`, copying containers on the way; returns the new container. */
function writeIn(container: AttributeValue, path: Path, i: number, value: AttributeValue): AttributeValue {
  const step = path[i]!;
  const last = i === path.length - 1;
  if (typeof step === 'number') {
    if (container.L === undefined) throw invalidPath();
    const list = container.L.slice();
    if (last) {
      if (step >= list.length) list.push(value); else list[step] = value;
    } else {
      const child = list[step];
      if (child === undefined) throw invalidPath();
      list[step] = writeIn(child, path, i + 1, value);
    }
    return { L: list };
  }
  if (container.M === undefined) throw invalidPath();
  if (last) return { M: { ...container.M, [step]: value } };
  const child = memberOf(container.M, step);
  if (child === undefined) throw invalidPath();
  return { M: { ...container.M, [step]: writeIn(child, path, i + 1, value) } };
}

function write(item: Item, path: Path, value: AttributeValue): void {
  const head = path[0] as string;
  if (path.length === 1) { setOwn(item, head, value); return; }
  const child = memberOf(item, head);
  if (child === undefined) throw invalidPath();
  setOwn(item, head, writeIn(child, path, 1, value));
}

/** Removes path[i..] inside `container`; a missing last step is not an error, a missing parent is. */
function eraseIn(container: AttributeValue, path: Path, i: number): AttributeValue {
  const step = path[i]!;
  const last = i === path.length - 1;
  if (typeof step === 'number') {
    if (container.L === undefined) throw invalidPath();
    if (step >= container.L.length) { if (last) return container; throw invalidPath(); }
    const list = container.L.slice();
    if (last) list.splice(step, 1); else list[step] = eraseIn(list[step]!, path, i + 1);
    return { L: list };
  }
  if (container.M === undefined) throw invalidPath();
  const child = memberOf(container.M, step);
  if (child === undefined) { if (last) return container; throw invalidPath(); }
  const map = { ...container.M };
  if (last) delete map[step]; else setOwn(map, step, eraseIn(child, path, i + 1));
  return { M: map };
}

function erase(item: Item, path: Path): void {
  const head = path[0] as string;
  if (path.length === 1) { delete item[head]; return; }
  const child = memberOf(item, head);
  if (child === undefined) throw invalidPath();
  setOwn(item, head, eraseIn(child, path, 1));
}

const lastIndex = (path: Path): number => { const l = path[path.length - 1]; return typeof l === 'number' ? l : -1; };

/** Applies an update to an item (undefined: the item does not exist yet). */
export function applyUpdate(ast: UpdateAst, original: Item | undefined): UpdateResult {
  const before: Item = original ?? {};
  // 1. Every value from the item as it was.
  const sets: { path: Path; value: AttributeValue }[] = [];
  const changes: { path: Path; value: AttributeValue | undefined }[] = [];
  const removes: Path[] = [];
  for (const action of ast.actions as UpdateAction[]) {
    switch (action.kind) {
      case 'SET': sets.push({ path: action.path, value: evaluate(action.value, before) }); break;
      case 'REMOVE': removes.push(action.path); break;
      case 'ADD': changes.push({ path: action.path, value: add(valueAt(before, action.path), action.value, action.legacy === true) }); break;
      case 'DELETE': {
        const existing = valueAt(before, action.path);
        if (existing !== undefined) changes.push({ path: action.path, value: remove(existing, action.value, action.legacy === true) });
        break;
      }
    }
  }
  // 2. Then the writes, in an order that keeps list indexes meaning the original list.
  const item: Item = { ...before };
  const updatedPaths: Path[] = [];
  sets.sort((a, b) => lastIndex(a.path) - lastIndex(b.path));
  // A path is reported as written, so an append past a list's end (l[100] landing at l[3]) is in
  // neither UPDATED_OLD nor UPDATED_NEW, as on AWS (scylladb/scylladb
  // test/alternator/test_returnvalues.py test_update_item_returnvalues_nested, run against AWS).
  for (const { path, value } of sets) { write(item, path, value); updatedPaths.push(path); }
  for (const { path, value } of changes) {
    if (value === undefined) erase(item, path); else write(item, path, value);
    updatedPaths.push(path);
  }
  removes.sort((a, b) => lastIndex(b) - lastIndex(a));
  for (const path of removes) {
    if (valueAt(before, path) !== undefined) updatedPaths.push(path);
    erase(item, path);
  }
  return { item, updatedPaths };
}

