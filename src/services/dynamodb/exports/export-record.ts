/**
 * A table export as stored (key `e\0<account>\0<region>\0<export id>`, keys.ts) and the
 * ExportDescription / ExportSummary AWS answers for it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportDescription.html
 */
import type { ExportDescription, ExportSummary } from '../../../model/generated/dynamodb-types.js';

export type ExportStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface ExportRecord {
  id: string;
  arn: string;
  account: string;
  region: string;
  tableArn: string;
  tableId: string;
  status: ExportStatus;
  /** Epoch ms. */
  startTime: number;
  endTime?: number;
  exportTime: number;
  clientToken: string;
  s3Bucket: string;
  s3BucketOwner?: string;
  s3Prefix?: string;
  s3SseAlgorithm?: string;
  s3SseKmsKeyId?: string;
  exportFormat: string;
  exportType: string;
  /** The manifest-summary.json key, once written. */
  manifest?: string;
  itemCount?: number;
  billedSizeBytes?: number;
  failureCode?: string;
  failureMessage?: string;
}

/** `<table arn>/export/<14-digit ms>-<8 hex>`, the backup ARN's grammar (DynamoDB developer guide, "Requesting a table export"). */
export const exportArn = (tableArn: string, exportId: string): string => `${tableArn}/export/${exportId}`;

/** The S3 key every file of the export starts with: `[<prefix>/]AWSDynamoDB/<export id>/`. */
export const exportFolder = (r: Pick<ExportRecord, 's3Prefix' | 'id'>): string =>
  `${r.s3Prefix ? `${r.s3Prefix.replace(/\/$/, '')}/` : ''}AWSDynamoDB/${r.id}/`;

export function describeExport(r: ExportRecord): ExportDescription {
  return {
    ExportArn: r.arn, ExportStatus: r.status, StartTime: new Date(r.startTime),
    ...(r.endTime !== undefined && { EndTime: new Date(r.endTime) }),
    ...(r.manifest !== undefined && { ExportManifest: r.manifest }),
    TableArn: r.tableArn, TableId: r.tableId, ExportTime: new Date(r.exportTime), ClientToken: r.clientToken,
    S3Bucket: r.s3Bucket,
    ...(r.s3BucketOwner !== undefined && { S3BucketOwner: r.s3BucketOwner }),
    ...(r.s3Prefix !== undefined && { S3Prefix: r.s3Prefix }),
    ...(r.s3SseAlgorithm !== undefined && { S3SseAlgorithm: r.s3SseAlgorithm }),
    ...(r.s3SseKmsKeyId !== undefined && { S3SseKmsKeyId: r.s3SseKmsKeyId }),
    ...(r.failureCode !== undefined && { FailureCode: r.failureCode, FailureMessage: r.failureMessage }),
    ExportFormat: r.exportFormat,
    ...(r.billedSizeBytes !== undefined && { BilledSizeBytes: r.billedSizeBytes }),
    ...(r.itemCount !== undefined && { ItemCount: r.itemCount }),
    ExportType: r.exportType,
  };
}

export const summarizeExport = (r: ExportRecord): ExportSummary => ({ ExportArn: r.arn, ExportStatus: r.status, ExportType: r.exportType });
