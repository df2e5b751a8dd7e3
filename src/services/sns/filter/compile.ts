/**
 * Filter policies: JSON → validated, compiled form (one pure step; match.ts evaluates it).
 * The syntax: per key, an array of conditions (any may match) — exact strings, numbers,
 * booleans and null; {prefix}, {suffix}, {equals-ignore-case}, {anything-but: value | [values]
 * | {prefix} | {suffix} | {equals-ignore-case}}, {numeric: [op, n (, op, n)]}, {exists}, {cidr};
 * `$or` with an array of sub-policies; nested objects (MessageBody scope only).
 * Limits and messages as SNS words them: at most 5 keys, at most 150 combinations, 256 KiB.
 * https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
 */
import type { PolicyError } from './policy-error.js';

export type Scope = 'MessageAttributes' | 'MessageBody';

export type Condition =
  | { kind: 'exact'; value: string | number | boolean | null }
  | { kind: 'prefix' | 'suffix' | 'equals-ignore-case'; value: string }
  | { kind: 'anything-but'; values: (string | number | boolean | null)[] }
  | { kind: 'anything-but-prefix' | 'anything-but-suffix' | 'anything-but-ignore-case'; value: string }
  | { kind: 'numeric'; lower?: { n: number; inclusive: boolean }; upper?: { n: number; inclusive: boolean }; equals?: number }
  | { kind: 'exists'; value: boolean }
  | { kind: 'cidr'; network: bigint; bits: number; v6: boolean };

/** A policy: every key must match (AND); each `$or` entry is a list of alternative policies. */
export interface CompiledPolicy {
  keys: { path: string[]; conditions: Condition[] }[];
  ors: CompiledPolicy[][];
}

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;
export const MAX_POLICY_BYTES = 256 * 1024;

export function compilePolicy(text: string, scope: Scope, fail: PolicyError): CompiledPolicy {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) throw fail('FilterPolicy: Filter policy is too long');
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw fail('FilterPolicy: failed to parse JSON.'); }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('FilterPolicy: Filter policy must be a JSON object');
  const top = json as Record<string, unknown>;
  if (Object.keys(top).length > MAX_KEYS) throw fail('FilterPolicy: Filter policy can not have more than 5 keys');
  const { policy, combinations } = compileObject(top, [], 1, 1, scope, fail);
  if (combinations > MAX_COMBINATIONS) throw fail('FilterPolicy: Filter policy is too complex');
  return policy;
}

function compileObject(obj: Record<string, unknown>, path: string[], depth: number, combinations: number, scope: Scope, fail: PolicyError): { policy: CompiledPolicy; combinations: number } {
  const policy: CompiledPolicy = { keys: [], ors: [] };
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$or' && Array.isArray(value)) {
      if (value.length < 2) throw fail('FilterPolicy: $or must have at least 2 elements');
      let sum = 0;
      const alternatives: CompiledPolicy[] = [];
      for (const alt of value) {
        if (typeof alt !== 'object' || alt === null || Array.isArray(alt)) throw fail('FilterPolicy: $or elements must be objects');
        const sub = compileObject(alt as Record<string, unknown>, path, depth, combinations, scope, fail);
        alternatives.push(sub.policy);
        sum += sub.combinations;
      }
      policy.ors.push(alternatives);
      combinations = sum;
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw fail('FilterPolicy: Empty arrays are not allowed');
      policy.keys.push({ path: [...path, key], conditions: value.map((rule) => compileRule(rule, fail)) });
      combinations = combinations * value.length * depth;
    } else if (typeof value === 'object' && value !== null) {
      if (scope === 'MessageAttributes') throw fail('Filter policy scope MessageAttributes does not support nested filter policy');
      const sub = compileObject(value as Record<string, unknown>, [...path, key], depth + 1, combinations, scope, fail);
      policy.keys.push(...sub.policy.keys);
      policy.ors.push(...sub.policy.ors);
      combinations = sub.combinations;
    } else {
      throw fail(`FilterPolicy: "${key}" must be an object or an array`);
    }
  }
  return { policy, combinations };
}

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function compileRule(rule: unknown, fail: PolicyError): Condition {
  if (isScalar(rule)) return { kind: 'exact', value: rule };
  if (typeof rule !== 'object' || Array.isArray(rule)) throw fail('FilterPolicy: Match value must be String, number, true, false, or null');
  const entries = Object.entries(rule as Record<string, unknown>);
  if (entries.length !== 1) throw fail('FilterPolicy: Only one key allowed in match expression');
  const [operator, value] = entries[0]!;
  switch (operator) {
    case 'prefix': case 'suffix': case 'equals-ignore-case':
      if (typeof value !== 'string') throw fail(`FilterPolicy: ${operator} match pattern must be a string`);
      return { kind: operator, value };
    case 'anything-but': return compileAnythingBut(value, fail);
    case 'exists':
      if (typeof value !== 'boolean') throw fail('FilterPolicy: exists match pattern must be either true or false.');
      return { kind: 'exists', value };
    case 'numeric': return compileNumeric(value, fail);
    case 'cidr': return compileCidr(value, fail);
    default: throw fail(`FilterPolicy: Unrecognized match type ${operator}`);
  }
}

function compileAnythingBut(value: unknown, fail: PolicyError): Condition {
  if (isScalar(value)) return { kind: 'anything-but', values: [value] };
  if (Array.isArray(value)) {
    for (const v of value) if (!isScalar(v)) throw fail('FilterPolicy: Match value must be String, number, true, false, or null');
    return { kind: 'anything-but', values: value as Scalar[] };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length !== 1) throw fail('FilterPolicy: Only one key allowed in match expression');
    const [inner, pattern] = entries[0]!;
    const kinds: Record<string, Condition['kind']> = { prefix: 'anything-but-prefix', suffix: 'anything-but-suffix', 'equals-ignore-case': 'anything-but-ignore-case' };
    const kind = kinds[inner];
    if (kind === undefined) throw fail(`FilterPolicy: Unsupported anything-but pattern: ${inner}`);
    if (typeof pattern !== 'string') throw fail(`FilterPolicy: ${inner} match pattern must be a string`);
    return { kind, value: pattern } as Condition;
  }
  throw fail('FilterPolicy: Match value must be String, number, true, false, or null');
}

const NUMERIC_OPS = ['<', '<=', '=', '>', '>='];

function compileNumeric(value: unknown, fail: PolicyError): Condition {
  if (!Array.isArray(value) || value.length === 0) throw fail('FilterPolicy: Invalid member in numeric match: ]');
  const [op, n, op2, n2, ...rest] = value as unknown[];
  if (typeof op !== 'string') throw fail(`FilterPolicy: Invalid member in numeric match: ${String(op)}`);
  if (!NUMERIC_OPS.includes(op)) throw fail(`FilterPolicy: Unrecognized numeric range operator: ${op}`);
  if (typeof n !== 'number') throw fail(`FilterPolicy: Value of ${op === '=' ? 'equals' : op} must be numeric`);
  checkRange(n, fail);
  if (value.length === 2) {
    if (op === '=') return { kind: 'numeric', equals: n };
    return op.startsWith('>') ? { kind: 'numeric', lower: { n, inclusive: op === '>=' } } : { kind: 'numeric', upper: { n, inclusive: op === '<=' } };
  }
  if (op !== '>' && op !== '>=') throw fail('FilterPolicy: Too many elements in numeric expression');
  if (typeof op2 !== 'string') throw fail(`FilterPolicy: Bad value in numeric range: ${String(op2)}`);
  if (op2 !== '<' && op2 !== '<=') throw fail(`FilterPolicy: Bad numeric range operator: ${op2}`);
  if (typeof n2 !== 'number') throw fail(`FilterPolicy: Value of ${op2} must be numeric`);
  checkRange(n2, fail);
  if (n2 <= n) throw fail('FilterPolicy: Bottom must be less than top');
  if (rest.length > 0) throw fail('FilterPolicy: Too many terms in numeric range expression');
  return { kind: 'numeric', lower: { n, inclusive: op === '>=' }, upper: { n: n2, inclusive: op2 === '<=' } };
}

/** SNS matches numbers from -10^9 to 10^9 with five digits after the point. */
function checkRange(n: number, fail: PolicyError): void {
  if (n <= -1e9 || n >= 1e9) throw fail('FilterPolicy: Numeric value must be between -1000000000 and 1000000000');
}

function compileCidr(value: unknown, fail: PolicyError): Condition {
  if (typeof value !== 'string') throw fail('FilterPolicy: prefix match pattern must be a string');
  const parts = value.split('/');
  if (parts.length !== 2) throw fail("FilterPolicy: Malformed CIDR, one '/' required");
  const [ip, mask] = parts as [string, string];
  if (!/^\d+$/.test(mask)) throw fail('FilterPolicy: Malformed CIDR, mask bits must be an integer');
  const parsed = parseIp(ip);
  const bits = Number(mask);
  if (parsed === undefined || bits > (parsed.v6 ? 128 : 32)) throw fail(`FilterPolicy: Nonstandard IP address: ${ip}`);
  const width = parsed.v6 ? 128 : 32;
  const network = bits === 0 ? 0n : (parsed.value >> BigInt(width - bits));
  return { kind: 'cidr', network, bits, v6: parsed.v6 };
}

/** An IPv4 or IPv6 address as an integer, or undefined when it is not one. */
export function parseIp(text: string): { value: bigint; v6: boolean } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    let value = 0n;
    for (let i = 1; i <= 4; i++) {
      const octet = Number(v4[i]);
      if (octet > 255) return undefined;
      value = (value << 8n) | BigInt(octet);
    }
    return { value, v6: false };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1]!.split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const g of groups) {
    if (g.length === 0 || g.length > 4) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return { value, v6: true };
}
