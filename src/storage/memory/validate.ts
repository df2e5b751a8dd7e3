/**
 * Argument checks shared by both MetaStore backends, so the in-memory one refuses exactly what
 * LevelDB would mangle (STYLE habit 4: the public entry validates, the private part trusts).
 */
import type { MetaOp } from '../meta-store.js';

/** abstract-level sublevel names must be bytes 0x23–0x7E (it reserves '!' and '"' for prefixes). */
const NS_NAME = /^[\x23-\x7e]+$/;

export function checkNamespace(ns: string): void {
  if (typeof ns !== 'string' || !NS_NAME.test(ns)) {
    throw new TypeError(`invalid MetaStore namespace ${JSON.stringify(ns)}: use printable ASCII other than '!' and '"'`);
  }
}

/**
 * String.prototype.isWellFormed (ES2024, in V8 since Node 20) is past our tsconfig lib, hence
 * this type. Why it and not a lone-surrogate regex: the regex flattened every value it tested
 * (a stored record is usually a concatenation), 1.2 KB allocated per SQS message; isWellFormed
 * answers a one-byte string from its representation. Scratch, 1 KB concatenated values: 505-694
 * -> 47-208 ns per check.
 */
interface WellFormedTest { isWellFormed(this: string): boolean }
const isWellFormed = (String.prototype as unknown as WellFormedTest).isWellFormed;

/** Lone surrogates cannot be encoded as UTF-8: LevelDB would store U+FFFD and the key would change. */
export function checkString(what: 'key' | 'value', s: string): void {
  if (typeof s !== 'string') throw new TypeError(`MetaStore ${what} must be a string`);
  if (!isWellFormed.call(s)) throw new TypeError(`MetaStore ${what} contains a lone surrogate: ${JSON.stringify(s)}`);
}

export function checkOps(ops: readonly MetaOp[]): void {
  if (!Array.isArray(ops)) throw new TypeError('MetaStore batch takes an array of operations');
  for (const op of ops) {
    if (op.type !== 'put' && op.type !== 'del') throw new TypeError(`unknown batch operation type ${String((op as { type: unknown }).type)}`);
    checkNamespace(op.ns);
    checkString('key', op.key);
    if (op.type === 'put') checkString('value', op.value);
  }
}
