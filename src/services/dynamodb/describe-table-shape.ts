/**
 * A table record as DescribeTable (and CreateTable, UpdateTable, DeleteTable) shape it. Tables
 * and indexes are ACTIVE as soon as they exist, so SDK waiters finish on their first poll; a GSI
 * added by UpdateTable is CREATING (Backfilling) while its entries are written. On-demand tables
 * report throughput 0/0 on the table and on every GSI, and carry BillingModeSummary, as AWS does
 * for a table that is or has been on demand (a provisioned one never on demand has none).
 * WarmThroughput, on the table and each GSI (UPDATING while a GSI is backfilled), as
 * warm-throughput.ts derives it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
 */
import type { TableDescription } from '../../model/generated/dynamodb-types.js';
import { sseDescription } from './sse.js';
import type { TableStats } from './table-store.js';
import { indexArn, tableArn, type IndexRecord, type KeyAttribute, type TableRecord, type Throughput } from './table-record.js';
import { onDemandShape } from './on-demand-throughput.js';
import { warmShape, warmUnits } from './warm-throughput.js';

const keySchema = (hash: KeyAttribute, range?: KeyAttribute) =>
  range ? [{ AttributeName: hash.name, KeyType: 'HASH' }, { AttributeName: range.name, KeyType: 'RANGE' }] : [{ AttributeName: hash.name, KeyType: 'HASH' }];

/**
 * An on-demand table's (and GSI's) units are 0; the count and change times from its provisioned
 * days stay (decrease_limits.json seq 104-218: "LastDecreaseDateTime", "NumberOfDecreasesToday": 4,
 * "ReadCapacityUnits": 0 while on demand).
 */
export function throughputShape(t: Throughput | undefined, onDemand: boolean) {
  if (!t) return { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 };
  return {
    ...(t.lastIncrease !== undefined ? { LastIncreaseDateTime: new Date(t.lastIncrease) } : {}),
    ...(t.lastDecrease !== undefined ? { LastDecreaseDateTime: new Date(t.lastDecrease) } : {}),
    NumberOfDecreasesToday: t.decreasesToday, ReadCapacityUnits: onDemand ? 0 : t.read, WriteCapacityUnits: onDemand ? 0 : t.write,
  };
}

const projection = (i: IndexRecord) => ({ ProjectionType: i.projection.type, ...(i.projection.nonKeyAttributes ? { NonKeyAttributes: i.projection.nonKeyAttributes } : {}) });


/**
 * AttributeDefinitions sorted by name, whatever order the requests gave them in (native AWS,
 * radkawar/stackd testdata/aws/dynamodb/controls.json seq 6, 2026-09-17: pk, sk, lsi, gpk sent;
 * gpk, lsi, pk, sk answered).
 */
const attributeDefinitions = (t: TableRecord) => t.attributeDefinitions
  .map((a) => ({ AttributeName: a.name, AttributeType: a.type }))
  .sort((a, b) => (a.AttributeName < b.AttributeName ? -1 : a.AttributeName > b.AttributeName ? 1 : 0));

/**
 * The class, and once an UpdateTable changed it, when (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/controls.json seq 15 created STANDARD_INFREQUENT_ACCESS without a time,
 * seq 52 STANDARD with LastUpdateDateTime, 2026-09-17).
 */
export const tableClassSummary = (t: TableRecord) => ({
  TableClass: t.tableClass, ...(t.tableClassSince !== undefined ? { LastUpdateDateTime: new Date(t.tableClassSince) } : {}),
});

export function describeTable(t: TableRecord, stats: TableStats, status = 'ACTIVE'): TableDescription {
  const onDemand = t.billingMode === 'PAY_PER_REQUEST';
  const gsis = t.indexes.filter((i) => i.global);
  const lsis = t.indexes.filter((i) => !i.global);
  const indexStats = (i: IndexRecord) => stats.indexes?.[i.id] ?? [0, 0];
  const out: TableDescription = {
    AttributeDefinitions: attributeDefinitions(t),
    TableName: t.name,
    KeySchema: keySchema(t.hash, t.range),
    TableStatus: status,
    CreationDateTime: new Date(t.created),
    ProvisionedThroughput: throughputShape(t.throughput, onDemand),
    TableSizeBytes: stats.bytes,
    ItemCount: stats.count,
    TableArn: tableArn(t),
    TableId: t.id,
    DeletionProtectionEnabled: t.deletionProtection,
  };
  // BillingModeSummary only for a table that is or has been on demand: none for one left at the
  // default (localstack test_dynamodb.snapshot.json CreateTable answers, recorded 2023-10 to
  // 2024-06; gravitational/teleport#29557, 2023) nor for one created PROVISIONED by name (native AWS,
  // radkawar/stackd testdata/aws/dynamodb/controls.json seq 6 and billing_mode_limits.json,
  // 2026-09-17). Terraform then reads PROVISIONED, which it is.
  if (onDemand || t.payPerRequestSince !== undefined) {
    out.BillingModeSummary = { BillingMode: t.billingMode, ...(t.payPerRequestSince !== undefined ? { LastUpdateToPayPerRequestDateTime: new Date(t.payPerRequestSince) } : {}) };
  }
  if (lsis.length > 0) {
    out.LocalSecondaryIndexes = lsis.map((i) => ({
      IndexName: i.name, KeySchema: keySchema(i.hash, i.range), Projection: projection(i),
      IndexSizeBytes: indexStats(i)[1], ItemCount: indexStats(i)[0], IndexArn: indexArn(t, i),
    }));
  }
  if (gsis.length > 0) {
    out.GlobalSecondaryIndexes = gsis.map((i) => ({
      IndexName: i.name, KeySchema: keySchema(i.hash, i.range), Projection: projection(i),
      IndexStatus: i.status, ...(i.status === 'CREATING' ? { Backfilling: true } : {}),
      ProvisionedThroughput: throughputShape(i.throughput, onDemand),
      IndexSizeBytes: indexStats(i)[1], ItemCount: indexStats(i)[0], IndexArn: indexArn(t, i),
      ...(i.onDemand ? { OnDemandThroughput: onDemandShape(i.onDemand) } : {}),
      // An index being backfilled (added by UpdateTable) says its units UPDATING
      // (continuous_backup_readiness.json seq 138-147, 2026-09-18); CreateTable's and UpdateTable's
      // answers drop it (warm-throughput.ts).
      WarmThroughput: i.status === 'CREATING' ? { ...warmShape(warmUnits(t, i)), Status: 'UPDATING' } : warmShape(warmUnits(t, i)),
    }));
  }
  if (t.stream?.enabled) {
    out.StreamSpecification = { StreamEnabled: true, StreamViewType: t.stream.viewType };
  }
  if (t.stream?.label !== undefined) {
    out.LatestStreamLabel = t.stream.label;
    out.LatestStreamArn = `${tableArn(t)}/stream/${t.stream.label}`;
  }
  if (t.sse?.enabled) out.SSEDescription = sseDescription(t);
  if (t.tableClass !== undefined) out.TableClassSummary = tableClassSummary(t);
  if (t.onDemand) out.OnDemandThroughput = onDemandShape(t.onDemand);
  out.WarmThroughput = warmShape(warmUnits(t));
  return out;
}
