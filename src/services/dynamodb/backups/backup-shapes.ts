/**
 * A backup record as the backup operations answer it: BackupDetails (CreateBackup,
 * DescribeBackup, DeleteBackup), the source table's details and features (DescribeBackup,
 * DeleteBackup) and a BackupSummary (ListBackups). Shapes and member sets as native AWS answered
 * them (radkawar/stackd testdata/aws/dynamodb/backups.json seq 24-35 and backup_arn_case.json
 * seq 8-19, 2026-09-18): the source's ProvisionedThroughput has its two units only (0 and 0 for an
 * on-demand table), its features list each index without statistics, the stream as
 * StreamEnabled/StreamViewType, TTL as AttributeName/TimeToLiveStatus, and nothing at all (`{}`)
 * for a table with none.
 */
import type {
  BackupDescription, BackupDetails, BackupSummary, SourceTableDetails, SourceTableFeatureDetails,
} from '../../../model/generated/dynamodb-types.js';
import { sseDescription } from '../sse.js';
import { tableArn, type IndexRecord, type KeyAttribute, type TableRecord } from '../table-record.js';
import type { BackupRecord } from './backup-record.js';

export type BackupStatus = 'CREATING' | 'AVAILABLE' | 'DELETED';

const keySchema = (hash: KeyAttribute, range?: KeyAttribute) =>
  range ? [{ AttributeName: hash.name, KeyType: 'HASH' }, { AttributeName: range.name, KeyType: 'RANGE' }] : [{ AttributeName: hash.name, KeyType: 'HASH' }];

const projection = (i: IndexRecord) => ({ ProjectionType: i.projection.type, ...(i.projection.nonKeyAttributes ? { NonKeyAttributes: i.projection.nonKeyAttributes } : {}) });

const units = (t: TableRecord, read: number, write: number) =>
  (t.billingMode === 'PAY_PER_REQUEST' ? { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } : { ReadCapacityUnits: read, WriteCapacityUnits: write });

/** `arn`: the ARN the request named, which DescribeBackup and DeleteBackup repeat (describe-backup.ts). */
export function backupDetails(b: BackupRecord, status: BackupStatus, arn = b.arn): BackupDetails {
  return {
    BackupArn: arn, BackupName: b.name, BackupSizeBytes: b.sizeBytes, BackupStatus: status, BackupType: 'USER',
    BackupCreationDateTime: new Date(b.created),
  };
}

function sourceDetails(b: BackupRecord): SourceTableDetails {
  const t = b.source;
  return {
    TableName: t.name, TableId: t.id, TableArn: tableArn(t), TableSizeBytes: b.sizeBytes, KeySchema: keySchema(t.hash, t.range),
    TableCreationDateTime: new Date(t.created), ProvisionedThroughput: units(t, t.throughput.read, t.throughput.write),
    ItemCount: b.itemCount, BillingMode: t.billingMode,
  };
}

function featureDetails(t: TableRecord): SourceTableFeatureDetails {
  const out: SourceTableFeatureDetails = {};
  const lsis = t.indexes.filter((i) => !i.global);
  const gsis = t.indexes.filter((i) => i.global);
  if (lsis.length > 0) out.LocalSecondaryIndexes = lsis.map((i) => ({ IndexName: i.name, KeySchema: keySchema(i.hash, i.range), Projection: projection(i) }));
  if (gsis.length > 0) {
    out.GlobalSecondaryIndexes = gsis.map((i) => ({
      IndexName: i.name, KeySchema: keySchema(i.hash, i.range), Projection: projection(i),
      ...(i.throughput ? { ProvisionedThroughput: units(t, i.throughput.read, i.throughput.write) } : {}),
    }));
  }
  if (t.stream?.enabled) out.StreamDescription = { StreamEnabled: true, StreamViewType: t.stream.viewType };
  if (t.ttl?.enabled) out.TimeToLiveDescription = { AttributeName: t.ttl.attributeName, TimeToLiveStatus: 'ENABLED' };
  if (t.sse?.enabled) out.SSEDescription = sseDescription(t);
  return out;
}

export function backupDescription(b: BackupRecord, status: BackupStatus, arn = b.arn): BackupDescription {
  return { BackupDetails: backupDetails(b, status, arn), SourceTableDetails: sourceDetails(b), SourceTableFeatureDetails: featureDetails(b.source) };
}

export function backupSummary(b: BackupRecord): BackupSummary {
  const t = b.source;
  return {
    TableName: t.name, TableId: t.id, TableArn: tableArn(t), BackupArn: b.arn, BackupName: b.name,
    BackupCreationDateTime: new Date(b.created), BackupStatus: 'AVAILABLE', BackupType: 'USER', BackupSizeBytes: b.sizeBytes,
  };
}
