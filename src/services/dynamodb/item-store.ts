/**
 * Items and their index entries. Every change of one item is one atomic MetaStore batch: the
 * item itself, the index entries it leaves and enters, the table statistics, and (when Streams
 * land) its stream record — callers add extra operations to the same batch. Writers of one item
 * are serialised by a per-item lock, so read-check-write (conditions, ReturnValues, index
 * maintenance) sees the item it replaces.
 */
import type { KeyRange, MetaOp, MetaStore } from '../../storage/meta-store.js';
import { NOT_NOW } from '../../storage/meta-store.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { indexEntryKeyOf, projectForIndex } from './index-entries.js';
import { parseItem, serializeItem } from './item-codec.js';
import { DDB_NS, itemKey } from './keys.js';
import type { IndexRecord, TableRecord } from './table-record.js';
import type { TableStore } from './table-store.js';
import type { StreamWriter } from './streams/stream-writer.js';
import { itemSize, type Item } from './values/index.js';

export class ItemStore {
  readonly #meta: MetaStore;
  readonly #tables: TableStore;
  readonly locks = new KeyedMutex();

  readonly #streams: StreamWriter | undefined;

  constructor(meta: MetaStore, tables: TableStore, streams?: StreamWriter) {
    this.#meta = meta;
    this.#tables = tables;
    this.#streams = streams;
  }

  /** Runs `section` as the only writer of one item. */
  withItem<T>(table: TableRecord, encodedKey: string, section: () => Promise<T>): Promise<T> {
    return this.locks.run(`${table.id}\0${encodedKey}`, section);
  }

  /** The stored text of an item, synchronously when the store can. */
  readText(table: TableRecord, encodedKey: string): string | undefined | Promise<string | undefined> {
    const key = itemKey(table.id, encodedKey);
    const now = this.#meta.getNow(DDB_NS, key);
    return now === NOT_NOW ? this.#meta.get(DDB_NS, key) : now;
  }

  async read(table: TableRecord, encodedKey: string): Promise<Item | undefined> {
    const text = await this.readText(table, encodedKey);
    return text === undefined ? undefined : parseItem(text);
  }

  readMany(table: TableRecord, encodedKeys: string[]): Promise<(string | undefined)[]> {
    return this.#meta.getMany(DDB_NS, encodedKeys.map((k) => itemKey(table.id, k)));
  }

  /**
   * The operations that replace `old` by `next` (either may be absent) under `encodedKey`, and
   * the statistics they change (applied to the in-memory figures at once; persisted by the batch).
   */
  changeOps(table: TableRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, oldSize = old ? itemSize(old) : 0, nextSize = next ? itemSize(next) : 0, byTtl = false): MetaOp[] {
    const ops: MetaOp[] = [];
    const key = itemKey(table.id, encodedKey);
    const stats = this.#tables.stats(table.id);
    if (old) { stats.count--; stats.bytes -= oldSize; }
    if (next) {
      ops.push({ type: 'put', ns: DDB_NS, key, value: serializeItem(next) });
      stats.count++; stats.bytes += nextSize;
    } else if (old) {
      ops.push({ type: 'del', ns: DDB_NS, key });
    }
    for (const index of table.indexes) this.#indexOps(table, index, encodedKey, old, next, ops);
    // The stream record goes in the same batch (a TTL deletion is marked as the service's).
    if (this.#streams && (old !== undefined || next !== undefined)) ops.push(...this.#streams.itemOps(table, old, next, byTtl));
    return ops;
  }

  #indexOps(table: TableRecord, index: IndexRecord, encodedKey: string, old: Item | undefined, next: Item | undefined, ops: MetaOp[]): void {
    const stats = this.#tables.stats(table.id);
    const figures = (stats.indexes ??= {})[index.id] ??= [0, 0];
    const oldKey = old && indexEntryKeyOf(table, index, old, encodedKey);
    const newKey = next && indexEntryKeyOf(table, index, next, encodedKey);
    if (oldKey !== undefined) {
      figures[0]--; figures[1] -= itemSize(projectForIndex(table, index, old!));
      if (oldKey !== newKey) ops.push({ type: 'del', ns: DDB_NS, key: oldKey });
    }
    if (newKey !== undefined) {
      const projected = projectForIndex(table, index, next!);
      figures[0]++; figures[1] += itemSize(projected);
      ops.push({ type: 'put', ns: DDB_NS, key: newKey, value: serializeItem(projected) });
    }
  }

  /** Applies item changes (and any extra operations) with the table statistics as one batch. */
  commit(table: TableRecord, ops: MetaOp[]): Promise<void> {
    ops.push(this.#tables.statsOp(table.id));
    return this.#meta.batch(ops);
  }

  /** Stored entries (items or index entries) in key order, bounded by `range`. */
  iterate(range: KeyRange): AsyncIterable<[key: string, value: string]> {
    return this.#meta.iterate(DDB_NS, range);
  }
}
