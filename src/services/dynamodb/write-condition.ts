/**
 * A write's condition (ConditionExpression or legacy Expected) evaluated on the item as it is
 * under the item lock; when it fails, ConditionalCheckFailedException, carrying the item as it
 * was when ReturnValuesOnConditionCheckFailure is ALL_OLD (as AWS sends it, in wire form).
 */
import { AwsError } from '../../errors/aws-error.js';
import { evaluateCondition, type Condition } from './expressions/index.js';
import { serializeItem } from './item-codec.js';
import type { Item } from './values/index.js';

export function checkWriteCondition(condition: Condition | undefined, old: Item | undefined, returnOldOnFailure: string | undefined): void {
  if (condition === undefined || evaluateCondition(condition, old ?? {})) return;
  const fields = returnOldOnFailure === 'ALL_OLD' && old !== undefined
    // The protocol renders fields as JSON members; the item goes in its wire form.
    ? { Item: JSON.parse(serializeItem(old)) as unknown as string }
    : undefined;
  throw new AwsError({ code: 'ConditionalCheckFailedException', status: 400, message: 'The conditional request failed', ...(fields ? { fields } : {}) });
}
