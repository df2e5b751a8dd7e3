/**
 * MetaStore on classic-level (LevelDB) at <data>/meta: one sublevel per namespace, utf8 keys and
 * values, so LevelDB's bytewise order is the UTF-8 order S3 lists in (DESIGN.md §5).
 *
 * - `batch` goes to the root database with each key prefixed by its namespace's sublevel prefix,
 *   which LevelDB applies as one WriteBatch: atomic across namespaces.
 * - durability 'process': writes reach the OS before the promise resolves (LevelDB flushes its
 *   log record to the file on every write), so they survive kill -9 of the emulator.
 *   durability 'fsync' adds `sync: true`: the log is fsynced too, surviving power loss.
 * - Sublevel prefixes are '!ns!', so every namespace lies in ['!', '"'); root keys outside that
 *   range (the format version) survive clear().
 */
import { ClassicLevel } from 'classic-level';
import { NOT_NOW, type KeyRange, type MetaOp, type MetaStore } from '../src/storage/meta-store.js';
import { checkNamespace, checkOps, checkString } from '../src/storage/memory/validate.js';
import { checkFormatVersion } from './format-version.js';
import { IteratorMemory } from './iterator-memory.js';

export type Durability = 'process' | 'fsync';

type Db = ClassicLevel<string, string>;
type Sublevel = ReturnType<typeof ClassicLevel.prototype.sublevel<string, string>>;
/** abstract-level's implementer API for batches, which classic-level implements and its types do not declare. */
interface PrivateBatch { _batch(ops: { type: 'put' | 'del'; key: string; value?: string }[], options: { sync: boolean }): Promise<void> }

/**
 * Sized for an idle emulator (DESIGN.md §6a, idle RSS < 50 MB): LevelDB's defaults are an 8 MiB
 * block cache and a 4 MiB memtable, both of which stay resident once filled. Metadata records
 * are small and hot ones are in the OS page cache anyway, so a 2 MiB cache loses little; a 2 MiB
 * memtable means more frequent (small, background) flushes under heavy load.
 */
const LEVEL_OPTIONS = {
  cacheSize: 2 * 1024 * 1024,
  writeBufferSize: 2 * 1024 * 1024,
  maxOpenFiles: 128,
} as const;

/**
 * Entries fetched per thread-pool call: 64 first (or the range's limit, when smaller: hasBlobRefs
 * reads one entry), then each batch four times the last, up to LAST_BATCH.
 * - Why grow: classic-level reserves room for the whole batch and keeps it, with copies of the
 *   entries, until the iterator's JS wrapper is collected, not at close. Jumping from 16 straight
 *   to 1,000 made every read of 17 to a few hundred entries (a DynamoDB Query of 25 items) pay
 *   for a 1,000-entry fetch: RssAnon grew ~3.5 KiB per Query without levelling off (scratch:
 *   Query 25 of 100 at 3,000/s, 75 -> 246 MiB in 16 s; 15 items stayed flat at 95).
 * - Why 64 first: a 25-item Query then takes one thread-pool round trip instead of two, 275-289
 *   -> 219-223 us of server CPU per Query (+25% Query/s); it holds at 107-118 MiB rather than
 *   103-105 at that higher rate (scratch, same load, 5 s each).
 */
const FIRST_BATCH = 64;
const BATCH_GROWTH = 4;
const LAST_BATCH = 1000;
/**
 * classic-level stops filling a batch at 16 KiB by default, about 50 object records: a listing
 * of 1,000 keys then took 20 thread-pool round trips. 1 MiB lets one batch hold 1,000 records.
 */
const BATCH_BYTES = 1024 * 1024;

/**
 * classic-level says only "Database failed to open"; the reason is in `cause`. The common one is
 * a second process on the same data dir (LevelDB's LOCK file), which deserves a plain sentence.
 */
/** What the store needs of a classic-level iterator (keys are undefined when read with keys: false). */
interface NextvIterator { nextv(size: number): Promise<[string, string][]>; close(): Promise<void> }

interface RangeOptions { gt?: string; gte?: string; lt?: string; lte?: string; reverse?: boolean; limit?: number; highWaterMarkBytes: number }

/** classic-level iterator options for a range, its bounds prefixed with `prefix`. */
function rangeOptions(range: KeyRange, prefix: string): RangeOptions {
  const options: RangeOptions = { highWaterMarkBytes: BATCH_BYTES };
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = range[bound];
    if (value !== undefined) {
      checkString('key', value);
      options[bound] = prefix + value;
    }
  }
  if (range.reverse) options.reverse = true;
  if (range.limit !== undefined && range.limit >= 0) options.limit = range.limit;
  return options;
}

function openError(err: unknown, location: string): Error {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'LEVEL_LOCKED') {
    return new Error(`the data dir is in use by another process (another boltstack?): ${location} is locked`);
  }
  return new Error(`cannot open the metadata store ${location}: ${cause?.message ?? (err instanceof Error ? err.message : String(err))}`);
}

export class LevelMetaStore implements MetaStore {
  readonly #db: Db;
  readonly #sync: boolean;
  readonly #subs = new Map<string, Sublevel>();
  /** What closed iterators still hold natively until V8 collects them (iterator-memory.ts). */
  readonly #iteratorMemory = new IteratorMemory();
  /** Each namespace's key prefix in the root database (its sublevel's: '!ns!'). */
  readonly #prefixes = new Map<string, string>();

  private constructor(db: Db, durability: Durability) {
    this.#db = db;
    this.#sync = durability === 'fsync';
  }

  static async open(location: string, durability: Durability): Promise<LevelMetaStore> {
    const db: Db = new ClassicLevel<string, string>(location, { keyEncoding: 'utf8', valueEncoding: 'utf8', ...LEVEL_OPTIONS });
    try {
      await db.open({ createIfMissing: true });
    } catch (err) {
      throw openError(err, location);
    }
    try {
      await checkFormatVersion(db, location, durability === 'fsync');
    } catch (err) {
      await db.close();
      throw err;
    }
    return new LevelMetaStore(db, durability);
  }

  async get(ns: string, key: string): Promise<string | undefined> {
    checkNamespace(ns);
    checkString('key', key);
    // getSync: a point read served from LevelDB's memtable, block cache or the OS page cache
    // takes a few microseconds, while the async get costs a libuv thread-pool round trip and
    // promise plumbing (measured: bench s3-figures, GetObject 4 KiB). Errors still reject.
    // A sublevel created a moment ago is still 'opening' (getSync would throw): async then.
    const sub = this.#sub(ns);
    return sub.status === 'open' ? sub.getSync(key) : sub.get(key);
  }

  getNow(ns: string, key: string): string | undefined | typeof NOT_NOW {
    checkNamespace(ns);
    checkString('key', key);
    const sub = this.#sub(ns);
    return sub.status === 'open' ? sub.getSync(key) : NOT_NOW;
  }

  async getMany(ns: string, keys: string[]): Promise<(string | undefined)[]> {
    checkNamespace(ns);
    for (const key of keys) checkString('key', key);
    if (keys.length === 0) return [];
    return this.#sub(ns).getMany(keys);
  }

  // put and del go through the root batch too: that is where `sync` is honoured (sublevel
  // option types do not carry it), and LevelDB implements Put as a one-entry batch anyway.
  async put(ns: string, key: string, value: string): Promise<void> {
    return this.batch([{ type: 'put', ns, key, value }]);
  }

  async del(ns: string, key: string): Promise<void> {
    return this.batch([{ type: 'del', ns, key }]);
  }

  /**
   * The operations go straight to classic-level's `_batch` (abstract-level's implementer API,
   * what its public `batch` ends in) with keys already prefixed by their namespace: the public
   * array batch clones each operation, looks its encodings up and prefixes its key through the
   * sublevel first. Scratch, puts of ~150 bytes: 26 per batch 254-328 -> 73 us, 3 per batch
   * 74 -> 40 us. (A chained batch is as fast, but its native WriteBatch would live until V8
   * collects it; this one is freed once written.) Keys and values are checked by checkOps, and
   * utf8 is the identity encoding, so `_batch` gets what the public path would hand it.
   */
  async batch(ops: MetaOp[]): Promise<void> {
    checkOps(ops);
    if (ops.length === 0) return;
    // Not open (closing, closed): the public path says so in abstract-level's words.
    if (this.#db.status !== 'open') return this.#publicBatch(ops);
    const prefixed = new Array<{ type: 'put' | 'del'; key: string; value?: string }>(ops.length);
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const key = this.#prefix(op.ns) + op.key;
      prefixed[i] = op.type === 'put' ? { type: 'put', key, value: op.value } : { type: 'del', key };
    }
    await (this.#db as unknown as PrivateBatch)._batch(prefixed, { sync: this.#sync });
  }

  #publicBatch(ops: MetaOp[]): Promise<void> {
    return this.#db.batch(ops.map((op) => (op.type === 'put'
      ? { type: 'put' as const, sublevel: this.#sub(op.ns), key: op.key, value: op.value }
      : { type: 'del' as const, sublevel: this.#sub(op.ns), key: op.key })), { sync: this.#sync });
  }

  async *iterate(ns: string, range: KeyRange = {}): AsyncIterable<[key: string, value: string]> {
    checkNamespace(ns);
    const it = this.#sub(ns).iterator(rangeOptions(range, ''));
    for await (const entries of this.#batches(it, range)) {
      for (const [k, v] of entries) yield [k, v];
    }
  }

  /**
   * As iterate, values only, a batch at a time: one await per batch instead of one per entry
   * through an async generator, no key strings, and the root database's iterator on the
   * namespace's prefixed range instead of a sublevel's, whose wrapper walks every entry again to
   * strip the prefix.
   */
  async *iterateValues(ns: string, range: KeyRange = {}): AsyncIterable<string[]> {
    checkNamespace(ns);
    const prefix = this.#prefix(ns);
    const options = rangeOptions(range, prefix);
    // The namespace's own bounds where the range gives none: ['!ns!', '!ns"').
    if (options.gt === undefined && options.gte === undefined) options.gte = prefix;
    if (options.lt === undefined && options.lte === undefined) options.lt = prefix.slice(0, -1) + '"';
    const it = this.#db.iterator({ ...options, keys: false });
    for await (const entries of this.#batches(it, range)) {
      const values = new Array<string>(entries.length);
      for (let i = 0; i < entries.length; i++) values[i] = entries[i]![1];
      yield values;
    }
  }

  /**
   * An iterator's entries in growing batches (see FIRST_BATCH), counted as native memory held
   * until V8 collects the iterator, which is closed when the reader stops.
   */
  async *#batches(it: NextvIterator, range: KeyRange): AsyncIterable<[string, string][]> {
    const hold = this.#iteratorMemory.track(it);
    try {
      const first = range.limit !== undefined && range.limit > 0 ? Math.min(FIRST_BATCH, range.limit) : FIRST_BATCH;
      for (let size = first; ; size = Math.min(size * BATCH_GROWTH, LAST_BATCH)) {
        const entries = await it.nextv(size);
        if (entries.length === 0) return;
        this.#iteratorMemory.read(hold, size, entries);
        yield entries;
      }
    } finally {
      await it.close();
      this.#iteratorMemory.closed();
    }
  }

  async clear(ns?: string): Promise<void> {
    if (ns !== undefined) {
      checkNamespace(ns);
      await this.#sub(ns).clear();
    } else {
      // Every sublevel key starts with '!'; the format version key does not.
      await this.#db.clear({ gte: '!', lt: '"' });
    }
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  #prefix(ns: string): string {
    let prefix = this.#prefixes.get(ns);
    if (prefix === undefined) {
      prefix = this.#sub(ns).prefix;
      this.#prefixes.set(ns, prefix);
    }
    return prefix;
  }

  #sub(ns: string): Sublevel {
    let sub = this.#subs.get(ns);
    if (!sub) {
      sub = this.#db.sublevel<string, string>(ns, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
      this.#subs.set(ns, sub);
    }
    return sub;
  }
}
