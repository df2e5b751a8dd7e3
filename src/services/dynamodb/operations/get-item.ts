/**
 * GetItem: one point read, synchronous from LevelDB when it can be (the hot path); the stored
 * item is echoed back without decoding its binary values. A missing item is an empty answer.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 */
import type { GetItemInput, GetItemOutput } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity, emptyConsumption, readUnits } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { requestExpressions } from '../request-expressions.js';
import { parseItem, parseWireItem } from '../item-codec.js';
import { checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requireTable, resolveTableName } from '../table-lookup.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { itemSize, validateItem } from '../values/index.js';
import { hiddenByTtl } from '../ttl/read-filter.js';

export const getItem: DdbHandler<GetItemInput, GetItemOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  resolveTableName(ctx, input.TableName, 1);
  c.notNull('key', input.Key);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.check();
  const expressions = requestExpressions('GetItem', input);
  const key = validateItem(input.Key as Record<string, unknown>);
  const table = requireTable(deps, ctx, input.TableName);
  checkKey(table, key);
  let text = await deps.items.readText(table, encodePrimaryKey(table.hash, table.range, key));
  if (text !== undefined && table.ttl?.enabled && hiddenByTtl(table, parseItem(text), deps.now())) text = undefined;
  const out: GetItemOutput = {};
  // Without a projection the stored item is echoed as it is; with one, projected from bytes.
  if (text !== undefined) out.Item = expressions.project ? expressions.project(parseItem(text)) : parseWireItem(text);
  if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
    const consumption = emptyConsumption();
    consumption.table = readUnits(text === undefined ? 0 : itemSize(parseItem(text)), input.ConsistentRead === true);
    out.ConsumedCapacity = consumedCapacity(table.name, input.ReturnConsumedCapacity, consumption);
  }
  return out;
};
