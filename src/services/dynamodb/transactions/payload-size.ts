/**
 * TransactWriteItems' 4 MB: AWS measures what the request carries, not the items it touches. A
 * Put of 50 items of ~100 KB (~5 MB) is refused with a ValidationException whose words include
 * "size cannot exceed", 30 of them (~3 MB) are accepted, and a small request deleting 5 MB of
 * stored items is accepted; AWS calls the measure the "transaction payload" (scylladb/scylladb
 * test/alternator/test_transact.py test_transact_write_items_put_5MB, _delete_5MB, _put_3MB,
 * run against AWS). What it is measured on is counted here in DynamoDB item bytes: a Put's item,
 * or another action's key and ExpressionAttributeValues.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
import { ddbErrors } from '../errors.js';
import { attributeValueSize, itemSize, type AttributeValue, type Item } from '../values/index.js';

/** "The aggregate size of the items in the transaction cannot exceed 4 MB." */
export const MAX_TRANSACTION_PAYLOAD = 4 * 1024 * 1024;

/**
 * The words after "size cannot exceed" were not captured: the sentence is boltstack's, built
 * around the fragment AWS's answer is known to contain.
 */
export const payloadTooLarge = () => ddbErrors.validation('Transaction payload size cannot exceed 4 MB');

/** The bytes one non-Put action carries: its key, and its ExpressionAttributeValues if any. */
export function keyAndValuesBytes(key: Item, values: Record<string, unknown> | undefined): number {
  let bytes = itemSize(key);
  // Validated already (requestExpressions): each is an AttributeValue.
  if (values) for (const name in values) bytes += attributeValueSize(values[name] as AttributeValue);
  return bytes;
}

/** Refuses a transaction whose actions carry more than 4 MB between them. */
export function checkPayloadSize(actions: readonly { bytes: number }[]): void {
  let total = 0;
  for (const a of actions) total += a.bytes;
  if (total > MAX_TRANSACTION_PAYLOAD) throw payloadTooLarge();
}
