/**
 * Writes an import's items under its new table's id, with their secondary index entries, before
 * the table record exists (as a restore writes its items: backups/restore-items.ts), so the table
 * appears ACTIVE with every item when the import ends. Items are written in batches; a key met
 * twice keeps the last item, as AWS's duplicates "overwrite until one remains" (developer guide,
 * "Import format quotas and validation"), so an item written earlier is read back and its index
 * entries and figures are taken out before it is replaced.
 */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { indexEntryKeyOf, projectForIndex } from '../index-entries.js';
import { parseItem, serializeItem } from '../item-codec.js';
import { encodePrimaryKey } from '../key-encoding.js';
import { DDB_NS, itemKey } from '../keys.js';
import type { TableRecord } from '../table-record.js';
import type { TableStats } from '../table-store.js';
import { itemSize, type Item } from '../values/index.js';

const BATCH = 500;

export class ImportWriter {
  readonly #meta: MetaStore;
  readonly #table: TableRecord;
  readonly #pending = new Map<string, Item>();
  readonly stats: Required<TableStats>;

  constructor(meta: MetaStore, table: TableRecord) {
    this.#meta = meta;
    this.#table = table;
    this.stats = { count: 0, bytes: 0, indexes: Object.fromEntries(table.indexes.map((i) => [i.id, [0, 0]])) };
  }

  /** Queues an item checked against the table (checkPutItemAgainst); writes a batch when one is full. */
  async add(item: Item): Promise<void> {
    const key = encodePrimaryKey(this.#table.hash, this.#table.range, item);
    this.#pending.delete(key);
    this.#pending.set(key, item);
    if (this.#pending.size >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const ops: MetaOp[] = [];
    for (const [key, item] of this.#pending) {
      const old = await this.#meta.get(DDB_NS, itemKey(this.#table.id, key));
      if (old !== undefined) this.#account(parseItem(old), key, -1, ops);
      this.#account(item, key, 1, ops);
      ops.push({ type: 'put', ns: DDB_NS, key: itemKey(this.#table.id, key), value: serializeItem(item) });
    }
    this.#pending.clear();
    await this.#meta.batch(ops);
  }

  /** Adds (sign 1) or takes out (sign -1) an item's figures; taking out also drops its index entries. */
  #account(item: Item, key: string, sign: 1 | -1, ops: MetaOp[]): void {
    this.stats.count += sign;
    this.stats.bytes += sign * itemSize(item);
    for (const index of this.#table.indexes) {
      const entry = indexEntryKeyOf(this.#table, index, item, key);
      if (entry === undefined) continue;
      const projected = projectForIndex(this.#table, index, item);
      const counts = this.stats.indexes[index.id]!;
      counts[0] += sign;
      counts[1] += sign * itemSize(projected);
      ops.push(sign > 0 ? { type: 'put', ns: DDB_NS, key: entry, value: serializeItem(projected) } : { type: 'del', ns: DDB_NS, key: entry });
    }
  }
}
