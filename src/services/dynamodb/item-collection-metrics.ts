/**
 * ItemCollectionMetrics: only for tables with a local secondary index, only when asked (SIZE).
 * The size estimate is the 0–1 GB range DynamoDB gives for small collections.
 */
import type { ItemCollectionMetricsValueItem as ItemCollectionMetrics } from '../../model/generated/dynamodb-types.js';
import type { TableRecord } from './table-record.js';
import type { Item } from './values/index.js';

export function itemCollectionMetrics(table: TableRecord, mode: string | undefined, item: Item | undefined): ItemCollectionMetrics | undefined {
  if (mode !== 'SIZE' || item === undefined || !table.indexes.some((i) => !i.global)) return undefined;
  return { ItemCollectionKey: { [table.hash.name]: item[table.hash.name]! }, SizeEstimateRangeGB: [0, 1] };
}
