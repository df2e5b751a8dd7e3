/**
 * JSON.stringify for an encoded output that holds RawJson values (util/raw-json.ts): their text
 * is written as it is. Used only for outputs marked as holding them, whose trees are small
 * around the raw values (a Query page: Items, Count, ScannedCount, LastEvaluatedKey,
 * ConsumedCapacity), so a walk in JS costs little; everything else keeps native JSON.stringify.
 * Input is what the compiled encoder returns: plain objects without undefined or null members,
 * arrays, strings, numbers, booleans.
 */
import { RawJson } from '../../util/raw-json.js';

export function stringifyWithRawJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      // As JSON.stringify: a missing array element is written as null.
      s += (i === 0 ? '' : ',') + (v === undefined || v === null ? 'null' : stringifyWithRawJson(v));
    }
    return s + ']';
  }
  if (typeof value === 'object' && value !== null) {
    let s = '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      s += (first ? '' : ',') + JSON.stringify(key) + ':' + stringifyWithRawJson(v);
      first = false;
    }
    return s + '}';
  }
  return JSON.stringify(value);
}
