/**
 * Equality and order of attribute values, as conditions and sorting use them.
 * Only S, N and B have an order; equality is defined for every type (sets regardless of member
 * order, lists element-wise, maps by entries).
 */
import { compareNumbers } from './number.js';
import { bytesEqual, compareBytes, compareUtf8 } from './ordering.js';
import type { AttributeValue } from './types.js';

/**
 * Orders two scalars of the same type (S by UTF-8 bytes, N by value, B by bytes). Returns
 * undefined when they are not comparable: different types, or a type without an order.
 */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  if (a.S !== undefined) return b.S !== undefined ? compareUtf8(a.S, b.S) : undefined;
  if (a.N !== undefined) return b.N !== undefined ? compareNumbers(a.N, b.N) : undefined;
  if (a.B !== undefined) return b.B !== undefined ? compareBytes(a.B, b.B) : undefined;
  return undefined;
}

const numbersEqual = (x: string, y: string): boolean => x === y || compareNumbers(x, y) === 0;

function setEqual<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  // Sets are small in practice; members are unique, so equal sizes + inclusion is equality.
  for (const x of a) if (!b.some((y) => eq(x, y))) return false;
  return true;
}

/** Deep equality of two attribute values of any type. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && numbersEqual(a.N, b.N);
  if (a.B !== undefined) return b.B !== undefined && bytesEqual(a.B, b.B);
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.SS !== undefined) return b.SS !== undefined && setEqual(a.SS, b.SS, (x, y) => x === y);
  if (a.NS !== undefined) return b.NS !== undefined && setEqual(a.NS, b.NS, numbersEqual);
  if (a.BS !== undefined) return b.BS !== undefined && setEqual(a.BS, b.BS, bytesEqual);
  if (a.L !== undefined) {
    if (b.L === undefined || a.L.length !== b.L.length) return false;
    for (let i = 0; i < a.L.length; i++) if (!valuesEqual(a.L[i]!, b.L[i]!)) return false;
    return true;
  }
  if (a.M !== undefined) {
    if (b.M === undefined) return false;
    const keys = Object.keys(a.M);
    if (keys.length !== Object.keys(b.M).length) return false;
    for (const k of keys) {
      const other = b.M[k];
      if (other === undefined || !valuesEqual(a.M[k]!, other)) return false;
    }
    return true;
  }
  return false;
}
