/**
 * BatchWriteItem: up to 25 puts and deletes over any tables, every request validated before any
 * is applied (tables exist, keys match, no key twice); then each item is written as its own
 * atomic change, as in DynamoDB (the batch as a whole is not a transaction). Nothing is ever
 * throttled, so UnprocessedItems is always empty.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
import type { BatchWriteItemInput, BatchWriteItemOutput, ConsumedCapacityItem, ItemCollectionMetricsValueItem } from '../../../model/generated/dynamodb-types.js';
import { consumedCapacity, emptyConsumption, type Consumption } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { itemCollectionMetrics } from '../item-collection-metrics.js';
import { checkItemKeys, checkKey } from '../item-key.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, requireTable } from '../table-lookup.js';
import type { TableRecord } from '../table-record.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { wantsCapacity, writeItems, type PlannedWrite, type WriteResult } from '../write-item.js';
import { itemSize, MAX_ITEM_SIZE, validateItem, type Item, type MessageFrame } from '../values/index.js';

/** A request, as writeItems takes it (no copy per item); `result` once written. */
interface Planned extends PlannedWrite { table: TableRecord; keyItem: Item; nextSize: number; result?: WriteResult }

function javaDump(requests: BatchWriteItemInput['RequestItems']): string {
  return `{${Object.entries(requests).map(([t, list]) => `${t}=[${list.map((r) => JSON.stringify(r)).join(', ')}]`).join(', ')}}`;
}

function checkConstraints(input: BatchWriteItemInput): void {
  const c = new Constraints();
  if (!c.notNull('requestItems', input.RequestItems)) c.check();
  if (Object.keys(input.RequestItems).length === 0) throw ddbErrors.validation('The requestItems parameter is required for BatchWriteItem');
  const names = new Constraints();
  for (const [name, list] of Object.entries(input.RequestItems)) {
    // A map key may be a table ARN, as any TableName (API_BatchGetItem / API_BatchWriteItem: 1 to 1024 characters).
    if (!isResolvableName(name, 1)) checkTableName(names, `requestItems.${name}`, name, 1);
    if (list.length < 1 || list.length > 25) {
      throw ddbErrors.validation(`1 validation error detected: Value '${javaDump(input.RequestItems)}' at 'requestItems' failed to satisfy constraint: `
        + 'Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]');
    }
  }
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.oneOf('returnItemCollectionMetrics', input.ReturnItemCollectionMetrics, ['SIZE', 'NONE']);
  // An unknown enum is reported alone, ahead of a malformed table name (paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/batchOperations.test.ts, us-east-1 and eu-west-2, 2026-10-09).
  c.check();
  names.check();
  const total = Object.values(input.RequestItems).reduce((n, list) => n + list.length, 0);
  if (total > 25) throw ddbErrors.validation('Too many items requested for the BatchWriteItem call');
}

/**
 * BatchWriteItem words bad values in DynamoDB's older layer (`The parameter cannot be converted
 * to a numeric value` with no colon, `Input collection [b, a, b] contains duplicates.`):
 * paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts, four regions,
 * 2026-10-09.
 */
const OLDER_LAYER: MessageFrame = { layer: 'older' };

export const batchWriteItem: DdbHandler<BatchWriteItemInput, BatchWriteItemOutput> = async (deps, ctx, input) => {
  checkConstraints(input);
  const planned: Planned[] = [];
  for (const [name, list] of Object.entries(input.RequestItems)) {
    const table = requireTable(deps, ctx, name);
    const seen = new Set<string>();
    for (const request of list) {
      const put = request.PutRequest;
      const del = request.DeleteRequest;
      if ((put === undefined) === (del === undefined)) throw ddbErrors.validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      let entry: Planned;
      if (put) {
        const item = validateItem(put.Item as Record<string, unknown>, OLDER_LAYER);
        checkItemKeys(table, item, true);
        const size = itemSize(item);
        if (size > MAX_ITEM_SIZE) throw ddbErrors.validation('Item size has exceeded the maximum allowed size');
        entry = { table, encodedKey: encodePrimaryKey(table.hash, table.range, item), next: item, keyItem: item, nextSize: size };
      } else {
        const key = validateItem(del!.Key as Record<string, unknown>, OLDER_LAYER);
        checkKey(table, key);
        entry = { table, encodedKey: encodePrimaryKey(table.hash, table.range, key), next: undefined, keyItem: key, nextSize: 0 };
      }
      if (seen.has(entry.encodedKey)) throw ddbErrors.validation('Provided list of item keys contains duplicates');
      seen.add(entry.encodedKey);
      planned.push(entry);
    }
  }
  const capacity = wantsCapacity(input.ReturnConsumedCapacity);
  const byTable = new Map<TableRecord, Planned[]>();
  for (const p of planned) { const list = byTable.get(p.table); if (list) list.push(p); else byTable.set(p.table, [p]); }
  await Promise.all([...byTable].map(async ([table, list]) => {
    const results = await writeItems(deps, table, list, capacity);
    for (let i = 0; i < list.length; i++) list[i]!.result = results[i]!;
  }));
  // Neither capacity nor item collection metrics asked for (a bulk load): nothing to add up.
  if (!capacity && input.ReturnItemCollectionMetrics !== 'SIZE') return { UnprocessedItems: {} };
  const results = planned.map((p) => p.result!);
  const perTable = new Map<string, { table: TableRecord; consumption: Consumption; metrics: ItemCollectionMetricsValueItem[] }>();
  planned.forEach((p, i) => {
    let entry = perTable.get(p.table.name);
    if (!entry) perTable.set(p.table.name, entry = { table: p.table, consumption: emptyConsumption(), metrics: [] });
    const c = results[i]!.consumption;
    entry.consumption.table += c.table;
    for (const [n, idx] of c.indexes) {
      const e = entry.consumption.indexes.get(n);
      if (e) e.units += idx.units; else entry.consumption.indexes.set(n, { ...idx });
    }
    const m = itemCollectionMetrics(p.table, input.ReturnItemCollectionMetrics, p.keyItem);
    if (m) entry.metrics.push(m);
  });
  const out: BatchWriteItemOutput = { UnprocessedItems: {} };
  const capacities: ConsumedCapacityItem[] = [];
  for (const [name, e] of perTable) {
    const c = consumedCapacity(name, input.ReturnConsumedCapacity, e.consumption);
    if (c) capacities.push(c);
    if (e.metrics.length > 0) (out.ItemCollectionMetrics ??= {})[name] = e.metrics;
  }
  if (capacities.length > 0) out.ConsumedCapacity = capacities;
  return out;
};
