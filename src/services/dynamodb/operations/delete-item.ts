/**
 * DeleteItem: removes the item and its index entries in one batch (deleting a missing item
 * succeeds and still consumes a write unit). ReturnValues NONE or ALL_OLD.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
import type { DeleteItemInput, DeleteItemOutput } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { itemCollectionMetrics } from '../item-collection-metrics.js';
import { checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requireTable, resolveTableName } from '../table-lookup.js';
import { checkWriteOptions } from '../write-options.js';
import { requestExpressions, type RequestExpressions } from '../request-expressions.js';
import { checkWriteCondition } from '../write-condition.js';
import { wantsCapacity, writeItem } from '../write-item.js';
import { inValidationEnvelope, onlyOldReturnValues, validateItem, type Item } from '../values/index.js';

export const deleteItem: DdbHandler<DeleteItemInput, DeleteItemOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  resolveTableName(ctx, input.TableName, 1);
  c.notNull('key', input.Key);
  checkWriteOptions(c, input);
  c.check();
  // Expression and value errors answer inside AWS's envelope (values/errors.ts); table checks bare.
  let expressions: RequestExpressions;
  try { expressions = requestExpressions('DeleteItem', input, deps.conditionTrees); } catch (error) { throw inValidationEnvelope(error); }
  if (input.ReturnValues !== undefined && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD') throw inValidationEnvelope(onlyOldReturnValues());
  let key: Item;
  try { key = validateItem(input.Key as Record<string, unknown>); } catch (error) { throw inValidationEnvelope(error); }
  const table = requireTable(deps, ctx, input.TableName);
  checkKey(table, key);
  const { old, consumption } = await writeItem(deps, table, encodePrimaryKey(table.hash, table.range, key), (current) => {
    checkWriteCondition(expressions.condition, current, input.ReturnValuesOnConditionCheckFailure);
    return undefined;
  }, undefined, wantsCapacity(input.ReturnConsumedCapacity));
  const out: DeleteItemOutput = {};
  if (input.ReturnValues === 'ALL_OLD' && old) out.Attributes = old;
  const capacity = consumedCapacity(table.name, input.ReturnConsumedCapacity, consumption);
  if (capacity) out.ConsumedCapacity = capacity;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, old ?? key);
  if (metrics) out.ItemCollectionMetrics = metrics;
  return out;
};
