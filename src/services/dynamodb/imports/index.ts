/** The import operations, for the service's table (../index.ts): each takes the import runs besides the DynamoDB deps. */
import { describeImportOperation, listImportsOperation } from './describe-import.js';
import { type ImportHandler, importTable } from './import-table.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const IMPORT_HANDLERS: Record<string, ImportHandler<any, any>> = {
  ImportTable: importTable, DescribeImport: describeImportOperation, ListImports: listImportsOperation,
};
export { ImportRuns } from './run-import.js';
export { failUnfinishedImports } from './import-store.js';
