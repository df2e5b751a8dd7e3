/**
 * Sums the ConsumedCapacity of the reads or writes one request made on one table: a statement
 * read partition by partition (partition-read.ts), the statements of a BatchExecuteStatement (per table).
 */
import type { ConsumedCapacityItem } from '../../../model/generated/dynamodb-types.js';

/** Two ConsumedCapacity answers of one table summed, member by member (CapacityUnits, Table, each index). */
export function addCapacity(a: ConsumedCapacityItem, b: ConsumedCapacityItem): ConsumedCapacityItem {
  const sum = (x: unknown, y: unknown): unknown => {
    if (typeof x === 'number' && typeof y === 'number') return x + y;
    if (x !== null && typeof x === 'object' && y !== null && typeof y === 'object') {
      const out: Record<string, unknown> = { ...(x as Record<string, unknown>) };
      for (const [k, v] of Object.entries(y)) out[k] = k in out ? sum(out[k], v) : v;
      return out;
    }
    return x ?? y;
  };
  return sum(a, b) as ConsumedCapacityItem;
}
