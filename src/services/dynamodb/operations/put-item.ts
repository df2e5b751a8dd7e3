/**
 * PutItem: the item is validated (values/), its keys checked against the table's key schema and
 * index key types, the 400 KB limit applied, then it replaces any item with the same key in one
 * batch with its index entries. ReturnValues NONE or ALL_OLD.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 */
import type { PutItemInput, PutItemOutput } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { itemCollectionMetrics } from '../item-collection-metrics.js';
import { checkItemKeys } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requireResolvedTable, resolveTableName } from '../table-lookup.js';
import { checkWriteOptions } from '../write-options.js';
import { requestExpressions, type RequestExpressions } from '../request-expressions.js';
import { checkWriteCondition } from '../write-condition.js';
import { wantsCapacity, writeItem } from '../write-item.js';
import { inValidationEnvelope, itemSize, MAX_ITEM_SIZE, onlyOldReturnValues, validateItem, type Item } from '../values/index.js';

/** A validated item's keys checked against the table, and the 400 KB limit (PutItem, a transaction's Put). */
export function checkPutItemAgainst(table: import('../table-record.js').TableRecord, item: Item, size?: number): Item {
  checkItemKeys(table, item);
  // `size`: the item's size when the caller has it already (a transacted Put counts it toward the
  // transaction's 4 MB: transactions/payload-size.ts).
  if ((size ?? itemSize(item)) > MAX_ITEM_SIZE) throw ddbErrors.validation('Item size has exceeded the maximum allowed size');
  return item;
}

const EMPTY_NAME_ALONE = { emptyAlone: true } as const;

export const putItem: DdbHandler<PutItemInput, PutItemOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  const ref = resolveTableName(ctx, input.TableName, 1, EMPTY_NAME_ALONE);
  c.notNull('item', input.Item);
  checkWriteOptions(c, input);
  c.check();
  // Expression and value errors answer inside AWS's "1 validation error detected: " envelope
  // (values/errors.ts, usesValidationEnvelope); checks against the table answer bare.
  let expressions: RequestExpressions;
  try { expressions = requestExpressions('PutItem', input, deps.conditionTrees); } catch (error) { throw inValidationEnvelope(error); }
  if (input.ReturnValues !== undefined && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD') throw inValidationEnvelope(onlyOldReturnValues());
  // The values are checked before the table is looked up, as AWS does: a bad value in a put to a
  // table that does not exist is a ValidationException, not ResourceNotFoundException
  // (architect/dynalite test/putItem.js; paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/deepRequests.test.ts, captured 2026-10, absent tables). GetItem,
  // DeleteItem and UpdateItem already check their keys in that order.
  let validated: Item;
  try { validated = validateItem(input.Item as Record<string, unknown>); } catch (error) { throw inValidationEnvelope(error); }
  const table = requireResolvedTable(deps, ref);
  const item = checkPutItemAgainst(table, validated);
  const { old, consumption } = await writeItem(deps, table, encodePrimaryKey(table.hash, table.range, item), (current) => {
    checkWriteCondition(expressions.condition, current, input.ReturnValuesOnConditionCheckFailure);
    return item;
  }, undefined, wantsCapacity(input.ReturnConsumedCapacity), expressions.condition !== undefined || input.ReturnValues === 'ALL_OLD');
  const out: PutItemOutput = {};
  if (input.ReturnValues === 'ALL_OLD' && old) out.Attributes = old;
  const capacity = consumedCapacity(table.name, input.ReturnConsumedCapacity, consumption);
  if (capacity) out.ConsumedCapacity = capacity;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, item);
  if (metrics) out.ItemCollectionMetrics = metrics;
  return out;
};
