/** The export operations, for the service's table (../index.ts): each takes the export runs besides the DynamoDB deps. */
import { describeExportOperation, listExportsOperation } from './describe-export.js';
import { type ExportHandler, exportTableToPointInTime } from './export-table.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EXPORT_HANDLERS: Record<string, ExportHandler<any, any>> = {
  ExportTableToPointInTime: exportTableToPointInTime, DescribeExport: describeExportOperation, ListExports: listExportsOperation,
};
export { ExportRuns } from './run-export.js';
export { failUnfinishedExports } from './export-store.js';
