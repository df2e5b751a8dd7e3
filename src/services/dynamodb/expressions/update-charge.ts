/**
 * What a standalone UpdateItem's UpdateExpression is charged against the 400 KB item limit.
 * DynamoDB sizes such an update twice: the finished item (as every write) and the statement
 * itself, which counts what each clause writes plus a fixed cost per clause, and leaves out the
 * key and every attribute the statement does not touch; either over 409,600 bytes is refused
 * ("Item size to update has exceeded the maximum allowed size"), the statement's charge before
 * the condition is evaluated. The figures are paritysuite/dynamodb-conformance's measurements
 * (tests/tier3/limits/itemSizeBySurface.test.ts, eu-west-2 2026-08-18 to 2026-10-09, 80 probes;
 * 31 of 33 regions applied the rule on 2026-10-07, eu-south-2 and me-central-1 size the finished
 * item only). AttributeUpdates, transactions and PartiQL are sized on the finished item alone.
 */
import { attributeValueSize } from '../values/item-size.js';
import type { AttributeValue } from '../values/types.js';
import type { Path } from './paths.js';
import type { UpdateAst, UpdateValue } from './update-ast.js';

/** The update itself. */
const UPDATE_COST = 3;
/** A SET or ADD clause, before what it writes. */
const WRITE_COST = 19;
/** A REMOVE or DELETE clause, before its path. */
const REMOVE_COST = 1;
const FUNCTION_COST = { if_not_exists: 39, list_append: 37, '+': 34, '-': 37 } as const;

type Bytes = (s: string) => number;
const utf8Length: Bytes = (s) => Buffer.byteLength(s, 'utf8');
/** At least a string's UTF-8 length (3 bytes per UTF-16 unit at most), without reading it. */
const atMost: Bytes = (s) => s.length * 3;

/** A path written to: its first name, then 4 bytes and the element for each later element. */
function targetCost(path: Path, bytes: Bytes): number {
  let cost = elementBytes(path[0]!, bytes);
  for (let i = 1; i < path.length; i++) cost += 4 + elementBytes(path[i]!, bytes);
  return cost;
}

const elementBytes = (e: string | number, bytes: Bytes): number => (typeof e === 'number' ? String(e).length : bytes(e));

/** A path read as an operand: 1 byte, then 14 bytes and the element for each element (the value it reads is free). */
function operandPathCost(path: Path, bytes: Bytes): number {
  let cost = 1;
  for (const e of path) cost += 14 + elementBytes(e, bytes);
  return cost;
}

const valueSize = (value: AttributeValue, bytes: Bytes): number => (value.S !== undefined ? bytes(value.S) : attributeValueSize(value));

/** A value operand costs its size at every use; a function its fixed cost plus its operands. */
function valueCost(value: UpdateValue, bytes: Bytes): number {
  switch (value.kind) {
    case 'path': return operandPathCost(value.path, bytes);
    case 'value': return valueSize(value.value, bytes);
    case 'if_not_exists': return FUNCTION_COST.if_not_exists + operandPathCost(value.path, bytes) + valueCost(value.fallback, bytes);
    default: return FUNCTION_COST[value.kind] + valueCost(value.left, bytes) + valueCost(value.right, bytes);
  }
}

function charge(update: UpdateAst, bytes: Bytes): number {
  let total = UPDATE_COST;
  for (const action of update.actions) {
    switch (action.kind) {
      case 'SET': total += WRITE_COST + targetCost(action.path, bytes) + valueCost(action.value, bytes); break;
      case 'ADD': total += WRITE_COST + targetCost(action.path, bytes) + valueSize(action.value, bytes); break;
      default: total += REMOVE_COST + targetCost(action.path, bytes);
    }
  }
  return total;
}

/**
 * Whether the statement's charge passes `limit`. Strings are first bounded by their length (no
 * UTF-8 pass), so an ordinary update never measures one; only a bound over the limit is measured.
 */
export function updateChargeExceeds(update: UpdateAst, limit: number): boolean {
  return charge(update, atMost) > limit && charge(update, utf8Length) > limit;
}

export const updateCharge = (update: UpdateAst): number => charge(update, utf8Length);
