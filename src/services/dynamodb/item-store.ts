/**
 * Items and their index entries. Every change of one item is atomic: the item itself, the index
 * entries it leaves and enters, the table statistics and its stream record go into one MetaStore
 * batch, which concurrent writes share (group-commit.ts). Writers of one item are serialised by a
 * per-item lock held from their read to the moment their operations are queued, and read through
 * the queue (`read`, `latestText`), so read-check-write (conditions, ReturnValues, index
 * maintenance) sees the item it replaces; they wait for durability after letting the next writer
 * in. Plain readers (`readText`, `readMany`, `iterate`) see durable writes only.
 */
import type { KeyRange, MetaOp, MetaStore } from '../../storage/meta-store.js';
import { NOT_NOW, valueBatches } from '../../storage/meta-store.js';
import type { BackfillProgress } from './backfill-progress.js';
import { GroupCommit, NOT_PENDING } from './group-commit.js';
import { indexEntryKeyOf, projectForIndex } from './index-entries.js';
import { ItemLocks } from './item-locks.js';
import { parseItem, serializeItem } from './item-codec.js';
import { DDB_NS, itemKey } from './keys.js';
import type { IndexRecord, TableRecord } from './table-record.js';
import type { TableStore } from './table-store.js';
import type { StreamWriter } from './streams/stream-writer.js';
import { itemSize, type Item } from './values/index.js';

/**
 * An item's lock key, which is also its id for ongoing writes (transactions/ongoing-writes.ts):
 * its store key. One string per item write serves the lock, the ongoing-writes entry, the read
 * of the current item, the queued value and the batch operation; a key per use was joined (and
 * flattened when hashed) up to four times per item (bench/micro/dynamodb-gateway.ts).
 */
export const itemLockKey = (table: TableRecord, encodedKey: string): string => itemKey(table.id, encodedKey);

/** A rejection that is handled elsewhere (one function, not a closure per write). */
const ignore = (): undefined => undefined;

export class ItemStore {
  readonly #meta: MetaStore;
  readonly #tables: TableStore;
  readonly locks = new ItemLocks();
  /** The GSIs being backfilled now, by index id: which items each has counted (gsi-backfills.ts sets them). */
  readonly backfilling = new Map<string, BackfillProgress>();

  readonly #streams: StreamWriter | undefined;
  readonly #group: GroupCommit;
  /** Tables whose statistics changed since the last batch was closed. */
  readonly #dirty = new Set<string>();

  constructor(meta: MetaStore, tables: TableStore, streams?: StreamWriter) {
    this.#meta = meta;
    this.#tables = tables;
    this.#streams = streams;
    this.#group = new GroupCommit((ops) => meta.batch(ops), DDB_NS, () => this.#statsOps());
  }

  /** Runs `section` as the only writer of one item. */
  withItem<T>(table: TableRecord, encodedKey: string, section: () => Promise<T>): Promise<T> {
    return this.locks.run(itemLockKey(table, encodedKey), section);
  }

  /** Runs `section` as the only writer of several items of one table (taken in one global order). */
  withItems<T>(table: TableRecord, encodedKeys: readonly string[], section: () => Promise<T>): Promise<T> {
    return this.locks.runAll(encodedKeys.map((k) => itemLockKey(table, k)), section);
  }

  /** The stored (durable) text of an item, synchronously when the store can. */
  readText(table: TableRecord, encodedKey: string): string | undefined | Promise<string | undefined> {
    return this.#storedText(itemKey(table.id, encodedKey));
  }

  /** For a writer holding the item's lock: the text as the queued writes leave it. */
  latestText(table: TableRecord, encodedKey: string): string | undefined | Promise<string | undefined> {
    return this.latestTextAt(itemKey(table.id, encodedKey));
  }

  /** As latestText, by the item's store key (which is its lock key: itemLockKey). */
  latestTextAt(key: string): string | undefined | Promise<string | undefined> {
    // One key string for both lookups: each new one is joined and hashed again.
    const pending = this.#group.pending(key);
    return pending === NOT_PENDING ? this.#storedText(key) : pending;
  }

  #storedText(key: string): string | undefined | Promise<string | undefined> {
    const now = this.#meta.getNow(DDB_NS, key);
    return now === NOT_NOW ? this.#meta.get(DDB_NS, key) : now;
  }

  /** For a writer holding the item's lock: the item it replaces. */
  async read(table: TableRecord, encodedKey: string): Promise<Item | undefined> {
    const text = await this.latestText(table, encodedKey);
    return text === undefined ? undefined : parseItem(text);
  }

  /**
   * Stored texts of several items. Point reads are synchronous when the store can (a LevelDB
   * getSync is well under a microsecond from the cache, a getMany is a thread-pool round trip).
   */
  async readMany(table: TableRecord, encodedKeys: string[]): Promise<(string | undefined)[]> {
    const out: (string | undefined)[] = [];
    for (const k of encodedKeys) {
      const now = this.#meta.getNow(DDB_NS, itemKey(table.id, k));
      if (now === NOT_NOW) return this.#meta.getMany(DDB_NS, encodedKeys.map((e) => itemKey(table.id, e)));
      out.push(now);
    }
    return out;
  }

  /** As readMany, for a writer holding the items' locks (see latestText), by their store keys (itemLockKey). */
  async latestManyAt(keys: readonly string[]): Promise<(string | undefined)[]> {
    // Synchronous reads (queued values, LevelDB's getSync) need no promise each.
    const out = new Array<string | undefined | Promise<string | undefined>>(keys.length);
    let waits = false;
    for (let i = 0; i < keys.length; i++) {
      const text = this.latestTextAt(keys[i]!);
      if (typeof text === 'object') waits = true;
      out[i] = text;
    }
    return waits ? Promise.all(out) : out as (string | undefined)[];
  }

  /**
   * The operations that replace `old` by `next` (either may be absent) under `encodedKey`, and
   * the statistics they change (applied to the in-memory figures at once; persisted by the batch).
   */
  changeOps(table: TableRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, oldSize = old ? itemSize(old) : 0, nextSize = next ? itemSize(next) : 0, byTtl = false, key = itemKey(table.id, encodedKey)): MetaOp[] {
    return this.addChangeOps([], table, encodedKey, old, next, oldSize, nextSize, byTtl, key);
  }

  /** As changeOps, appended to `ops` (a batch of many items builds one array); `key`: the item's store key, when the caller has it. */
  addChangeOps(ops: MetaOp[], table: TableRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, oldSize = old ? itemSize(old) : 0, nextSize = next ? itemSize(next) : 0, byTtl = false, key = itemKey(table.id, encodedKey)): MetaOp[] {
    const stats = this.#tables.stats(table.id);
    if (old) { stats.count--; stats.bytes -= oldSize; }
    if (next) {
      ops.push({ type: 'put', ns: DDB_NS, key, value: serializeItem(next) });
      stats.count++; stats.bytes += nextSize;
    } else if (old) {
      ops.push({ type: 'del', ns: DDB_NS, key });
    }
    for (const index of table.indexes) this.#indexOps(table, index, encodedKey, old, next, ops, key);
    // The stream record goes in the same batch (a TTL deletion is marked as the service's).
    if (this.#streams && (old !== undefined || next !== undefined)) {
      for (const op of this.#streams.itemOps(table, old, next, byTtl)) ops.push(op);
    }
    return ops;
  }

  #indexOps(table: TableRecord, index: IndexRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, ops: MetaOp[], key: string): void {
    const stats = this.#tables.stats(table.id);
    const figures = (stats.indexes ??= {})[index.id] ??= [0, 0];
    const oldKey = old && indexEntryKeyOf(table, index, old, encodedKey);
    const newKey = next && indexEntryKeyOf(table, index, next, encodedKey);
    // An index being backfilled counts an item once (backfill-progress.ts): until then the entry
    // this write replaces was never counted, so only the new one is. Only while an index is CREATING.
    const progress = index.status === 'CREATING' ? this.backfilling.get(index.id) : undefined;
    const counted = progress === undefined || progress.counted(key);
    if (!counted) progress.markCounted(key);
    if (oldKey !== undefined) {
      if (counted) { figures[0]--; figures[1] -= itemSize(projectForIndex(table, index, old!)); }
      if (oldKey !== newKey) ops.push({ type: 'del', ns: DDB_NS, key: oldKey });
    }
    if (newKey !== undefined) {
      const projected = projectForIndex(table, index, next!);
      figures[0]++; figures[1] += itemSize(projected);
      ops.push({ type: 'put', ns: DDB_NS, key: newKey, value: serializeItem(projected) });
    }
  }

  /**
   * Queues item changes (and any extra operations) to be written atomically with the statistics
   * of the tables they change; resolves once durable. The caller may release the items' locks as
   * soon as this returns (the queued values are what the next writer reads).
   */
  commit(table: TableRecord, ops: MetaOp[]): Promise<void> {
    return this.commitAcross([table.id], ops);
  }

  /** As commit, for changes to the items of several tables (a transaction). */
  commitAcross(tableIds: Iterable<string>, ops: MetaOp[]): Promise<void> {
    for (const id of tableIds) this.#dirty.add(id);
    const durable = this.#group.commit(ops);
    // Awaited by the caller after its locks are released: never an unhandled rejection meanwhile.
    durable.catch(ignore);
    return durable;
  }

  /** Resolves once every write queued so far is durable (a reader that must not see less). */
  flush(): Promise<void> {
    return this.#group.commit([]);
  }

  /** Each changed table's statistics, once per batch, as they stand when it is written. */
  #statsOps(): MetaOp[] {
    const ops: MetaOp[] = [];
    for (const id of this.#dirty) if (this.#tables.byId(id)) ops.push(this.#tables.statsOp(id));
    this.#dirty.clear();
    return ops;
  }

  /** Stored entries (items or index entries) in key order, bounded by `range`. */
  iterate(range: KeyRange): AsyncIterable<[key: string, value: string]> {
    return this.#meta.iterate(DDB_NS, range);
  }

  /** Stored texts (items or index entries) in key order, bounded by `range`, a batch at a time. */
  texts(range: KeyRange): AsyncIterable<string[]> {
    return valueBatches(this.#meta, DDB_NS, range);
  }
}
