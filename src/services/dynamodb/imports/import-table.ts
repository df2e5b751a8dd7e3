/**
 * ImportTable: a NEW table (CreateTable's own code: imported-table.ts) filled in the background
 * from objects in boltstack's own S3 (run-import.ts). It answers IN_PROGRESS with the counters at
 * 0; DescribeImport answers COMPLETED or FAILED once the objects are read. From the answer to
 * then the table exists CREATING (imported-table.ts): DescribeTable and ListTables show it, item
 * operations and the other table operations answer ResourceNotFoundException, CreateTable and
 * DeleteTable are ResourceInUseException (ack-api-quirks DDB-IMPORT-001, DDB-IMPORT-006,
 * DDB-TABLE-444, native AWS 2026-10-09). The table's record, the import's record and the pending
 * mark of its items are written in one batch, after the background-work marker, so a kill -9
 * leaves all of them or none, and the next start finds them (import-store.ts).
 *
 * ClientToken, measured (scylladb/scylladb test/alternator/test_import.py, PR #31619, 2026): a
 * replay with the same token returns the original import, whatever its source or format; only
 * another TableName is ImportConflictException; a request without one is a ValidationException
 * (the SDKs fill one in); and once the table is ACTIVE, a replay is ResourceInUseException first
 * (while it is CREATING the replay answers the import: ack-api-quirks DDB-IMPORT-017).
 * InputFormatOptions.Csv with another format is a ValidationException (same source).
 * Not reproduced (NotImplemented naming it): InputFormat ION; ZSTD where node:zlib lacks it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html
 */
import { randomBytes } from 'node:crypto';
import type { ImportTableInput, ImportTableOutput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { Constraints } from '../constraints.js';
import type { DdbDeps } from '../context.js';
import { ddbErrors } from '../errors.js';
import { DDB_NS, pendingCopyKey } from '../keys.js';
import { type TableRecord, tableArn } from '../table-record.js';
import { importedTable } from './imported-table.js';
import { importErrors } from './import-errors.js';
import { type ImportRecord, describeImport, importArn } from './import-record.js';
import { listImports, putImportOp } from './import-store.js';
import { zstdAvailable } from './object-lines.js';
import type { ImportRuns } from './run-import.js';

/** ClientToken idempotency window (API reference: "valid for 8 hours"). */
const TOKEN_WINDOW_MS = 8 * 3_600_000;

export type ImportHandler<I, O> = (ddb: DdbDeps, runs: ImportRuns, ctx: RequestContext, input: I) => Promise<O>;

function validate(input: ImportTableInput): void {
  const c = new Constraints();
  if (c.notNull('s3BucketSource', input.S3BucketSource)) {
    const s = input.S3BucketSource;
    if (c.notNull('s3BucketSource.s3Bucket', s.S3Bucket)) {
      c.length('s3BucketSource.s3Bucket', s.S3Bucket, undefined, 255).pattern('s3BucketSource.s3Bucket', s.S3Bucket, '^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$');
    }
    c.pattern('s3BucketSource.s3BucketOwner', s.S3BucketOwner, '[0-9]{12}');
    c.length('s3BucketSource.s3KeyPrefix', s.S3KeyPrefix, undefined, 1024);
  }
  if (c.notNull('inputFormat', input.InputFormat)) c.oneOf('inputFormat', input.InputFormat, ['DYNAMODB_JSON', 'ION', 'CSV']);
  c.oneOf('inputCompressionType', input.InputCompressionType, ['GZIP', 'ZSTD', 'NONE']);
  if (c.notNull('clientToken', input.ClientToken)) c.pattern('clientToken', input.ClientToken, '^[^\\$]+$');
  const csv = input.InputFormatOptions?.Csv;
  if (csv) {
    c.length('inputFormatOptions.csv.delimiter', csv.Delimiter, 1, 1).pattern('inputFormatOptions.csv.delimiter', csv.Delimiter, '[,;:|\\t ]');
    c.length('inputFormatOptions.csv.headerList', csv.HeaderList, 1, 255);
    // Each CsvHeader (API_CsvOptions.html): 1 to 65536 characters of printable ASCII but `"` and
    // `,`. Unchecked, a null member named a column "null" and a header with a quote or comma
    // could never match a line's field.
    csv.HeaderList?.forEach((h, i) => {
      const path = `inputFormatOptions.csv.headerList.${i + 1}.member`;
      if (c.notNull(path, h)) c.length(path, h, 1, 65536).pattern(path, h, '[\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]*');
    });
  }
  c.notNull('tableCreationParameters', input.TableCreationParameters);
  c.check();
  if (input.InputFormatOptions !== undefined && input.InputFormat !== 'CSV') throw importErrors.csvOptionsWithoutCsv();
  if (input.InputFormat === 'ION') throw importErrors.notImplemented('InputFormat ION');
  if (input.InputCompressionType === 'ZSTD' && !zstdAvailable()) throw importErrors.notImplemented(`InputCompressionType ZSTD (node:zlib of Node ${process.version} has no ZSTD)`);
}

export const importTable: ImportHandler<ImportTableInput, ImportTableOutput> = async (ddb, runs, ctx, input) => {
  validate(input);
  const name = input.TableCreationParameters.TableName;
  if (typeof name === 'string' && ddb.tables.get(ctx.accountId, ctx.region, name)) throw ddbErrors.tableAlreadyExists(name);
  const now = ddb.now();
  const earlier = (await listImports(ddb.meta, ctx.accountId, ctx.region)).find((r) => r.clientToken === input.ClientToken && now - r.startTime < TOKEN_WINDOW_MS);
  if (earlier) {
    if (earlier.tableName !== name) throw importErrors.conflict();
    return { ImportTableDescription: describeImport(earlier) };
  }
  const id = `${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
  const recordOf = (table: TableRecord): ImportRecord => {
    const arnOfTable = tableArn(table);
    return {
      id, arn: importArn(arnOfTable, id), account: table.account, region: table.region, tableArn: arnOfTable, tableId: table.id, tableName: table.name,
      status: 'IN_PROGRESS', clientToken: input.ClientToken!, source: input.S3BucketSource, inputFormat: input.InputFormat,
      ...(input.InputFormatOptions !== undefined && { inputFormatOptions: input.InputFormatOptions }),
      compression: input.InputCompressionType ?? 'NONE', creation: input.TableCreationParameters, startTime: now,
      processedItemCount: 0, importedItemCount: 0, errorCount: 0,
    };
  };
  // The marker first (background-work.ts): after a kill -9 the next start opens the service, which
  // fails the import and drops its table and items (import-store.ts failUnfinishedImports).
  const table = await ddb.work.queue(() => importedTable(ddb, ctx, input.TableCreationParameters, (t) =>
    // The pending mark with the table: items written under its id before a crash are dropped at the next start.
    ddb.tables.createCreating(t, [{ type: 'put', ns: DDB_NS, key: pendingCopyKey(t.id), value: '' }, putImportOp(recordOf(t))])));
  const record = recordOf(table);
  runs.start(record, table);
  return { ImportTableDescription: describeImport(record) };
};
