/**
 * ExportTableToPointInTime: a FULL_EXPORT in DYNAMODB_JSON of the table as it is when the request
 * is accepted, written into boltstack's own S3 in the background (run-export.ts). It answers
 * IN_PROGRESS; DescribeExport answers COMPLETED (or FAILED: a missing bucket fails the export,
 * not the request) once the files are written.
 * Not reproduced (NotImplemented naming the member): ION, INCREMENTAL_EXPORT, an ExportTime other
 * than the request's (boltstack keeps no history of the items), FilterSpecification.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ExportTableToPointInTimeInput, ExportTableToPointInTimeOutput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { pinItems } from '../backups/copy-items.js';
import { Constraints } from '../constraints.js';
import { type DdbDeps, unsupported } from '../context.js';
import { findTable, resolveTableName } from '../table-lookup.js';
import { tableArn } from '../table-record.js';
import { exportErrors } from './export-errors.js';
import { type ExportRecord, describeExport, exportArn } from './export-record.js';
import { listExports, putExport } from './export-store.js';
import type { ExportRuns } from './run-export.js';

/** How far ExportTime may be from the request's time and still be "now" (client clocks drift). */
const NOW_TOLERANCE_MS = 5_000;
/** ClientToken idempotency window (API reference: "valid for 8 hours"). */
const TOKEN_WINDOW_MS = 8 * 3_600_000;

export type ExportHandler<I, O> = (ddb: DdbDeps, runs: ExportRuns, ctx: RequestContext, input: I) => Promise<O>;

function validate(input: ExportTableToPointInTimeInput): void {
  const c = new Constraints();
  if (c.notNull('tableArn', input.TableArn)) c.length('tableArn', input.TableArn, 1, 1024);
  if (c.notNull('s3Bucket', input.S3Bucket)) {
    c.length('s3Bucket', input.S3Bucket, undefined, 255).pattern('s3Bucket', input.S3Bucket, '^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$');
  }
  c.length('s3Prefix', input.S3Prefix, undefined, 1024);
  c.pattern('s3BucketOwner', input.S3BucketOwner, '[0-9]{12}');
  c.pattern('clientToken', input.ClientToken, '^[^\\$]+$');
  c.oneOf('s3SseAlgorithm', input.S3SseAlgorithm, ['AES256', 'KMS']);
  c.length('s3SseKmsKeyId', input.S3SseKmsKeyId, 1, 2048);
  c.oneOf('exportFormat', input.ExportFormat, ['DYNAMODB_JSON', 'ION']);
  c.oneOf('exportType', input.ExportType, ['FULL_EXPORT', 'INCREMENTAL_EXPORT']);
  c.check();
}

/** The parameters two requests with one ClientToken must share to be the same export. */
const sameRequest = (r: ExportRecord, input: ExportTableToPointInTimeInput, arn: string): boolean =>
  r.tableArn === arn && r.s3Bucket === input.S3Bucket && r.s3Prefix === input.S3Prefix && r.s3BucketOwner === input.S3BucketOwner
  && r.s3SseAlgorithm === input.S3SseAlgorithm && r.s3SseKmsKeyId === input.S3SseKmsKeyId
  && r.exportFormat === (input.ExportFormat ?? 'DYNAMODB_JSON') && r.exportType === (input.ExportType ?? 'FULL_EXPORT');

export const exportTableToPointInTime: ExportHandler<ExportTableToPointInTimeInput, ExportTableToPointInTimeOutput> = async (ddb, runs, ctx, input) => {
  validate(input);
  unsupported(ddb, ctx, 'ExportTableToPointInTime', input, ['FilterSpecification', 'IncrementalExportSpecification']);
  if (input.ExportFormat === 'ION') throw exportErrors.notImplemented('ExportFormat ION');
  if (input.ExportType === 'INCREMENTAL_EXPORT') throw exportErrors.notImplemented('ExportType INCREMENTAL_EXPORT');
  const now = ddb.now();
  if (input.ExportTime !== undefined && Math.abs(new Date(input.ExportTime).getTime() - now) > NOW_TOLERANCE_MS) {
    throw exportErrors.notImplemented('an ExportTime other than the time of the request (ExportTime)');
  }
  const table = findTable(ddb, ctx, input.TableArn);
  if (!table) throw exportErrors.tableNotFound(resolveTableName(ctx, input.TableArn).name);
  if (!table.pointInTimeRecovery?.enabled) throw exportErrors.pitrUnavailable(table.name);
  const arnOfTable = tableArn(table);
  if (input.ClientToken !== undefined) {
    const earlier = (await listExports(ddb.meta, table.account, table.region))
      .find((r) => r.clientToken === input.ClientToken && now - r.startTime < TOKEN_WINDOW_MS);
    if (earlier) {
      if (!sameRequest(earlier, input, arnOfTable)) throw exportErrors.conflict(input.ClientToken);
      return { ExportDescription: describeExport(earlier) };
    }
  }
  const id = `${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
  const record: ExportRecord = {
    id, arn: exportArn(arnOfTable, id), account: table.account, region: table.region, tableArn: arnOfTable, tableId: table.id,
    status: 'IN_PROGRESS', startTime: now, exportTime: now, clientToken: input.ClientToken ?? randomUUID(),
    s3Bucket: input.S3Bucket,
    ...(input.S3BucketOwner !== undefined && { s3BucketOwner: input.S3BucketOwner }),
    ...(input.S3Prefix !== undefined && { s3Prefix: input.S3Prefix }),
    ...(input.S3SseAlgorithm !== undefined && { s3SseAlgorithm: input.S3SseAlgorithm }),
    ...(input.S3SseKmsKeyId !== undefined && { s3SseKmsKeyId: input.S3SseKmsKeyId }),
    exportFormat: input.ExportFormat ?? 'DYNAMODB_JSON', exportType: input.ExportType ?? 'FULL_EXPORT',
  };
  // Pinned before the record is stored: the export holds the items as they are at `now`.
  const pinned = await pinItems(ddb.meta, table.id);
  await putExport(ddb.meta, record);
  runs.start(record, pinned);
  return { ExportDescription: describeExport(record) };
};
