/**
 * A table import as stored (key `m\0<account>\0<region>\0<import id>`, keys.ts) and the
 * ImportTableDescription / ImportSummary AWS answers for it.
 * What AWS shows, measured (scylladb/scylladb test/alternator/test_import.py, PR #31619, 2026):
 * the counters stay 0 until the import ends, EndTime and ProcessedSizeBytes are absent until
 * then, CloudWatchLogGroupArn is always there, and TableId is the new table's from the start.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTableDescription.html
 */
import type { ImportSummaryListItem, ImportTableDescription, InputFormatOptions, S3BucketSource, TableCreationParameters } from '../../../model/generated/dynamodb-types.js';

export type ImportStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface ImportRecord {
  id: string;
  arn: string;
  account: string;
  region: string;
  tableArn: string;
  tableId: string;
  tableName: string;
  status: ImportStatus;
  clientToken: string;
  source: S3BucketSource;
  inputFormat: string;
  inputFormatOptions?: InputFormatOptions;
  compression: string;
  /** The request's TableCreationParameters, echoed as sent. */
  creation: TableCreationParameters;
  /** Epoch ms. */
  startTime: number;
  endTime?: number;
  processedSizeBytes?: number;
  processedItemCount: number;
  importedItemCount: number;
  errorCount: number;
  failureCode?: string;
  failureMessage?: string;
}

/** `<table arn>/import/<14-digit ms>-<8 hex>`, the export ARN's grammar (test_import.py unknown_import_arn: `.../import/01658528578619-c4d4e311`). */
export const importArn = (tableArn: string, importId: string): string => `${tableArn}/import/${importId}`;

/**
 * The log group AWS names for an import's error log. boltstack writes no CloudWatch log (it has
 * no CloudWatch): the ARN is described because AWS always describes one.
 */
export const logGroupArn = (r: Pick<ImportRecord, 'account' | 'region'>): string => `arn:aws:logs:${r.region}:${r.account}:log-group:/aws-dynamodb/imports:*`;

export function describeImport(r: ImportRecord): ImportTableDescription {
  return {
    ImportArn: r.arn, ImportStatus: r.status, TableArn: r.tableArn, TableId: r.tableId, ClientToken: r.clientToken,
    S3BucketSource: r.source, ErrorCount: r.errorCount, CloudWatchLogGroupArn: logGroupArn(r), InputFormat: r.inputFormat,
    ...(r.inputFormatOptions !== undefined && { InputFormatOptions: r.inputFormatOptions }),
    InputCompressionType: r.compression, TableCreationParameters: r.creation, StartTime: new Date(r.startTime),
    ...(r.endTime !== undefined && { EndTime: new Date(r.endTime) }),
    ...(r.processedSizeBytes !== undefined && { ProcessedSizeBytes: r.processedSizeBytes }),
    ProcessedItemCount: r.processedItemCount, ImportedItemCount: r.importedItemCount,
    ...(r.failureCode !== undefined && { FailureCode: r.failureCode, FailureMessage: r.failureMessage }),
  };
}

export const summarizeImport = (r: ImportRecord): ImportSummaryListItem => ({
  ImportArn: r.arn, ImportStatus: r.status, TableArn: r.tableArn, S3BucketSource: r.source, CloudWatchLogGroupArn: logGroupArn(r),
  InputFormat: r.inputFormat, StartTime: new Date(r.startTime), ...(r.endTime !== undefined && { EndTime: new Date(r.endTime) }),
});
