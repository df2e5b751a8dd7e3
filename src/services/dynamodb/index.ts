/**
 * The DynamoDB service: its operation table. Operations of the model that are not listed here
 * answer NotImplemented (the gateway does that from the catalogue). The table catalogue is
 * loaded when the service starts; deleted tables still being removed resume in the background.
 */
import { randomUUID } from 'node:crypto';
import type { Service, ServiceDeps } from '../types.js';
import { BackgroundRemoval } from './background-removal.js';
import type { DdbDeps, DdbHandler } from './context.js';
import { TableStore } from './table-store.js';
import { ItemStore } from './item-store.js';
import { batchGetItem } from './operations/batch-get-item.js';
import { batchWriteItem } from './operations/batch-write-item.js';
import { createTable } from './operations/create-table.js';
import { deleteItem } from './operations/delete-item.js';
import { getItem } from './operations/get-item.js';
import { putItem } from './operations/put-item.js';
import { makeQuery } from './operations/query.js';
import { scan } from './operations/scan.js';
import { updateTable } from './operations/update-table.js';
import { updateItem } from './operations/update-item.js';
import { deleteTable } from './operations/delete-table.js';
import { describeContinuousBackups, updateContinuousBackups } from './operations/continuous-backups.js';
import { describeEndpoints, describeLimits } from './operations/describe-limits.js';
import { describeTable } from './operations/describe-table.js';
import { listTables } from './operations/list-tables.js';
import { listTagsOfResource, tagResource, untagResource } from './operations/tagging.js';
import { describeTimeToLive, updateTimeToLive } from './operations/time-to-live.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, DdbHandler<any, any>> = {
  CreateTable: createTable, DescribeTable: describeTable, UpdateTable: updateTable, ListTables: listTables, DeleteTable: deleteTable,
  DescribeTimeToLive: describeTimeToLive, UpdateTimeToLive: updateTimeToLive,
  DescribeContinuousBackups: describeContinuousBackups, UpdateContinuousBackups: updateContinuousBackups,
  TagResource: tagResource, UntagResource: untagResource, ListTagsOfResource: listTagsOfResource,
  DescribeLimits: describeLimits, DescribeEndpoints: describeEndpoints,
  PutItem: putItem, GetItem: getItem, DeleteItem: deleteItem, UpdateItem: updateItem,
  Query: makeQuery(), Scan: scan, BatchGetItem: batchGetItem, BatchWriteItem: batchWriteItem,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

export interface DynamoDbOptions {
  /** Epoch ms (tests inject a clock). */
  now?: () => number;
}

export async function createDynamoDbService(deps: ServiceDeps, options: DynamoDbOptions = {}): Promise<Service> {
  const removal = new BackgroundRemoval(deps.meta, deps.log);
  const tables = await TableStore.open(deps.meta);
  const ddb: DdbDeps = {
    meta: deps.meta, tables, items: new ItemStore(deps.meta, tables), removal,
    features: deps.features, log: deps.log, now: options.now ?? Date.now, newId: randomUUID,
  };
  removal.kick();
  const operations: Service['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) operations[name] = (ctx, input) => handler(ddb, ctx, input);
  return { operations, close: () => removal.close() };
}
