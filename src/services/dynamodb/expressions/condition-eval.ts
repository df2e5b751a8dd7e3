/**
 * Step 4 for conditions: the resolved AST compiled once into closures, so that evaluating a
 * FilterExpression per scanned item is a few direct calls, not a tree walk with a switch per
 * node. Semantics (DynamoDB's): a comparison with a missing operand is false, except `<>` which
 * is true; `<`, `<=`, `>`, `>=` and BETWEEN compare only S, N and B of the same type; IN is true
 * when any listed value equals the operand.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import { compareValues, valuesEqual } from '../values/compare.js';
import { bytesInclude, bytesStartWith } from '../values/ordering.js';
import { compareNumbers } from '../values/number.js';
import { typeOf, type AttributeValue, type Item } from '../values/types.js';
import type { Condition, Operand } from './ast.js';
import { pathGetter } from './paths.js';

type Getter = (item: Item) => AttributeValue | undefined;
export type CompiledCondition = (item: Item) => boolean;

/**
 * size(): a string's length in UTF-16 code units (what DynamoDB counts: size("é𝄞") is 3, checked
 * against AWS by ExtendDB, github.com/ExtendDB/extenddb/pull/67), a binary's bytes, the element
 * count of sets, lists and maps.
 */
export function sizeOf(value: AttributeValue): number | undefined {
  if (value.S !== undefined) return value.S.length;
  if (value.B !== undefined) return value.B.length;
  if (value.SS !== undefined) return value.SS.length;
  if (value.NS !== undefined) return value.NS.length;
  if (value.BS !== undefined) return value.BS.length;
  if (value.L !== undefined) return value.L.length;
  if (value.M !== undefined) return Object.keys(value.M).length;
  return undefined;
}

export function compileOperand(operand: Operand): Getter {
  switch (operand.kind) {
    case 'path': return pathGetter(operand.path);
    case 'value': { const value = operand.value; return () => value; }
    case 'size': {
      const inner = compileOperand(operand.operand);
      return (item) => {
        const v = inner(item);
        const size = v === undefined ? undefined : sizeOf(v);
        return size === undefined ? undefined : { N: String(size) };
      };
    }
  }
}

function contains(haystack: AttributeValue, needle: AttributeValue): boolean {
  if (haystack.S !== undefined) return needle.S !== undefined && haystack.S.includes(needle.S);
  if (haystack.B !== undefined) return needle.B !== undefined && bytesInclude(haystack.B, needle.B);
  if (haystack.SS !== undefined) return needle.S !== undefined && haystack.SS.includes(needle.S);
  if (haystack.NS !== undefined) { const n = needle.N; return n !== undefined && haystack.NS.some((m) => m === n || compareNumbers(m, n) === 0); }
  if (haystack.BS !== undefined) return needle.B !== undefined && haystack.BS.some((m) => compareValues({ B: m }, needle) === 0);
  if (haystack.L !== undefined) return haystack.L.some((e) => valuesEqual(e, needle));
  return false;
}

function beginsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  if (value.S !== undefined) return prefix.S !== undefined && value.S.startsWith(prefix.S);
  if (value.B !== undefined) return prefix.B !== undefined && bytesStartWith(value.B, prefix.B);
  return false;
}

function compileCompare(op: string, left: Getter, right: Getter): CompiledCondition {
  switch (op) {
    case '=': return (item) => { const l = left(item); const r = right(item); return l !== undefined && r !== undefined && valuesEqual(l, r); };
    case '<>': return (item) => { const l = left(item); const r = right(item); return l === undefined || r === undefined || !valuesEqual(l, r); };
    default: {
      const test = op === '<' ? (c: number) => c < 0 : op === '<=' ? (c: number) => c <= 0 : op === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
      return (item) => {
        const l = left(item);
        if (l === undefined) return false;
        const r = right(item);
        if (r === undefined) return false;
        const c = compareValues(l, r);
        return c !== undefined && test(c);
      };
    }
  }
}

export function compileCondition(condition: Condition): CompiledCondition {
  switch (condition.kind) {
    case 'and': { const l = compileCondition(condition.left); const r = compileCondition(condition.right); return (item) => l(item) && r(item); }
    case 'or': { const l = compileCondition(condition.left); const r = compileCondition(condition.right); return (item) => l(item) || r(item); }
    case 'not': { const c = compileCondition(condition.condition); return (item) => !c(item); }
    case 'compare': return compileCompare(condition.op, compileOperand(condition.left), compileOperand(condition.right));
    case 'between': {
      const operand = compileOperand(condition.operand);
      const low = compileOperand(condition.low);
      const high = compileOperand(condition.high);
      return (item) => {
        const v = operand(item);
        const lo = low(item);
        const hi = high(item);
        if (v === undefined || lo === undefined || hi === undefined) return false;
        const a = compareValues(lo, v);
        const b = compareValues(v, hi);
        return a !== undefined && b !== undefined && a <= 0 && b <= 0;
      };
    }
    case 'in': {
      const operand = compileOperand(condition.operand);
      const list = condition.list.map(compileOperand);
      return (item) => {
        const v = operand(item);
        if (v === undefined) return false;
        for (const get of list) { const c = get(item); if (c !== undefined && valuesEqual(v, c)) return true; }
        return false;
      };
    }
    case 'function': {
      const args = condition.args.map(compileOperand);
      const a = args[0]!;
      const b = args[1]!;
      switch (condition.name) {
        case 'attribute_exists': return (item) => a(item) !== undefined;
        case 'attribute_not_exists': return (item) => a(item) === undefined;
        case 'attribute_type': return (item) => { const v = a(item); const t = b(item); return v !== undefined && t?.S !== undefined && typeOf(v) === t.S; };
        case 'begins_with': return (item) => { const v = a(item); const p = b(item); return v !== undefined && p !== undefined && beginsWith(v, p); };
        case 'contains': return (item) => { const v = a(item); const n = b(item); return v !== undefined && n !== undefined && contains(v, n); };
      }
    }
  }
}

/** Evaluates a condition against an item (compile once with compileCondition for many items). */
export function evaluateCondition(condition: Condition, item: Item): boolean {
  return compileCondition(condition)(item);
}
