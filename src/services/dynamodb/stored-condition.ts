/**
 * A condition (a Scan or Query filter) tested on a stored item's text, where the page reader
 * located the top-level attributes it reads (item-text.ts), without decoding them: the common
 * tests of a top-level attribute against a number or string value (comparisons, BETWEEN,
 * attribute_exists / attribute_not_exists, attribute_type, begins_with) compare the stored
 * characters in place. Any other test (nested paths, size(), IN, contains, binary values, two
 * attributes compared) decodes the attributes it reads and runs the compiled condition
 * (expressions/condition-eval.ts), so its meaning is that module's by construction.
 *
 * Why: a filtered Scan decoded the filter's attribute of every item it read into a new object
 * (`{N: "42"}` and its string), then compared numbers by converting both texts: for 10,000
 * items that was ~0.6 ms of a ~9 ms Scan, and the garbage a third more young-generation
 * collections (bench dynamodb-figures, Scan with `n < :x`).
 *
 * The in-place tests mirror values/compare.ts exactly: numbers of at most 15 characters compare
 * as doubles (as compareNumbers does; the in-place parse gives the same double as `+text`, see
 * storedDecimal), longer ones through compareNumbers; strings by UTF-8 bytes as compareUtf8 does,
 * read in place only from texts without escapes (others decode the attribute).
 */
import { compileCondition } from './expressions/condition-eval.js';
import { conditionAttributes } from './expressions/condition-attributes.js';
import type { Comparator, Condition, Operand } from './expressions/ast.js';
import { STORED_TYPE_NAMES, StoredType } from './item-text.js';
import { compareNumbers, compareUtf8, typeOf, type AttributeValue, type Item } from './values/index.js';

/** What a stored test reads: the located attributes of the item text read last (ItemTextReader). */
export interface StoredAttributes {
  readonly text: string;
  /** The text has no escapes. */
  readonly plain: boolean;
  /** StoredType of the slot's attribute, 0 when the item lacks it. */
  typeOf(slot: number): number;
  /** An S, N or B value's payload: text[payloadStart, payloadEnd), as stored. */
  payloadStart(slot: number): number;
  payloadEnd(slot: number): number;
  /** The slot's attribute decoded (undefined when the item lacks it). */
  valueOf(slot: number): AttributeValue | undefined;
}

export type StoredTest = (attributes: StoredAttributes) => boolean;
/** The slot a page reader gives a top-level attribute (ItemTextReader.slotOf). */
export type SlotOf = (name: string) => number;

/**
 * An item test run on the decoded attributes it reads: the way for tests without a stored form.
 * One holder object is refilled per call (it has no prototype, so an attribute named like an
 * Object.prototype member reads as the item's, and `__proto__` is an ordinary member).
 */
export function decodingTest(test: (item: Item) => boolean, reads: Iterable<string>, slotOf: SlotOf): StoredTest {
  const names = [...reads];
  const slots = names.map(slotOf);
  const holder = Object.create(null) as Item;
  return (attributes) => {
    for (let i = 0; i < names.length; i++) holder[names[i]!] = attributes.valueOf(slots[i]!) as AttributeValue;
    return test(holder);
  };
}

/** A number or string value a top-level attribute is tested against. */
type Constant =
  | { type: typeof StoredType.N; text: string; double: number | undefined }
  | { type: typeof StoredType.S; text: string };

function constantOf(operand: Operand): Constant | undefined {
  if (operand.kind !== 'value') return undefined;
  const value = operand.value;
  const type = typeOf(value);
  // compareNumbers compares texts of at most 15 characters as doubles.
  if (type === 'N') return { type: StoredType.N, text: value.N!, double: value.N!.length <= 15 ? +value.N! : undefined };
  if (type === 'S') return { type: StoredType.S, text: value.S! };
  return undefined;
}

/** The slot of a path operand naming a top-level attribute, or -1. */
function topLevelSlot(operand: Operand, slotOf: SlotOf): number {
  return operand.kind === 'path' && operand.path.length === 1 ? slotOf(operand.path[0] as string) : -1;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The plain decimal text[start, end) (`-12.5`, at most 15 characters) as a double, or NaN for
 * any other form. Equal to `+text.slice(start, end)`: its digits (at most 15) make an integer
 * below 2^53, held exactly, and dividing it by an exact power of ten rounds once, to the double
 * nearest the decimal, as the string conversion does.
 */
export function storedDecimal(text: string, start: number, end: number): number {
  if (end - start > 15) return NaN;
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) {
      scale = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0) return NaN;
  const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale]! : mantissa;
  return negative ? -value : value;
}

/** Number() of the slot's N value (which the caller has checked), read in place when it is short. */
export function storedNumberValue(a: StoredAttributes, slot: number): number {
  const start = a.payloadStart(slot);
  const end = a.payloadEnd(slot);
  const x = storedDecimal(a.text, start, end);
  return x === x ? x : Number(a.text.slice(start, end));
}

/** compareNumbers(stored payload, constant) without slicing the payload when both are short. */
function compareStoredNumber(a: StoredAttributes, slot: number, c: { text: string; double: number | undefined }): number {
  const start = a.payloadStart(slot);
  const end = a.payloadEnd(slot);
  if (c.double !== undefined && end - start <= 15) {
    const x = storedDecimal(a.text, start, end);
    if (x === x) return x < c.double ? -1 : x > c.double ? 1 : 0;
  }
  return compareNumbers(a.text.slice(start, end), c.text);
}

/** compareUtf8's fix-up: code units of surrogates order above 0xE000-0xFFFF, as their code points do. */
const fixup = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/** compareUtf8(stored string, constant), in place when the text has no escapes. */
function compareStoredString(a: StoredAttributes, slot: number, s: string): number {
  if (!a.plain) return compareUtf8(a.valueOf(slot)!.S!, s);
  const text = a.text;
  const start = a.payloadStart(slot);
  const length = a.payloadEnd(slot) - start;
  const n = Math.min(length, s.length);
  for (let i = 0; i < n; i++) {
    const x = text.charCodeAt(start + i);
    const y = s.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? fixup(x) - fixup(y) : x - y;
  }
  return length - s.length;
}

/** Orders the slot's value (of the constant's type) against the constant. */
function comparer(c: Constant): (a: StoredAttributes, slot: number) => number {
  if (c.type === StoredType.N) return (a, slot) => compareStoredNumber(a, slot, c);
  const s = c.text;
  return (a, slot) => compareStoredString(a, slot, s);
}

const FLIPPED: Record<Comparator, Comparator> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * `attribute op constant`. As compareValues/valuesEqual: a missing attribute or one of another
 * type is unequal (so `<>` holds) and unordered (so `<`, `<=`, `>`, `>=` fail).
 */
function compareLeaf(op: Comparator, slot: number, c: Constant): StoredTest {
  const type = c.type;
  const compare = comparer(c);
  switch (op) {
    case '=': return (a) => a.typeOf(slot) === type && compare(a, slot) === 0;
    case '<>': return (a) => a.typeOf(slot) !== type || compare(a, slot) !== 0;
    case '<': return (a) => a.typeOf(slot) === type && compare(a, slot) < 0;
    case '<=': return (a) => a.typeOf(slot) === type && compare(a, slot) <= 0;
    case '>': return (a) => a.typeOf(slot) === type && compare(a, slot) > 0;
    case '>=': return (a) => a.typeOf(slot) === type && compare(a, slot) >= 0;
  }
}

/** The stored form of one test, or undefined when it has none (it then decodes). */
function storedLeaf(condition: Condition, slotOf: SlotOf): StoredTest | undefined {
  switch (condition.kind) {
    case 'compare': {
      const left = topLevelSlot(condition.left, slotOf);
      const right = topLevelSlot(condition.right, slotOf);
      if (left >= 0) { const c = constantOf(condition.right); return c && compareLeaf(condition.op, left, c); }
      if (right >= 0) { const c = constantOf(condition.left); return c && compareLeaf(FLIPPED[condition.op], right, c); }
      return undefined;
    }
    case 'between': {
      const slot = topLevelSlot(condition.operand, slotOf);
      const low = constantOf(condition.low);
      const high = constantOf(condition.high);
      if (slot < 0 || low === undefined || high === undefined || low.type !== high.type) return undefined;
      const type = low.type;
      const fromLow = comparer(low);
      const fromHigh = comparer(high);
      return (a) => a.typeOf(slot) === type && fromLow(a, slot) >= 0 && fromHigh(a, slot) <= 0;
    }
    case 'function': {
      const slot = topLevelSlot(condition.args[0]!, slotOf);
      if (slot < 0) return undefined;
      switch (condition.name) {
        case 'attribute_exists': return (a) => a.typeOf(slot) !== 0;
        case 'attribute_not_exists': return (a) => a.typeOf(slot) === 0;
        case 'attribute_type': {
          const c = constantOf(condition.args[1]!);
          if (c?.type !== StoredType.S) return undefined;
          const name = c.text;
          return (a) => a.typeOf(slot) !== 0 && STORED_TYPE_NAMES[a.typeOf(slot)] === name;
        }
        case 'begins_with': {
          const c = constantOf(condition.args[1]!);
          if (c?.type !== StoredType.S) return undefined;
          const prefix = c.text;
          return (a) => {
            if (a.typeOf(slot) !== StoredType.S) return false;
            if (!a.plain) return a.valueOf(slot)!.S!.startsWith(prefix);
            const start = a.payloadStart(slot);
            return prefix.length <= a.payloadEnd(slot) - start && a.text.startsWith(prefix, start);
          };
        }
        default: return undefined;
      }
    }
    default: return undefined;
  }
}

/** `condition` as a test on stored attributes located at `slotOf`'s slots (each one it reads must have one). */
export function compileStoredCondition(condition: Condition, slotOf: SlotOf): StoredTest {
  switch (condition.kind) {
    case 'and': { const l = compileStoredCondition(condition.left, slotOf); const r = compileStoredCondition(condition.right, slotOf); return (a) => l(a) && r(a); }
    case 'or': { const l = compileStoredCondition(condition.left, slotOf); const r = compileStoredCondition(condition.right, slotOf); return (a) => l(a) || r(a); }
    case 'not': { const c = compileStoredCondition(condition.condition, slotOf); return (a) => !c(a); }
    default: return storedLeaf(condition, slotOf) ?? decodingTest(compileCondition(condition), conditionAttributes(condition), slotOf);
  }
}
