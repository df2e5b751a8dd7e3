/**
 * What a BatchExecuteStatement write refused by its condition (ConditionalCheckFailed, or an
 * INSERT's DuplicateItem) consumed: a write unit per KB of the item the condition was checked on,
 * at least one (none there). AWS adds it to the table's total CapacityUnits but not to its
 * `Table` part, and answers no ConsumedCapacity at all when every statement failed
 * (radkawar/stackd testdata/aws/dynamodb/partiql_duplicate_keys.json seq 47-48: a refused write on
 * a 9-unit item plus a 1-unit INSERT answer CapacityUnits 10, Table 1; partiql_capacity.json
 * seq 93: an UPDATE of a missing item plus a DELETE, 2 and 1; seq 118: a failed UPDATE of a
 * 1-unit item plus a 2-unit INSERT, 3 and 2; seq 94 and partiql_duplicate_keys.json seq 32-33:
 * all failed, none. AWS us-east-1, 2026-09-17). The item met, not the one brought: an INSERT of a
 * ~9 KB item over a 1-unit one costs 1, of a small item over a 9-unit one 9
 * (partiql_failure_metrics.json seq 10-11, CloudWatch ConsumedWriteCapacityUnits).
 */
import type { AwsError } from '../../../errors/aws-error.js';
import { writeUnits } from '../capacity.js';
import { itemSize, type Item } from '../values/index.js';
import { CONDITION_ITEM } from '../write-condition.js';

/** The units of a write refused by its condition; undefined for any other error. */
export function failedWriteUnits(err: unknown): number | undefined {
  if (err === null || typeof err !== 'object' || !(CONDITION_ITEM in err)) return undefined;
  const item = (err as { [CONDITION_ITEM]: Item | undefined })[CONDITION_ITEM];
  return writeUnits(item ? itemSize(item) : 0);
}

/** `to` (the error a statement answers instead of `from`) keeping `from`'s condition item. */
export function keepConditionItem(from: unknown, to: AwsError): AwsError {
  if (from !== null && typeof from === 'object' && CONDITION_ITEM in from) {
    Object.defineProperty(to, CONDITION_ITEM, { value: (from as { [CONDITION_ITEM]: unknown })[CONDITION_ITEM] });
  }
  return to;
}
