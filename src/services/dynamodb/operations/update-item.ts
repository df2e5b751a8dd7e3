/**
 * UpdateItem: UpdateExpression (or legacy AttributeUpdates) applied whole or not at all to the
 * item under its lock (created from its key when missing), after the condition; key attributes
 * cannot be updated; the new item obeys the index key types and the 400 KB limit. ReturnValues
 * NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW (the updated paths only).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
import type { UpdateItemInput, UpdateItemOutput } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity } from '../capacity.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { applyUpdate, project, removesOnly, updateChargeExceeds, updateTargets, type Path } from '../expressions/index.js';
import { itemCollectionMetrics } from '../item-collection-metrics.js';
import { checkItemKeys, checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requestExpressions, type RequestExpressions } from '../request-expressions.js';
import { requireTable } from '../table-lookup.js';
import { checkUpdateItemConstraints } from './update-item-constraints.js';
import { updatedTooDeep } from '../updated-depth.js';
import { inValidationEnvelope, itemSize, MAX_ITEM_SIZE, validateItem, valueMessages, type Item } from '../values/index.js';
import { checkWriteCondition } from '../write-condition.js';
import { wantsCapacity, writeItem } from '../write-item.js';

const TOO_BIG = 'Item size to update has exceeded the maximum allowed size';

/**
 * Set by PartiQL on the UpdateItem it runs: a PartiQL UPDATE is sized on the finished item alone,
 * without the statement's charge (paritysuite/dynamodb-conformance itemSizeBySurface.test.ts
 * "a PartiQL UPDATE does not inherit the exclusion"). A symbol, so no wire request can carry it.
 */
export const SIZED_AS_FINISHED_ITEM: unique symbol = Symbol('sized as the finished item');

export const updateItem: DdbHandler<UpdateItemInput, UpdateItemOutput> = async (deps, ctx, input) => {
  checkUpdateItemConstraints(ctx, input);
  // Expression and value errors answer inside AWS's envelope (values/errors.ts); table checks bare.
  let expressions: RequestExpressions;
  let key: Item;
  try {
    expressions = requestExpressions('UpdateItem', input as Parameters<typeof requestExpressions>[1], deps.conditionTrees);
    key = validateItem(input.Key as Record<string, unknown>);
  } catch (error) { throw inValidationEnvelope(error); }
  const table = requireTable(deps, ctx, input.TableName);
  checkKey(table, key);
  const keyNames = new Set([table.hash.name, ...(table.range ? [table.range.name] : [])]);
  for (const path of expressions.update ? updateTargets(expressions.update) : []) {
    if (keyNames.has(path[0] as string)) throw ddbErrors.invalidParameter(`Cannot update attribute ${String(path[0])}. This attribute is part of the key`);
  }
  // The statement's own charge (expressions/update-charge.ts), before the condition is evaluated.
  if (input.UpdateExpression != null && expressions.update && !(input as { [SIZED_AS_FINISHED_ITEM]?: true })[SIZED_AS_FINISHED_ITEM]
    && updateChargeExceeds(expressions.update, MAX_ITEM_SIZE)) throw ddbErrors.validation(TOO_BIG);
  let updated: Path[] = [];
  const { old, next, consumption } = await writeItem(deps, table, encodePrimaryKey(table.hash, table.range, key), (current) => {
    checkWriteCondition(expressions.condition, current, input.ReturnValuesOnConditionCheckFailure);
    const base: Item = current ?? { ...key };
    if (!expressions.update) return base;
    // Only REMOVE/DELETE on a missing item: nothing is written (expressions/update-ast.ts), and
    // nothing is refused either, not even a path under an absent parent (`REMOVE x.y`,
    // `REMOVE x[0]`), which an existing item refuses (scylladb/scylladb
    // test/alternator/test_update_expression.py test_nested_attribute_remove_from_missing_item,
    // against AWS).
    if (current === undefined && removesOnly(expressions.update)) return undefined;
    const result = applyUpdate(expressions.update, base);
    updated = result.updatedPaths;
    checkItemKeys(table, result.item);
    if (itemSize(result.item) > MAX_ITEM_SIZE) throw ddbErrors.validation(TOO_BIG);
    if (updatedTooDeep(result.item, result.updatedPaths)) throw ddbErrors.validation(valueMessages.nesting);
    return result.item;
  }, undefined, wantsCapacity(input.ReturnConsumedCapacity));
  const out: UpdateItemOutput = {};
  let attributes: Item | undefined;
  switch (input.ReturnValues) {
    case 'ALL_OLD': attributes = old; break;
    case 'ALL_NEW': attributes = next; break;
    case 'UPDATED_OLD': attributes = old && project(old, updated); break;
    case 'UPDATED_NEW': attributes = next && project(next, updated); break;
  }
  if (attributes && Object.keys(attributes).length > 0) out.Attributes = attributes;
  const capacity = consumedCapacity(table.name, input.ReturnConsumedCapacity, consumption);
  if (capacity) out.ConsumedCapacity = capacity;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, next ?? key);
  if (metrics) out.ItemCollectionMetrics = metrics;
  return out;
};
