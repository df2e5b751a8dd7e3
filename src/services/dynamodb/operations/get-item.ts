/**
 * GetItem: one point read, synchronous from LevelDB when it can be (the hot path); the stored
 * item is spliced into the answer as it is (util/raw-json.ts), never decoded unless projected.
 * A missing item is an empty answer.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 */
import type { GetItemInput, GetItemOutput } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity, emptyConsumption, readUnits } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { requestExpressions } from '../request-expressions.js';
import { parseItem } from '../item-codec.js';
import { ItemTextReader } from '../item-text.js';
import { holdingRawJson, rawJsonAs } from '../../../util/raw-json.js';
import { checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { requireResolvedTable, resolveTableName } from '../table-lookup.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { validateItem, type Item } from '../values/index.js';
import { livePredicate } from '../ttl/read-filter.js';

export const getItem: DdbHandler<GetItemInput, GetItemOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  const ref = resolveTableName(ctx, input.TableName, 1);
  c.notNull('key', input.Key);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.check();
  const expressions = requestExpressions('GetItem', input);
  const key = validateItem(input.Key as Record<string, unknown>);
  const table = requireResolvedTable(deps, ref);
  checkKey(table, key);
  // LevelDB's getSync answers at once: no await (a microtask turn and its promise) for it.
  const read = deps.items.readText(table, encodePrimaryKey(table.hash, table.range, key));
  let text = typeof read === 'object' ? await read : read;
  const wantsCapacity = input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES';
  const live = table.ttl?.enabled ? livePredicate(table, deps.now()) : undefined;
  let size = 0;
  if (text !== undefined && (live !== undefined || wantsCapacity)) {
    const picked: Item = {};
    size = new ItemTextReader(live?.reads ?? []).read(text, picked);
    if (live !== undefined && !live.test(picked)) { text = undefined; size = 0; }
  }
  const out: GetItemOutput = {};
  if (text !== undefined) out.Item = expressions.project ? expressions.project(parseItem(text)) : rawJsonAs<Item>(text);
  if (wantsCapacity) {
    const consumption = emptyConsumption();
    consumption.table = readUnits(size, input.ConsistentRead === true);
    out.ConsumedCapacity = consumedCapacity(table.name, input.ReturnConsumedCapacity!, consumption);
  }
  return holdingRawJson(out);
};
