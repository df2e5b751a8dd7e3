/**
 * DescribeExport and ListExports. An export is found by the caller's account and region and the ARN's id; the
 * whole ARN must match (another table name in it is ExportNotFoundException).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeExport.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListExports.html
 */
import type { DescribeExportInput, DescribeExportOutput, ListExportsInput, ListExportsOutput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import { exportErrors } from './export-errors.js';
import { describeExport, summarizeExport } from './export-record.js';
import { getExport, listExports as storedExports } from './export-store.js';
import type { ExportHandler } from './export-table.js';

const EXPORT_ARN = /^arn:aws:dynamodb:([^:]+):(\d{12}):table\/[a-zA-Z0-9_.-]{3,255}\/export\/(\d{14}-[0-9a-f]{8})$/;

export const describeExportOperation: ExportHandler<DescribeExportInput, DescribeExportOutput> = async (ddb, _runs, ctx, input) => {
  const c = new Constraints();
  if (c.notNull('exportArn', input.ExportArn)) c.length('exportArn', input.ExportArn, 37, 1024);
  c.check();
  const parts = EXPORT_ARN.exec(input.ExportArn);
  // Looked up in the caller's own account and region, never the ARN's: another account's export
  // is not found (it was described to anyone who had its ARN), as a backup is (backups/describe-backup.ts).
  const found = parts && await getExport(ddb.meta, ctx.accountId, ctx.region, parts[3]!);
  if (!found || found.arn !== input.ExportArn) throw exportErrors.exportNotFound(input.ExportArn);
  return { ExportDescription: describeExport(found) };
};

export const listExportsOperation: ExportHandler<ListExportsInput, ListExportsOutput> = async (ddb, _runs, ctx, input) => {
  const c = new Constraints();
  c.length('tableArn', input.TableArn, 1, 1024);
  c.range('maxResults', input.MaxResults, 1, 25);
  c.check();
  const all = (await storedExports(ddb.meta, ctx.accountId, ctx.region)).filter((r) => input.TableArn === undefined || r.tableArn === input.TableArn);
  // NextToken: the id of the first export of the next page, base64 (opaque to clients, as AWS's).
  let start = 0;
  if (input.NextToken !== undefined) {
    const id = Buffer.from(input.NextToken, 'base64').toString('utf8');
    start = all.findIndex((r) => r.id === id);
    if (start < 0) throw exportErrors.invalidNextToken();
  }
  const limit = input.MaxResults ?? 25;
  const page = all.slice(start, start + limit);
  const next = all[start + limit];
  return { ExportSummaries: page.map(summarizeExport), ...(next && { NextToken: Buffer.from(next.id).toString('base64') }) };
};
