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
import { LEVEL_OPTIONS, openError } from './level-options.js';
import { IteratorMemory, type IteratorHold } from './iterator-memory.js';
import { IteratorPool, type PooledRange } from './iterator-pool.js';
import { namespaceRange, poolableRange, rangeStart, type RangeOptions } from './level-ranges.js';
import { WriteQueue } from './write-queue.js';

export type Durability = 'process' | 'fsync';

type Db = ClassicLevel<string, string>;
type Sublevel = ReturnType<typeof ClassicLevel.prototype.sublevel<string, string>>;
/** abstract-level's implementer API for batches, which classic-level implements and its types do not declare. */
interface PrivateBatch { _batch(ops: LevelOp[], options: { sync: boolean }): Promise<void> }
/** A batch operation with its key already prefixed by its namespace. */
interface LevelOp { type: 'put' | 'del'; key: string; value?: string }

/**
 * Entries fetched per thread-pool call: 32 first (or the range's limit, when smaller: hasBlobRefs
 * reads one entry), then each batch four times the last, up to LAST_BATCH.
 * - Why grow: classic-level reserves room for the whole batch (64 bytes per entry asked for) and
 *   keeps that reservation until the iterator's JS wrapper is collected, not at close. Jumping
 *   from 16 straight to 1,000 made every read of 17 to a few hundred entries (a DynamoDB Query of
 *   25 items) pay for a 1,000-entry fetch: RssAnon grew ~3.5 KiB per Query without levelling off
 *   (scratch: Query 25 of 100 at 3,000/s, 75 -> 246 MiB in 16 s).
 * - Why 32 first: a 25-item Query takes one thread-pool round trip (with 16 first it took two:
 *   275-289 -> 219-223 us of server CPU per Query) and leaves 2 KiB reserved, not the 4 KiB that
 *   64 left (see #retire for the entries themselves).
 */
const FIRST_BATCH = 32;
const BATCH_GROWTH = 4;
const LAST_BATCH = 1000;
/**
 * An iterator goes back to the pool (iterator-pool.ts) only if the strings of its last batch
 * (what it holds beyond its reservation) are this small.
 * - Why any size of reservation: a larger one is not made again by the next read of the range,
 *   which takes it from the pool, and is freed no later than it would be (when V8 collects the
 *   iterator: after it is retired, at a write or after a second idle). A full Scan of a table
 *   (bench dynamodb-figures: 10,000 items, four connections) thus reuses one iterator per
 *   connection instead of opening, retiring (a seek and a thread-pool round trip to free its last
 *   batch) and closing one per Scan, each leaving 64 KiB reserved until the next full GC.
 * - Why 128 KiB: a full batch of 1,000 small items (the Scan above: ~85 KiB) is kept.
 * - Bound: 16 idle ones hold at most 16 x (64 + 128) KiB, for at most a second.
 */
const POOLED_BYTES = 128 * 1024;

/** What the store needs of a classic-level iterator (keys are undefined when read with keys: false). */
interface NextvIterator {
  nextv(size: number): Promise<[string, string][]>;
  seek(target: string): void;
  readonly count: number;
  readonly limit: number;
  close(): Promise<void>;
}


/** One iterator and what the store knows of it. */
interface Reader {
  it: NextvIterator;
  hold: IteratorHold;
  options: RangeOptions;
  /** The store's write count when the iterator was opened (it reads the database as it was then). */
  epoch: number;
  /**
   * How many entries its range holds, once a read has come to the range's end. The iterator
   * reads the database as it was when opened, so the next read of it from the pool knows the
   * count: it asks for the range in batches as large as the last (no growing), and stops after
   * the last entry without one more thread-pool round trip to find the end.
   */
  entries?: number;
}


export class LevelMetaStore implements MetaStore {
  readonly #db: Db;
  readonly #sync: boolean;
  readonly #subs = new Map<string, Sublevel>();
  /** What closed iterators still hold natively until V8 collects them (iterator-memory.ts). */
  readonly #iteratorMemory = new IteratorMemory();
  /** Iterators being retired (#retire): close waits for them. */
  readonly #retiring = new Set<Promise<void>>();
  /** Each namespace's key prefix in the root database (its sublevel's: '!ns!'). */
  readonly #prefixes = new Map<string, string>();
  /** Writes applied so far: an iterator opened before the last one is never reused. */
  #epoch = 0;
  /** Idle iterators for the next read of the same range (iterator-pool.ts). */
  readonly #pool = new IteratorPool<Reader>((reader) => this.#startRetiring(reader));
  /** Writes that arrive while one is in flight go together as the next batch (write-queue.ts). */
  readonly #writes = new WriteQueue<LevelOp>((ops) => this.#applyBatch(ops));

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
    // On the root database with the namespace's prefix, as batch and iterate read: a sublevel's
    // getSync calls its parent's with options, a second round of option and encoding lookups
    // (scratch: 0.64-0.83 -> 0.54-0.71 us per read from the cache). Not open (closing): the
    // sublevel's async get says so in abstract-level's words.
    return this.#db.status === 'open' ? this.#db.getSync(this.#prefix(ns) + key) : this.#sub(ns).get(key);
  }

  getNow(ns: string, key: string): string | undefined | typeof NOT_NOW {
    checkNamespace(ns);
    checkString('key', key);
    return this.#db.status === 'open' ? this.#db.getSync(this.#prefix(ns) + key) : NOT_NOW;
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
   * Writes arriving while another is in flight wait and go together (group commit,
   * write-queue.ts): one thread-pool round trip and one log write for all of them.
   */
  async batch(ops: MetaOp[]): Promise<void> {
    checkOps(ops);
    if (ops.length === 0) return;
    // Not open (closing, closed): the public path says so in abstract-level's words. close()
    // drains the queue before the database closes, so nothing queued meets a closed database.
    if (this.#db.status !== 'open') return this.#publicBatch(ops);
    const prefixed = new Array<LevelOp>(ops.length);
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const key = this.#prefix(op.ns) + op.key;
      prefixed[i] = op.type === 'put' ? { type: 'put', key, value: op.value } : { type: 'del', key };
    }
    return this.#writes.write(prefixed);
  }

  async #applyBatch(ops: LevelOp[]): Promise<void> {
    try {
      await (this.#db as unknown as PrivateBatch)._batch(ops, { sync: this.#sync });
    } finally {
      this.#written();
    }
  }

  /**
   * After a write (or a failed one: it may have applied), before its caller hears of it: no
   * iterator opened earlier is read again, and none stays idle pinning the old state.
   */
  #written(): void {
    this.#epoch++;
    this.#pool.clear();
  }

  #publicBatch(ops: MetaOp[]): Promise<void> {
    return this.#db.batch(ops.map((op) => (op.type === 'put'
      ? { type: 'put' as const, sublevel: this.#sub(op.ns), key: op.key, value: op.value }
      : { type: 'del' as const, sublevel: this.#sub(op.ns), key: op.key })), { sync: this.#sync }).finally(() => this.#written());
  }

  /**
   * On the root database's iterator over the namespace's prefixed range, as iterateValues, with
   * the prefix cut off each key here: a sublevel's iterator would do the same through another
   * wrapper.
   */
  async *iterate(ns: string, range: KeyRange = {}): AsyncIterable<[key: string, value: string]> {
    checkNamespace(ns);
    const prefix = this.#prefix(ns);
    const options = namespaceRange(range, prefix);
    for await (const entries of this.#batches(range, options)) {
      for (const [k, v] of entries) yield [k.slice(prefix.length), v];
    }
  }

  /**
   * As iterate, values only, a batch at a time: one await per batch instead of one per entry
   * through an async generator, and no key strings.
   */
  async *iterateValues(ns: string, range: KeyRange = {}): AsyncIterable<string[]> {
    checkNamespace(ns);
    const options = namespaceRange(range, this.#prefix(ns));
    options.keys = false;
    for await (const entries of this.#batches(range, options)) {
      // The values replace their entries in classic-level's own array: no second array per
      // batch (8 KiB per 1,000), and each entry's [key, value] pair is garbage at once instead
      // of living as long as the reader takes over its batch (a Scan page yields to the loop
      // three times per batch of 1,000), so fewer survive a scavenge and fewer are promoted.
      const values = entries as unknown as string[];
      for (let i = 0; i < values.length; i++) values[i] = entries[i]![1];
      yield values;
    }
  }

  /**
   * An iterator's entries in growing batches (see FIRST_BATCH), counted as native memory held
   * until V8 collects the iterator; when the reader stops, pooled for the next read of the same
   * range if it may be (iterator-pool.ts), else retired (#retire).
   */
  async *#batches(range: KeyRange, options: RangeOptions): AsyncIterable<[string, string][]> {
    const pooled = poolableRange(options);
    const reader = this.#reader(options, pooled);
    let poolable = pooled !== undefined;
    try {
      const first = range.limit !== undefined && range.limit > 0 ? Math.min(FIRST_BATCH, range.limit) : FIRST_BATCH;
      const known = reader.entries;
      let read = 0;
      for (let size = first; ; size = Math.min(size * BATCH_GROWTH, LAST_BATCH)) {
        if (known !== undefined) {
          if (read === known) return;
          size = Math.min(known - read, LAST_BATCH);
        }
        let entries: [string, string][];
        try {
          entries = await reader.it.nextv(size);
        } catch (err) {
          poolable = false;
          throw err;
        }
        if (entries.length === 0) {
          reader.entries = read;
          return;
        }
        read += entries.length;
        this.#iteratorMemory.read(reader.hold, size, entries);
        yield entries;
      }
    } finally {
      if (poolable && reader.epoch === this.#epoch && reader.hold.bytes - reader.hold.reserved <= POOLED_BYTES && this.#db.status === 'open') {
        this.#pool.give(pooled!, reader, reader.epoch);
      } else {
        // Not awaited: the reader has what it asked for and need not wait for the clean-up.
        this.#startRetiring(reader);
      }
    }
  }

  /** An idle iterator for the range sought back to its start, or a new one. */
  #reader(options: RangeOptions, pooled: PooledRange | undefined): Reader {
    const idle = pooled && this.#pool.take(pooled, this.#epoch);
    if (idle) {
      idle.it.seek(rangeStart(options));
      return idle;
    }
    const it = this.#db.iterator(options) as unknown as NextvIterator;
    return { it, hold: this.#iteratorMemory.track(it), options, epoch: this.#epoch };
  }

  #startRetiring(reader: Reader): void {
    const retiring = this.#retire(reader.it, reader.hold, reader.options);
    this.#retiring.add(retiring);
    void retiring.then(() => this.#retiring.delete(retiring));
  }

  /**
   * Frees the copies of the last batch an iterator read, then closes it.
   *
   * Why: classic-level keeps the last batch's entries (a heap string per key and value over 15
   * bytes) until V8 collects the iterator's wrapper, which for a closed iterator is a full GC,
   * every 1-2 s under load: a 25-item Query left ~5 KiB behind, 10-25 MiB/s at 2-5,000 Queries/s,
   * in glibc's thread arenas. Forcing full GCs to free it (iterator-memory.ts) cost ~33 deopts
   * per forced GC ("weak objects": an atomic GC at one point of the event loop finds the maps of
   * objects that live within one request unused; V8's own incremental GCs, which run across
   * requests, caused none): Query 186-190 -> 296-354 us of server CPU. A read clears the batch
   * before it fills the next, so one more read of one entry leaves ~100 bytes instead, freed on
   * the thread that allocated it. An iterator that came to its end reads nothing more until it
   * seeks: it seeks to the start of its range (a point the range holds, so no walk to the end of
   * the database). Measured (scratch, Query 25 of 100, 16 connections, loaded machine): peak
   * VmRSS 104-107 -> 85 MiB without forced GCs, weak-object deopts 0 (229 per 10,000 Queries
   * with them).
   */
  async #retire(it: NextvIterator, hold: IteratorHold, options: RangeOptions): Promise<void> {
    // Never rejects: nobody awaits it but close(). Its steps fail only while the store closes,
    // which closes the iterator itself.
    try {
      // At its limit an iterator reads nothing more, even after a seek; what it holds is small
      // there (a limit is what the reader asked for, e.g. hasBlobRefs' one entry).
      if (hold.bytes > hold.reserved && it.count < it.limit) {
        it.seek(options.gte ?? options.gt! + '\0');
        this.#iteratorMemory.read(hold, 1, await it.nextv(1));
      }
    } catch { /* closing */ }
    try {
      await it.close();
    } catch { /* closing */ }
    this.#iteratorMemory.closed();
  }

  async clear(ns?: string): Promise<void> {
    // Writes called before clear() apply before it, as their order promises.
    await this.#writes.drained();
    try {
      if (ns !== undefined) {
        checkNamespace(ns);
        await this.#sub(ns).clear();
      } else {
        // Every sublevel key starts with '!'; the format version key does not.
        await this.#db.clear({ gte: '!', lt: '"' });
      }
    } finally {
      this.#written();
    }
  }

  /**
   * Estimated native bytes held by iterators V8 has not collected yet, once every iterator that
   * was closed is retired (tests, metrics).
   */
  async iteratorBytes(): Promise<number> {
    while (this.#retiring.size > 0) await Promise.all(this.#retiring);
    return this.#iteratorMemory.pendingBytes;
  }

  /** Iterators kept idle for the next read of their range (tests, metrics). */
  get idleIterators(): number {
    return this.#pool.size;
  }

  async close(): Promise<void> {
    await this.#writes.drained();
    this.#pool.clear();
    while (this.#retiring.size > 0) await Promise.all(this.#retiring);
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
