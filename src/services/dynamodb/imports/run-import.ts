/**
 * Runs an import in the background: lists the objects under the source prefix in boltstack's own
 * S3 (in process: s3/internal-api.ts), reads each as a stream of lines (object-lines.ts), turns
 * each line into an item (DYNAMODB_JSON or CSV), writes the items with their index entries under
 * the new table's id (import-writer.ts), then stores the table record and the outcome.
 *
 * What AWS does, measured (scylladb/scylladb test/alternator/test_import.py, PR #31619, 2026):
 * - a missing bucket FAILs the import with FailureCode S3NoSuchBucket, and no table is made;
 * - a prefix matching no object COMPLETEs with an empty table;
 * - blank lines are neither items nor errors;
 * - the first line that is no item abandons the rest of its object: one error, counted in
 *   ErrorCount (AWS also logs it to CloudWatch; boltstack does not), and the import ends FAILED
 *   with FailureCode ItemValidationError, its table kept with the items that passed;
 * - ProcessedItemCount = ImportedItemCount + ErrorCount; duplicates count as writes.
 * The items are marked pending (backups/pending-copies.ts) until the table record exists: an
 * import cut short by a stop or kill -9 leaves the mark, and the next start drops its items and
 * FAILs it (import-store.ts).
 */
import type { Logger } from '../../../log.js';
import type { S3InternalApi } from '../../s3/internal-api.js';
import { clearPending } from '../backups/pending-copies.js';
import type { DdbDeps } from '../context.js';
import { DDB_NS, pendingCopyKey, removalKey } from '../keys.js';
import { checkPutItemAgainst } from '../operations/put-item.js';
import type { TableRecord } from '../table-record.js';
import type { Item } from '../values/index.js';
import { csvFields, csvItem } from './csv-rows.js';
import { dynamoDbJsonItem } from './dynamodb-json-line.js';
import type { ImportReservations } from './imported-table.js';
import { type ImportRecord } from './import-record.js';
import { putImport } from './import-store.js';
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
  reservations: ImportReservations;
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

  get reservations(): ImportReservations { return this.#deps.reservations; }

  /** Starts the run of an import already stored IN_PROGRESS, whose table is reserved and marked pending. */
  start(record: ImportRecord, table: TableRecord): void {
    const run = this.#run(record, table).catch((err: unknown) => {
      this.#deps.log.warn('table import failed', { err: err instanceof Error ? err.message : String(err) });
    }).finally(() => { this.#running.delete(run); });
    this.#running.add(run);
  }

  /** Lets every run stop at its next yield; an unfinished import is failed by the next start. */
  async close(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#running]);
  }

  async #run(record: ImportRecord, table: TableRecord): Promise<void> {
    const { ddb } = this.#deps;
    const figures: Figures = { processed: 0, imported: 0, errors: 0, bytes: { bytes: 0 } };
    let outcome: ImportRecord;
    try {
      const writer = new ImportWriter(ddb.meta, table);
      await this.#read(record, table, writer, figures);
      await writer.flush();
      await this.#createTable(table, writer);
      outcome = figures.errors > 0
        ? { ...record, status: 'FAILED', failureCode: 'ItemValidationError', failureMessage: ITEM_VALIDATION_MESSAGE }
        : { ...record, status: 'COMPLETED' };
    } catch (err) {
      if (err instanceof Stopped) return;
      this.#deps.reservations.release(table);
      await this.#dropItems(table);
      // Anything else (a storage error) fails the import too, so no client polls it for ever.
      const [failureCode, failureMessage] = err instanceof ReadFailed ? [`S3${err.code}`, err.message] : ['UNKNOWN', err instanceof Error ? err.message : String(err)];
      outcome = { ...record, status: 'FAILED', failureCode, failureMessage };
    }
    await putImport(ddb.meta, {
      ...outcome, endTime: ddb.now(), processedItemCount: figures.processed, importedItemCount: figures.imported, errorCount: figures.errors,
      ...(figures.bytes.bytes > 0 && { processedSizeBytes: figures.bytes.bytes }),
    });
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

  /** The table record, once its items are written: under CreateTable's name lock, as CreateTable stores one. */
  async #createTable(table: TableRecord, writer: ImportWriter): Promise<void> {
    const { ddb, reservations } = this.#deps;
    await ddb.tables.locks.run(`${table.account}\0${table.region}\0${table.name}`, async () => {
      reservations.release(table);
      // CreateTable does not see reservations: a table made by it meanwhile keeps the name.
      if (ddb.tables.get(table.account, table.region, table.name)) throw new Error(`Table already exists: ${table.name}`);
      await ddb.tables.create(table);
      // create() starts the figures at zero; the imported ones replace them before any writer runs.
      Object.assign(ddb.tables.stats(table.id), writer.stats);
      await ddb.meta.batch([ddb.tables.statsOp(table.id)]);
      await clearPending(ddb.meta, table.id);
    });
  }

  /** A failed import's items go to the background removal (its pending mark becomes a removal mark). */
  async #dropItems(table: TableRecord): Promise<void> {
    const { ddb } = this.#deps;
    await ddb.work.queue(async () => {
      await ddb.meta.batch([{ type: 'del', ns: DDB_NS, key: pendingCopyKey(table.id) }, { type: 'put', ns: DDB_NS, key: removalKey(table.id), value: '' }]);
      ddb.removal.kick();
    });
  }
}
