/**
 * The pool task of Scan and Query: filter and project a batch of stored items (DynamoDB JSON,
 * one per line of a UTF-8 buffer) and hand back which matched and their projections. Pure, so
 * src/pool runs it inline for small batches and in a worker for large ones (the threshold is
 * measured by bench/micro/dynamodb-expressions.ts --pool).
 */
import { parseItemJson, stringifyItemJson } from '../values/item-json.js';
import type { Condition } from './ast.js';
import { compileCondition } from './condition-eval.js';
import type { Path } from './paths.js';
import { compileProjection } from './projection.js';

export interface FilterBatchInput {
  /** Stored items, DynamoDB JSON, one per line (UTF-8). */
  items: Uint8Array;
  /** Keep only items that satisfy it (absent: keep all). */
  filter?: Condition;
  /** Project kept items onto these paths (absent: no projections returned). */
  projection?: Path[];
}

export interface FilterBatchOutput {
  /** Line numbers of the kept items, ascending. */
  matches: Uint32Array;
  /** The kept items projected, DynamoDB JSON, one per line, in `matches` order. */
  projected?: Uint8Array;
}

/** Splits a batch buffer into its item texts. */
export function batchLines(items: Uint8Array): string[] {
  const text = Buffer.from(items.buffer, items.byteOffset, items.byteLength).toString('utf8');
  return text.length === 0 ? [] : text.split('\n');
}

/** Joins item texts into a batch buffer. */
export function toBatch(texts: readonly string[]): Uint8Array {
  return Buffer.from(texts.join('\n'), 'utf8');
}

export function filterBatch(input: FilterBatchInput): FilterBatchOutput {
  const lines = batchLines(input.items);
  const keep = input.filter ? compileCondition(input.filter) : undefined;
  const shape = input.projection ? compileProjection(input.projection) : undefined;
  const matches: number[] = [];
  const projected: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const item = parseItemJson(lines[i]!);
    if (keep && !keep(item)) continue;
    matches.push(i);
    if (shape) projected.push(stringifyItemJson(shape(item)));
  }
  return { matches: Uint32Array.from(matches), ...(shape ? { projected: toBatch(projected) } : {}) };
}
