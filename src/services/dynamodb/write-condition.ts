/**
 * A write's condition (ConditionExpression or legacy Expected) evaluated on the item as it is
 * under the item lock; when it fails, ConditionalCheckFailedException, carrying the item as it
 * was when ReturnValuesOnConditionCheckFailure is ALL_OLD (as AWS sends it, in wire form).
 * With the item, AWS words the text as `Message`, not the modelled `message` (moto's aws_verified
 * TestReturnValuesOnConditionCheckFailure: botocore finds no `message` member beside the Item).
 */
import { AwsError } from '../../errors/aws-error.js';
import { evaluateCondition, type Condition } from './expressions/index.js';
import { serializeItem } from './item-codec.js';
import type { Item } from './values/index.js';

const FAILED = 'The conditional request failed';

/**
 * The item a failed condition was evaluated on (undefined: there was none), kept on the error
 * under this symbol (never rendered): a BatchExecuteStatement counts a failed write by its size
 * (partiql/failed-write-units.ts).
 */
export const CONDITION_ITEM = Symbol('conditionItem');

export function checkWriteCondition(condition: Condition | undefined, old: Item | undefined, returnOldOnFailure: string | undefined): void {
  if (condition === undefined || evaluateCondition(condition, old ?? {})) return;
  const err = returnOldOnFailure !== 'ALL_OLD' || old === undefined
    ? new AwsError({ code: 'ConditionalCheckFailedException', status: 400, message: FAILED })
    // The protocol renders fields as JSON members (an empty message adds none); the item goes in its wire form.
    : new AwsError({ code: 'ConditionalCheckFailedException', status: 400, message: '', fields: { Message: FAILED, Item: JSON.parse(serializeItem(old)) as unknown as string } });
  throw Object.defineProperty(err, CONDITION_ITEM, { value: old });
}
