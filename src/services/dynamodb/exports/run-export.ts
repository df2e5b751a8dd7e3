/**
 * Runs an export in the background: reads the items pinned when the request was accepted (one
 * LevelDB iterator, so the files hold the table as it was then, whatever is written meanwhile:
 * backups/copy-items.ts), writes the files of export-files.ts through S3 in process, and stores
 * the outcome. S3 refusing a write (the bucket missing, another account's) fails the export with
 * FailureCode `S3<S3 error code>`, as AWS reports an export it could not write: the request
 * itself was accepted (AWS checks the bucket only when it writes).
 * A stop lets a run end at its next yield; the export stays IN_PROGRESS in the store and the next
 * start marks it FAILED (export-store.ts).
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { MetaStore } from '../../../storage/meta-store.js';
import type { Logger } from '../../../log.js';
import type { S3InternalApi } from '../../s3/internal-api.js';
import { type PinnedItems, unpinItems } from '../backups/copy-items.js';
import { parseItem } from '../item-codec.js';
import { itemSize } from '../values/index.js';
import { type DataFileEntry, dataFileName, dataLine, manifestFiles, manifestSummary, md5Base64 } from './export-files.js';
import { type ExportRecord, exportFolder } from './export-record.js';
import { putExport } from './export-store.js';

const gzip = promisify(gzipCallback);
/**
 * Items per data file, and the text a file holds at most before it is written (AWS splits an
 * export into several files; the size it picks is its own): a file is built in memory, so items
 * near the 400 KB limit must not gather ten thousand to a file (4 GB).
 */
const ITEMS_PER_FILE = 10_000;
const CHARS_PER_FILE = 8 * 1024 * 1024;
/** Items read between two yields to the event loop. */
const YIELD_EVERY = 500;

export interface ExportRunDeps {
  meta: MetaStore;
  log: Logger;
  now: () => number;
  /** S3's in-process API, or undefined where the instance has no S3 (a unit test's lone service). */
  s3: () => Promise<S3InternalApi | undefined>;
}

class WriteFailed extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

class Stopped extends Error {}

export class ExportRuns {
  readonly #deps: ExportRunDeps;
  readonly #running = new Set<Promise<void>>();
  #stopping = false;

  constructor(deps: ExportRunDeps) { this.#deps = deps; }

  get deps(): ExportRunDeps { return this.#deps; }

  /** Starts the run of an export already stored IN_PROGRESS. */
  start(record: ExportRecord, pinned: PinnedItems): void {
    const run = this.#run(record, pinned).catch((err: unknown) => {
      this.#deps.log.warn('table export failed', { err: err instanceof Error ? err.message : String(err) });
    }).finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  async close(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#running]);
  }

  async #run(record: ExportRecord, pinned: PinnedItems): Promise<void> {
    let outcome: ExportRecord;
    try {
      outcome = await this.#write(record, pinned);
    } catch (err) {
      await unpinItems(pinned);
      if (err instanceof Stopped) return;
      // Anything else (a storage error) fails the export too, so no client polls it for ever.
      const [failureCode, failureMessage] = err instanceof WriteFailed ? [`S3${err.code}`, err.message] : ['UNKNOWN', err instanceof Error ? err.message : String(err)];
      outcome = { ...record, status: 'FAILED', endTime: this.#deps.now(), failureCode, failureMessage };
    }
    await putExport(this.#deps.meta, outcome);
  }

  async #write(record: ExportRecord, pinned: PinnedItems): Promise<ExportRecord> {
    const s3 = await this.#deps.s3();
    if (!s3) throw new WriteFailed('NoSuchBucket', 'The specified bucket does not exist');
    const folder = exportFolder(record);
    // S3BucketOwner is the bucket's expected owner: another owner's bucket is S3AccessDenied.
    const put = async (key: string, body: Buffer): Promise<string> => {
      const done = await s3.putObject(record.account, record.region, record.s3Bucket, key, body, record.s3BucketOwner);
      if (!done.ok) throw new WriteFailed(done.code, done.message);
      return done.etag;
    };
    await put(`${folder}_started`, Buffer.alloc(0));
    const files: DataFileEntry[] = [];
    let lines: string[] = [];
    let lineChars = 0;
    let itemCount = 0;
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (lines.length === 0) return;
      const body = await gzip(Buffer.from(lines.join(''), 'utf8'));
      const key = `${folder}data/${dataFileName()}.json.gz`;
      const etag = await put(key, body);
      files.push({ itemCount: lines.length, md5Checksum: md5Base64(body), etag: etag.replace(/"/g, ''), dataFileS3Key: key });
      lines = [];
      lineChars = 0;
    };
    for (let entry = pinned.first; !entry.done; entry = await pinned.rest.next()) {
      const text = entry.value[1];
      const line = dataLine(text);
      lines.push(line);
      lineChars += line.length;
      itemCount++;
      bytes += itemSize(parseItem(text));
      if (lines.length >= ITEMS_PER_FILE || lineChars >= CHARS_PER_FILE) await flush();
      if (itemCount % YIELD_EVERY === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.#stopping) throw new Stopped();
      }
    }
    await flush();
    const filesText = manifestFiles(files);
    await put(`${folder}manifest-files.json`, Buffer.from(filesText));
    await put(`${folder}manifest-files.md5`, Buffer.from(md5Base64(filesText)));
    const done: ExportRecord = {
      ...record, status: 'COMPLETED', endTime: this.#deps.now(), itemCount, billedSizeBytes: bytes, manifest: `${folder}manifest-summary.json`,
    };
    const summary = manifestSummary(done, `${folder}manifest-files.json`);
    await put(`${folder}manifest-summary.json`, Buffer.from(summary));
    await put(`${folder}manifest-summary.md5`, Buffer.from(md5Base64(summary)));
    return done;
  }
}
