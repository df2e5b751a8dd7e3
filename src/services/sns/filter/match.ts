/**
 * Evaluates a compiled filter policy (compile.ts) against a message: its attributes
 * (MessageAttributes scope) or its JSON body (MessageBody scope). Pure and synchronous.
 *
 * Values: a String attribute is a string, a Number attribute a number, a String.Array attribute
 * each of its elements; Binary attributes only exist. In a body, a key is found by its name with
 * the levels joined by dots, as SNS flattens both the policy and the message: `{"a.b": [...]}`
 * and `{"a": {"b": [...]}}` both match `{"a": {"b": 1}}` and `{"a.b": 1}`; arrays along the way
 * and at the end (arrays of arrays too) are matched element by element. A key matches when any condition matches any value;
 * an absent key matches only {"exists": false}; a policy matches when all keys and one
 * alternative of every `$or` match.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
 */
import { parseIp, type CompiledPolicy, type Condition } from './compile.js';

type Scalar = string | number | boolean | null;

export interface FilterAttribute { DataType: string; StringValue?: string | undefined; BinaryValue?: Uint8Array | undefined }

/** Values of a key: undefined when the key is absent; [] when present with no matchable value. */
type Lookup = (key: CompiledPolicy['keys'][number]) => Scalar[] | undefined;

export function matchesAttributes(policy: CompiledPolicy, attributes: Record<string, FilterAttribute> | undefined): boolean {
  return evaluate(policy, (key) => attributeValues(ownAttribute(attributes, key.path[0]!)));
}

/**
 * The message's own attribute of that name: a policy key such as `toString` or `constructor`
 * must not find Object.prototype's members (hostile pass 26: `{"toString": [{"exists": true}]}`
 * matched every message that had any attribute).
 */
function ownAttribute(attributes: Record<string, FilterAttribute> | undefined, name: string): FilterAttribute | undefined {
  return attributes !== undefined && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}

/** A body that is not a JSON object matches no policy that names a key. */
export function matchesBody(policy: CompiledPolicy, body: string): boolean {
  let json: unknown;
  try { json = JSON.parse(body); } catch { json = undefined; }
  const root = typeof json === 'object' && json !== null && !Array.isArray(json) ? json : undefined;
  return evaluate(policy, (key) => (root === undefined ? undefined : bodyValues(root, key.name)));
}

function evaluate(policy: CompiledPolicy, lookup: Lookup): boolean {
  for (const key of policy.keys) {
    const { conditions } = key;
    const values = lookup(key);
    if (!conditions.some((c) => matchesKey(c, values))) return false;
  }
  return policy.ors.every((alternatives) => alternatives.some((alt) => evaluate(alt, lookup)));
}

function attributeValues(attribute: FilterAttribute | undefined): Scalar[] | undefined {
  if (attribute === undefined) return undefined;
  const type = attribute.DataType;
  const text = attribute.StringValue;
  if (text === undefined) return [];
  if (type === 'String.Array') {
    try {
      const list = JSON.parse(text) as unknown;
      return Array.isArray(list) ? list.filter(isScalar) : [];
    } catch { return []; }
  }
  if (type.startsWith('Number')) return JSON_NUMBER.test(text) ? [Number(text)] : [];
  if (type.startsWith('String')) return [text];
  return [];
}

/**
 * A Number attribute is a number to a filter only when it is written as a JSON number: Publish
 * takes ".5" and "5.", but neither matched 0.5 or 5, exactly or by `numeric` (native AWS,
 * radkawar/stackd testdata/aws/sns/message_rules.json numeric-half-number, numeric-five-number,
 * 2026-09-14; "0.5" matched both). The JSON grammar is boltstack's reading of those two.
 */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * The values at a dotted name: each object key equal to the rest of the name ends it, each key
 * that is a dotted prefix of it leads on (tried at each dot of the rest, so a message key that
 * holds dots is found too, without listing an object's keys). Undefined when nothing is there.
 */
function bodyValues(root: object, name: string): Scalar[] | undefined {
  const out: Scalar[] = [];
  return collect(root, name, out) ? out : undefined;
}

function collect(node: unknown, rest: string, out: Scalar[]): boolean {
  if (Array.isArray(node)) {
    let found = false;
    for (const item of node) if (collect(item, rest, out)) found = true;
    return found;
  }
  if (typeof node !== 'object' || node === null) return false;
  let found = false;
  if (Object.hasOwn(node, rest)) {
    found = true;
    leaves((node as Record<string, unknown>)[rest], out);
  }
  for (let dot = rest.indexOf('.'); dot !== -1; dot = rest.indexOf('.', dot + 1)) {
    const key = rest.slice(0, dot);
    if (Object.hasOwn(node, key) && collect((node as Record<string, unknown>)[key], rest.slice(dot + 1), out)) found = true;
  }
  return found;
}

/** The scalars of a value at the end of a name: itself, or an array's (of arrays') elements. */
function leaves(value: unknown, out: Scalar[]): void {
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (isScalar(value)) out.push(value);
}

function matchesKey(condition: Condition, values: Scalar[] | undefined): boolean {
  if (condition.kind === 'exists') return condition.value === (values !== undefined);
  if (values === undefined) return false;
  return values.some((v) => matchesValue(condition, v));
}

/**
 * Numbers compare exactly: 1.234561 and 1.234569 match neither 1.23456 nor 1.23457 (native AWS,
 * radkawar/stackd testdata/aws/sns/message_rules.json numeric-precision-low, -high, -seven,
 * 2026-09-14), though the docs speak of five digits after the point.
 */
function equal(a: Scalar, b: Scalar): boolean {
  return a === b;
}

function matchesValue(c: Condition, v: Scalar): boolean {
  switch (c.kind) {
    case 'exact': return equal(c.value, v);
    case 'prefix': return typeof v === 'string' && v.startsWith(c.value);
    case 'suffix': return typeof v === 'string' && v.endsWith(c.value);
    case 'equals-ignore-case': return typeof v === 'string' && v.toLowerCase() === c.value.toLowerCase();
    case 'anything-but': return !c.values.some((x) => equal(x, v));
    case 'anything-but-prefix': return typeof v === 'string' && !v.startsWith(c.value);
    case 'anything-but-ignore-case': return typeof v === 'string' && v.toLowerCase() !== c.value.toLowerCase();
    case 'numeric': {
      if (typeof v !== 'number' || Number.isNaN(v)) return false;
      if (c.equals !== undefined) return equal(c.equals, v);
      if (c.lower !== undefined && !(c.lower.inclusive ? v >= c.lower.n : v > c.lower.n)) return false;
      return c.upper === undefined || (c.upper.inclusive ? v <= c.upper.n : v < c.upper.n);
    }
    case 'cidr': {
      if (typeof v !== 'string') return false;
      const ip = parseIp(v);
      if (ip === undefined || ip.v6 !== c.v6) return false;
      const width = c.v6 ? 128 : 32;
      return c.bits === 0 || ip.value >> BigInt(width - c.bits) === c.network;
    }
    case 'exists': return true;
    // Last, so the earlier (common) kinds are compared as before.
    case 'anything-but-suffix': return typeof v === 'string' && !v.endsWith(c.value);
    case 'prefix-ignore-case': return typeof v === 'string' && v.toLowerCase().startsWith(c.value.toLowerCase());
  }
}
