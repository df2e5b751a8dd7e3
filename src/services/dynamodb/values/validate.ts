/**
 * Validation of attribute values as DynamoDB does it on every value a request carries (items,
 * keys, ExpressionAttributeValues, legacy conditions), with AWS's exact messages, and
 * normalisation of numbers ("1.50" → "1.5") so stored and compared numbers have one spelling.
 *
 * Rules: exactly one datatype; NULL must be true; sets non-empty and without duplicates (empty
 * strings and binaries are allowed as values, also inside sets and lists, since May 2020);
 * numbers valid (number.ts); documents nested at most 32 levels.
 * Key-specific rules (no empty S/B, key sizes) are in key-rules.ts: only the service knows which
 * attributes are keys.
 */
import { validationException, type ValueLayer } from './errors.js';
import { formatDecimal, isNormalInteger, parseDecimal } from './number.js';
import { compareBytes, compareUtf8 } from './ordering.js';
import { ATTRIBUTE_TYPES, type AttributeValue, type Item } from './types.js';
import { setOwn } from '../../../util/own-member.js';

export const MAX_NESTING_DEPTH = 32;

const INVALID = 'One or more parameter values were invalid: ';

export const valueMessages = {
  empty: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
  multiple: 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
  nullFalse: `${INVALID}Null attribute value types must have the value of true`,
  emptySS: `${INVALID}An string set  may not be empty`,
  emptyNS: `${INVALID}An number set  may not be empty`,
  emptyBS: `${INVALID}Binary sets should not be empty`,
  // The older layer prints the members as sent; the current one quotes them, in byte order up to
  // the first repeat, then the repeat, then the rest as sent (see duplicateListing).
  duplicateSS: (members: string[], layer: ValueLayer = 'current') => (layer === 'older'
    ? `${INVALID}Input collection [${members.join(', ')}] contains duplicates.`
    : `${INVALID}Input collection [${duplicateListing(members, compareUtf8).map((m) => JSON.stringify(m)).join(', ')}] contains duplicates.`),
  duplicateNS: (layer: ValueLayer = 'current') => (layer === 'older' ? 'Input collection contains duplicates' : `${INVALID}Input collection contains duplicates.`),
  duplicateBS: (members: Uint8Array[], layer: ValueLayer = 'current') => (layer === 'older'
    ? `${INVALID}Input collection [${members.map(base64).join(', ')}]of type BS contains duplicates.`
    : `${INVALID}Input collection ${JSON.stringify(duplicateListing(members, compareBytes).map(base64))}of type BS contains duplicates.`),
  nesting: 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
  nameTooLarge: 'Attribute name is too large, must be less than 65536 bytes',
  emptyName: 'Empty attribute name',
};

/**
 * An attribute name, top-level or a map key at any depth, is at most 65,535 bytes of UTF-8
 * (ExtendDB/extenddb#365, measured against the service 2026-09-16: PutItem and UpdateItem answer
 * "Attribute name is too large, must be less than 65536 bytes"; scylladb/scylladb
 * test/alternator/test_limits.py test_limit_attribute_length_nonkey_bad on every surface). A
 * UTF-16 unit is 1 to 3 bytes, so a name of up to 21,845 units is never measured.
 */
export const nameTooLarge = (name: string): boolean => name.length > 21_845 && Buffer.byteLength(name, 'utf8') > 65_535;

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** The members before the first repeat in order, then the repeat, then the rest as sent. */
function duplicateListing<T>(members: T[], compare: (a: T, b: T) => number): T[] {
  const before: T[] = [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (before.some((b) => compare(b, m) === 0)) return [...before.sort(compare), m, ...members.slice(i + 1)];
    before.push(m);
  }
  return members;
}

/** Thrown inside this module; re-thrown as a ValidationException with the caller's framing. */
class Problem {
  constructor(readonly message: string) {}
}

function checkNumber(text: unknown, layer: ValueLayer): string {
  if (typeof text === 'string' && isNormalInteger(text)) return text;
  const parsed = parseDecimal(typeof text === 'string' ? text : '', layer);
  if (typeof parsed === 'string') throw new Problem(parsed);
  return formatDecimal(parsed);
}

function hasDuplicates<T>(members: T[], key: (m: T) => string): boolean {
  const seen = new Set<string>();
  for (const m of members) {
    const k = key(m);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

const bytesKey = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

// `raw` is untrusted decoded JSON; `depth` counts the document levels above it (32 allowed).
function check(raw: unknown, depth: number, layer: ValueLayer): AttributeValue {
  // The attribute itself is level 1; a value at level 33 is refused (31 nested maps hold a leaf
  // at level 32 and pass, 32 do not: captured against AWS by paritysuite/dynamodb-conformance).
  if (depth > MAX_NESTING_DEPTH) throw new Problem(valueMessages.nesting);
  if (raw === null || typeof raw !== 'object') throw new Problem(valueMessages.empty);
  const value = raw as Record<string, unknown>;
  let found = 0;
  let result: AttributeValue | undefined;
  // AWS checks each datatype present in turn, then the count (so a bad number wins over "more than one").
  // for-in, not Object.keys: no array per value (decoded JSON objects inherit no enumerable members).
  for (const type in value) {
    const payload = value[type];
    if (payload === undefined || payload === null || !(ATTRIBUTE_TYPES as readonly string[]).includes(type)) continue;
    found++;
    switch (type) {
      case 'N': {
        const n = checkNumber(payload, layer);
        result = n === payload ? (value as AttributeValue) : { N: n };
        break;
      }
      case 'NULL':
        if (payload !== true) throw new Problem(valueMessages.nullFalse);
        result = value as AttributeValue;
        break;
      case 'SS': {
        const members = payload as string[];
        if (members.length === 0) throw new Problem(valueMessages.emptySS);
        if (hasDuplicates(members, (m) => m)) throw new Problem(valueMessages.duplicateSS(members, layer));
        result = value as AttributeValue;
        break;
      }
      case 'NS': {
        const members = payload as unknown[];
        if (members.length === 0) throw new Problem(valueMessages.emptyNS);
        const normalised = members.map((m) => checkNumber(m, layer));
        if (hasDuplicates(normalised, (m) => m)) throw new Problem(valueMessages.duplicateNS(layer));
        result = normalised.every((m, i) => m === members[i]) ? (value as AttributeValue) : { NS: normalised };
        break;
      }
      case 'BS': {
        const members = payload as Uint8Array[];
        if (members.length === 0) throw new Problem(valueMessages.emptyBS);
        if (hasDuplicates(members, bytesKey)) throw new Problem(valueMessages.duplicateBS(members, layer));
        result = value as AttributeValue;
        break;
      }
      case 'M': {
        const entries = payload as Record<string, unknown>;
        let changed: Record<string, AttributeValue> | undefined;
        for (const name in entries) {
          if (nameTooLarge(name)) throw new Problem(valueMessages.nameTooLarge);
          const child = check(entries[name], depth + 1, layer);
          if (child !== entries[name]) changed ??= { ...(entries as Record<string, AttributeValue>) };
          if (changed) setOwn(changed, name, child);
        }
        result = changed ? { M: changed } : (value as AttributeValue);
        break;
      }
      case 'L': {
        const elements = payload as unknown[];
        let changed: AttributeValue[] | undefined;
        for (let i = 0; i < elements.length; i++) {
          const child = check(elements[i], depth + 1, layer);
          if (child !== elements[i]) changed ??= (elements as AttributeValue[]).slice();
          if (changed) changed[i] = child;
        }
        result = changed ? { L: changed } : (value as AttributeValue);
        break;
      }
      default: // S, B, BOOL: the protocol already checked their JSON types
        result = value as AttributeValue;
    }
  }
  if (found === 0 || !result) throw new Problem(valueMessages.empty);
  if (found > 1) throw new Problem(valueMessages.multiple);
  return result;
}

/**
 * How a caller frames a value's message (e.g. "ExpressionAttributeValues contains invalid value: "
 * … " for key :v") and which validation layer words it (default 'current', see errors.ts).
 */
export interface MessageFrame {
  prefix?: string;
  suffix?: string;
  layer?: ValueLayer;
}

function framed<T>(run: () => T, frame: MessageFrame | undefined): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Problem) throw validationException(`${frame?.prefix ?? ''}${error.message}${frame?.suffix ?? ''}`);
    throw error;
  }
}

/**
 * Validates one attribute value and returns it with its numbers normalised (the same object
 * when nothing changed). Throws DynamoDB's ValidationException with AWS's message.
 */
export function validateAttributeValue(value: unknown, frame?: MessageFrame): AttributeValue {
  return framed(() => check(value, 1, frame?.layer ?? 'current'), frame);
}

/** Validates every value of an item (or key); returns the item with numbers normalised. */
export function validateItem(item: Record<string, unknown>, frame?: MessageFrame): Item {
  // As framed(), inline: every item written passes here, and a closure per item showed up in
  // BatchWriteItem's allocations.
  try {
    // An attribute name is at least one character (developerguide HowItWorks.NamingRulesDataTypes).
    // AWS looks at the names before the values: TransactWriteItems answers "Empty attribute name"
    // ahead of a value nested 100 levels in the same item, in either order, and before the table
    // is looked up (paritysuite/dynamodb-conformance validation-ordering/deepRequests.test.ts, ten
    // regions, 2026-10-09). One own-property lookup, not a pass over the names.
    if (Object.hasOwn(item, '')) throw new Problem(valueMessages.emptyName);
    let changed: Item | undefined;
    for (const name in item) {
      if (nameTooLarge(name)) throw new Problem(valueMessages.nameTooLarge);
      const value = check(item[name], 1, frame?.layer ?? 'current');
      if (value !== item[name]) changed ??= { ...(item as Item) };
      if (changed) setOwn(changed, name, value);
    }
    return changed ?? (item as Item);
  } catch (error) {
    if (error instanceof Problem) throw validationException(`${frame?.prefix ?? ''}${error.message}${frame?.suffix ?? ''}`);
    throw error;
  }
}

/**
 * Does an attribute's value (the attribute at level 1) reach past the 32-level document limit?
 * For items an update builds: its values pass validation one by one, but `SET a.b = :v` puts a
 * 31-level `:v` two levels down. AWS holds the stored item to the same cap (paritysuite/
 * dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts: "An Update that writes a too deep
 * value into the item still cancels on the stored-item cap", eu-west-2 and us-east-1, 2026-09-12).
 */
export function nestedTooDeep(value: AttributeValue, depth = 1): boolean {
  if (depth > MAX_NESTING_DEPTH) return true;
  if (value.M !== undefined) {
    for (const name in value.M) if (nestedTooDeep(value.M[name]!, depth + 1)) return true;
  } else if (value.L !== undefined) {
    for (const element of value.L) if (nestedTooDeep(element, depth + 1)) return true;
  }
  return false;
}

/** The message validation would throw, or undefined for a valid value. */
export function attributeValueProblem(value: unknown, layer: ValueLayer = 'current'): string | undefined {
  try {
    check(value, 1, layer);
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return error.message;
    throw error;
  }
}
