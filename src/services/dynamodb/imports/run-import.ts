/**
 * Runs an import in the background: lists the objects under the source prefix in boltstack's own
 * S3 (in process: s3/internal-api.ts), reads each as a stream of lines (object-lines.ts), turns
 * each line into an item (DYNAMODB_JSON or CSV), writes the items with their index entries under
 * the new table's id (import-writer.ts), then makes the CREATING table ACTIVE (or drops it) in
 * one batch with the outcome.
 *
 * What AWS does, measured (scylladb/scylladb test/alternator/test_import.py, PR #31619, 2026):
 * - a missing bucket FAILs the import with FailureCode S3NoSuchBucket, and no table is left
 *   (DescribeTable: ResourceNotFoundException; also ack-api-quirks DDB-IMPORT-012, 2026-10-09). The
 *   developer guide names the rule ("Import format quotas and validation", troubleshooting "The
 *   specified bucket does not exist"): "Since the error was caught before the data was imported
 *   into the table, a new DynamoDB table is not created. In some cases, when these errors are
 *   encountered after the data import has started, the table with partially imported data is
 *   retained." So an S3 failure drops the CREATING table when no item was imported yet, and
 *   leaves it ACTIVE with the items imported so far otherwise;
 * - a prefix matching no object COMPLETEs with an empty table;
 * - blank lines are neither items nor errors;
 * - the first line that is no item abandons the rest of its object: one error, counted in
 *   ErrorCount (AWS also logs it to CloudWatch; boltstack does not), and the import ends FAILED
 *   with FailureCode ItemValidationError, its table kept (ACTIVE) with the items that passed, even
 *   none (the guide's "Missing the key pk" example: "the table now exists and is empty");
 * - ProcessedItemCount = ImportedItemCount + ErrorCount; duplicates count as writes;
 * - an object deleted after it was listed is an item error, not an S3 failure (DDB-IMPORT-007).
 * The items are marked pending (backups/pending-copies.ts) while the table is CREATING. A stop
 * FAILs a running import as it stops and drops its table; a kill -9 leaves it to the next start
 * (import-store.ts failUnfinishedImports). Either way no CREATING table outlives its import.
 */
import type { Logger } from '../../../log.js';
import type { S3InternalApi } from '../../s3/internal-api.js';
import type { MetaOp } from '../../../storage/meta-store.js';
import type { DdbDeps } from '../context.js';
import { DDB_NS, pendingCopyKey } from '../keys.js';
import { checkPutItemAgainst } from '../operations/put-item.js';
import type { TableRecord } from '../table-record.js';
import type { Item } from '../values/index.js';
import { csvFields, csvItem } from './csv-rows.js';
import { dynamoDbJsonItem } from './dynamodb-json-line.js';
import { type ImportRecord } from './import-record.js';
import { interrupted, putImportOp } from './import-store.js';
import { ImportWriter } from './import-writer.js';
import { type Compression, type LineCounter, UnreadableObject, objectLines } from './object-lines.js';

/** The object's lines; an UnreadableObject ends them, counted as a processed line in error. */
async function* guarded(lines: AsyncGenerator<string>, figures: Figures): AsyncGenerator<string> {
  try {
    yield* lines;
  } catch (err) {
    if (!(err instanceof UnreadableObject)) throw err;
    figures.processed++;
    figures.errors++;
  }
}

/** Lines read between two yields to the event loop. */
const YIELD_EVERY = 500;

/** AWS's words for an import with invalid items (not verified against a capture). */
const ITEM_VALIDATION_MESSAGE = 'Some of the items failed validation checks and were not imported. Please check CloudWatch error logs for more details.';

export interface ImportRunDeps {
  ddb: DdbDeps;
  log: Logger;
  /** S3's in-process API, or undefined where the instance has no S3 (a unit test's lone service). */
  s3: () => Promise<S3InternalApi | undefined>;
}

class ReadFailed extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

class Stopped extends Error {}

interface Figures { processed: number; imported: number; errors: number; bytes: LineCounter }

export class ImportRuns {
  readonly #deps: ImportRunDeps;
  readonly #running = new Set<Promise<void>>();
  #stopping = false;

  constructor(deps: ImportRunDeps) { this.#deps = deps; }

  /**
   * Starts the run of an import stored IN_PROGRESS with its CREATING table and pending mark. It
   * runs as background work (background-work.ts `queue`), so the service's marker stays while it
   * does.
   */
  start(record: ImportRecord, table: TableRecord): void {
    const run = this.#deps.ddb.work.queue(() => this.#run(record, table)).catch((err: unknown) => {
      this.#deps.log.warn('table import failed', { err: err instanceof Error ? err.message : String(err) });
    }).finally(() => { this.#running.delete(run); });
    this.#running.add(run);
  }

  /** Lets every run stop at its next yield; a run cut short FAILs its import and drops its table. */
  async close(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#running]);
  }

  async #run(record: ImportRecord, table: TableRecord): Promise<void> {
    const { ddb } = this.#deps;
    const figures: Figures = { processed: 0, imported: 0, errors: 0, bytes: { bytes: 0 } };
    const writer = new ImportWriter(ddb.meta, table);
    let outcome: ImportRecord;
    let keep = true;
    try {
      await this.#read(record, table, writer, figures);
      outcome = figures.errors > 0
        ? { ...record, status: 'FAILED', failureCode: 'ItemValidationError', failureMessage: ITEM_VALIDATION_MESSAGE }
        : { ...record, status: 'COMPLETED' };
    } catch (err) {
      if (err instanceof Stopped) {
        outcome = interrupted(record, ddb.now(), 'a stop');
        keep = false;
      } else if (err instanceof ReadFailed) {
        // S3's own failure: the table stays only if items were imported before it (see above).
        outcome = { ...record, status: 'FAILED', failureCode: `S3${err.code}`, failureMessage: err.message };
        keep = figures.imported > 0;
      } else {
        // Anything else (a storage error) fails the import too, so no client polls it for ever.
        outcome = { ...record, status: 'FAILED', failureCode: 'UNKNOWN', failureMessage: err instanceof Error ? err.message : String(err) };
        keep = false;
      }
    }
    if (keep) {
      try {
        await writer.flush();
      } catch (err) {
        outcome = { ...record, status: 'FAILED', failureCode: 'UNKNOWN', failureMessage: err instanceof Error ? err.message : String(err) };
        keep = false;
      }
    }
    const done = putImportOp({
      ...outcome, endTime: outcome.endTime ?? ddb.now(), processedItemCount: figures.processed, importedItemCount: figures.imported, errorCount: figures.errors,
      ...(figures.bytes.bytes > 0 && { processedSizeBytes: figures.bytes.bytes }),
    });
    const unmark: MetaOp = { type: 'del', ns: DDB_NS, key: pendingCopyKey(table.id) };
    if (keep) {
      // The figures the items added up to, the pending mark cleared and the outcome, with the ACTIVE record.
      await ddb.tables.activate(table, writer.stats, [unmark, done]);
    } else {
      // The record goes and the items written so far go to the background removal, with the outcome.
      await ddb.tables.dropCreating(table, [unmark, done]);
      ddb.removal.kick();
    }
  }

  async #read(record: ImportRecord, table: TableRecord, writer: ImportWriter, figures: Figures): Promise<void> {
    const s3 = await this.#deps.s3();
    if (!s3) throw new ReadFailed('NoSuchBucket', 'The specified bucket does not exist');
    // S3BucketOwner is the bucket's expected owner: another owner's bucket is S3AccessDenied.
    const { S3Bucket: bucket, S3KeyPrefix: prefix = '', S3BucketOwner: owner } = record.source;
    let next: string | undefined;
    do {
      const page = await s3.listObjects(record.account, record.region, bucket, prefix, next, owner);
      if (!page.ok) throw new ReadFailed(page.code, page.message);
      for (const object of page.objects) {
        const opened = await s3.getObject(record.account, record.region, bucket, object.key, owner);
        if (!opened.ok && opened.code === 'NoSuchKey') {
          // Listed, then deleted before it was read: AWS counts such objects as item errors and ends
          // FAILED/ItemValidationError with its table ACTIVE (ack-api-quirks DDB-IMPORT-007: source
          // objects deleted mid-import, native AWS 2026-10-09). One error here, as an unreadable object.
          figures.processed++;
          figures.errors++;
          continue;
        }
        if (!opened.ok) throw new ReadFailed(opened.code, opened.message);
        await this.#readObject(record, table, objectLines(opened.stream, record.compression as Compression, figures.bytes), writer, figures);
      }
      next = page.next;
    } while (next !== undefined);
  }

  /** One object's items; the first line that is no item ends the object (one error). */
  async #readObject(record: ImportRecord, table: TableRecord, lines: AsyncGenerator<string>, writer: ImportWriter, figures: Figures): Promise<void> {
    const csv = record.inputFormat === 'CSV' ? record.inputFormatOptions?.Csv ?? {} : undefined;
    let header = csv?.HeaderList;
    let read = 0;
    try {
      // An object that is no gzip, or a line too long to be an item (object-lines.ts), is a bad line: one error, the object ends.
      for await (const line of guarded(lines, figures)) {
        if (++read % YIELD_EVERY === 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.#stopping) throw new Stopped();
        }
        if (line.trim() === '') continue;
        if (csv && header === undefined) {
          try { header = csvFields(line, csv.Delimiter ?? ','); } catch { figures.errors++; figures.processed++; return; }
          continue;
        }
        figures.processed++;
        let item: Item;
        try {
          const parsed = csv ? csvItem(header!, csvFields(line, csv.Delimiter ?? ','), record.creation.AttributeDefinitions) : dynamoDbJsonItem(line);
          item = checkPutItemAgainst(table, parsed);
        } catch {
          figures.errors++;
          return;
        }
        await writer.add(item);
        figures.imported++;
      }
    } finally {
      await lines.return(undefined);
    }
  }
}
