/**
 * The DynamoDB service: its operation table. Operations of the model that are not listed here
 * answer NotImplemented (the gateway does that from the catalogue). The table catalogue is
 * loaded when the service starts; deleted tables still being removed, and GSIs still being
 * created (gsi-backfills.ts), resume in the background. The server's start creates the service
 * when such work is left (background-work.ts), so it does not wait for a request.
 */
import { decodedOutput } from './decoded-output.js';
import { randomUUID } from 'node:crypto';
import type { Service, ServiceDeps } from '../types.js';
import { BackgroundRemoval } from './background-removal.js';
import { BackgroundWork, hasPendingRemoval, isBackfilling } from './background-work.js';
import { GsiBackfills } from './gsi-backfills.js';
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
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './operations/resource-policy.js';
import { describeTimeToLive, updateTimeToLive } from './operations/time-to-live.js';
import { describeContributorInsights, listContributorInsights, updateContributorInsights } from './operations/contributor-insights.js';
import {
  describeKinesisStreamingDestination, disableKinesisStreamingDestination, enableKinesisStreamingDestination, updateKinesisStreamingDestination,
} from './operations/kinesis-destinations.js';
import {
  createGlobalTable, describeGlobalTable, describeGlobalTableSettings, listGlobalTables, updateGlobalTable, updateGlobalTableSettings,
} from './operations/global-tables.js';
import { describeTableReplicaAutoScaling, updateTableReplicaAutoScaling } from './operations/replica-auto-scaling.js';
import { batchExecuteStatement } from './operations/batch-execute-statement.js';
import { executeStatement } from './operations/execute-statement.js';
import { executeTransaction } from './operations/execute-transaction.js';
import { transactGetItems } from './operations/transact-get-items.js';
import { transactWriteItems } from './operations/transact-write-items.js';
import type { PartiqlDeps } from './partiql/context.js';
import { StreamWriter } from './streams/stream-writer.js';
import { IdempotencyTokens } from './transactions/idempotency.js';
import { OngoingWrites } from './transactions/ongoing-writes.js';
import { ConditionTrees } from './expressions/condition-trees.js';
import { ttlPort } from './ttl/item-sweep.js';
import { createBackup } from './backups/create-backup.js';
import { deleteBackup, describeBackup } from './backups/describe-backup.js';
import { listBackups } from './backups/list-backups.js';
import { dropUnfinishedCopies } from './backups/pending-copies.js';
import { restoreTableFromBackup } from './backups/restore-table.js';
import { restoreTableToPointInTime } from './backups/restore-point-in-time.js';
import { TtlSweeper } from './ttl/sweeper.js';
import { refuseNullListMembers } from './null-list-members.js';
import { EXPORT_HANDLERS, ExportRuns, failUnfinishedExports } from './exports/index.js';
import { IMPORT_HANDLERS, ImportRuns, failUnfinishedImports } from './imports/index.js';
import type { S3InternalApi } from '../s3/internal-api.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, DdbHandler<any, any>> = {
  CreateTable: createTable, DescribeTable: describeTable, UpdateTable: updateTable, ListTables: listTables, DeleteTable: deleteTable,
  DescribeTimeToLive: describeTimeToLive, UpdateTimeToLive: updateTimeToLive,
  DescribeContinuousBackups: describeContinuousBackups, UpdateContinuousBackups: updateContinuousBackups,
  TagResource: tagResource, UntagResource: untagResource, ListTagsOfResource: listTagsOfResource,
  PutResourcePolicy: putResourcePolicy, GetResourcePolicy: getResourcePolicy, DeleteResourcePolicy: deleteResourcePolicy,
  DescribeLimits: describeLimits, DescribeEndpoints: describeEndpoints,
  PutItem: putItem, GetItem: getItem, DeleteItem: deleteItem, UpdateItem: updateItem,
  Query: makeQuery(), Scan: scan, BatchGetItem: batchGetItem, BatchWriteItem: batchWriteItem,
  TransactWriteItems: transactWriteItems, TransactGetItems: transactGetItems,
  CreateBackup: createBackup, DescribeBackup: describeBackup, ListBackups: listBackups, DeleteBackup: deleteBackup,
  RestoreTableFromBackup: restoreTableFromBackup,
  RestoreTableToPointInTime: restoreTableToPointInTime,
  DescribeContributorInsights: describeContributorInsights, UpdateContributorInsights: updateContributorInsights, ListContributorInsights: listContributorInsights,
  DescribeKinesisStreamingDestination: describeKinesisStreamingDestination, EnableKinesisStreamingDestination: enableKinesisStreamingDestination,
  DisableKinesisStreamingDestination: disableKinesisStreamingDestination, UpdateKinesisStreamingDestination: updateKinesisStreamingDestination,
  ListGlobalTables: listGlobalTables, DescribeGlobalTable: describeGlobalTable, CreateGlobalTable: createGlobalTable, UpdateGlobalTable: updateGlobalTable,
  DescribeGlobalTableSettings: describeGlobalTableSettings, UpdateGlobalTableSettings: updateGlobalTableSettings, DescribeTableReplicaAutoScaling: describeTableReplicaAutoScaling,
  UpdateTableReplicaAutoScaling: updateTableReplicaAutoScaling,
};

/** PartiQL runs each statement as the classic operation it translates to (partiql/translate.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own input type; the gateway passes decoded input
const PARTIQL: Record<string, (deps: PartiqlDeps, ctx: Parameters<Service['operations'][string]>[0], input: any) => Promise<unknown>> = {
  ExecuteStatement: executeStatement, BatchExecuteStatement: batchExecuteStatement, ExecuteTransaction: executeTransaction,
};

export const implementedOperations: readonly string[] = [...Object.keys(HANDLERS), ...Object.keys(PARTIQL), ...Object.keys(EXPORT_HANDLERS), ...Object.keys(IMPORT_HANDLERS)];

export interface DynamoDbOptions {
  /** Epoch ms (tests inject a clock). */
  now?: () => number;
}

export async function createDynamoDbService(deps: ServiceDeps, options: DynamoDbOptions = {}): Promise<Service> {
  const now = options.now ?? deps.clock ?? Date.now;
  const streams = new StreamWriter(now);
  const tables = await TableStore.open(deps.meta, streams);
  const items = new ItemStore(deps.meta, tables, streams);
  // Asked only once a removal or a backfill ends, after every const below is set.
  const work: BackgroundWork = new BackgroundWork(deps.backgroundWork, deps.log, (): boolean => removal.busy || backfills.busy || tables.all().some(isBackfilling));
  const removal = new BackgroundRemoval(deps.meta, deps.log, work);
  const backfills = new GsiBackfills(tables, items, deps.log, work);
  const ddb: DdbDeps = {
    meta: deps.meta, tables, items, removal, backfills, work,
    features: deps.features, log: deps.log, now, newId: randomUUID, ongoing: new OngoingWrites(), conditionTrees: new ConditionTrees(),
    transactionTokens: new IdempotencyTokens(deps.meta, now, (err) => deps.log.warn('sweeping expired transaction tokens failed', { err: err instanceof Error ? err.message : String(err) })),
  };
  const resume = async (): Promise<void> => { removal.kick(); backfills.resumeAll(); };
  // A backup copy or restore cut short by a stop or kill -9 becomes a removal mark (backups/pending-copies.ts).
  await dropUnfinishedCopies(deps.meta, tables);
  // An export cut short by a stop or kill -9 is FAILED; its files go to S3 in process (exports/run-export.ts).
  await failUnfinishedExports(deps.meta, now());
  const exportRuns = new ExportRuns({ meta: deps.meta, log: deps.log, now, s3: async () => (await deps.peer?.('s3'))?.internal as S3InternalApi | undefined });
  // An import a kill -9 cut short is FAILED and its CREATING table dropped (imports/import-store.ts).
  await failUnfinishedImports(deps.meta, tables, now());
  const importRuns = new ImportRuns({ ddb, log: deps.log, s3: async () => (await deps.peer?.('s3'))?.internal as S3InternalApi | undefined });
  // Work left by a build that kept no marker is marked now, so the next start resumes it.
  if (tables.all().some(isBackfilling) || await hasPendingRemoval(deps.meta)) await work.queue(resume);
  else await resume();
  const sweeper = new TtlSweeper(ttlPort(ddb), { now, onError: (err) => deps.log.warn('TTL sweep failed', { err: err instanceof Error ? err.message : String(err) }) });
  sweeper.start();
  const operations: Service['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) operations[name] = (ctx, input) => { refuseNullListMembers(input); return handler(ddb, ctx, input); };
  // PartiQL reads what its SELECTs return: the items answers splice as stored text are decoded.
  const partiql: PartiqlDeps = { call: async (operation, ctx, input) => decodedOutput(await operations[operation]!(ctx, input)) };
  for (const [name, handler] of Object.entries(PARTIQL)) operations[name] = (ctx, input) => { refuseNullListMembers(input); return handler(partiql, ctx, input); };
  for (const [name, handler] of Object.entries(EXPORT_HANDLERS)) operations[name] = (ctx, input) => handler(ddb, exportRuns, ctx, input);
  for (const [name, handler] of Object.entries(IMPORT_HANDLERS)) operations[name] = (ctx, input) => handler(ddb, importRuns, ctx, input);
  return { operations, close: async () => { await importRuns.close(); await exportRuns.close(); await sweeper.close(); await backfills.close(); await removal.close(); await work.close(); await ddb.transactionTokens.settled(); } };
}
