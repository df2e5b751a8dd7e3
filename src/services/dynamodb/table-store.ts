/**
 * The table catalogue: every table record of every account and region, loaded once when the
 * service starts (tables are few and every request needs one, so lookups are a Map get) and
 * written through to the MetaStore. Also the per-table statistics (item count, size) that
 * DescribeTable reports; item writes put them in their own batch (item-store.ts).
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { DDB_NS, TABLE_RANGE, removalKey, statsKey, tableKey } from './keys.js';
import { moveLegacyStats } from './legacy-stats.js';
import type { TableRecord } from './table-record.js';
import type { StreamWriter } from './streams/stream-writer.js';

/** Item count and bytes of a table, and per index [count, bytes] by index id. */
export interface TableStats { count: number; bytes: number; indexes?: Record<string, [number, number]> }

const nameKey = (t: Pick<TableRecord, 'account' | 'region' | 'name'>): string => `${t.account}\0${t.region}\0${t.name}`;

export class TableStore {
  readonly #meta: MetaStore;
  /**
   * account → region → table name → record: nested, because every item request looks its table
   * up, and a joined account-region key is a new string to build and hash each time.
   */
  readonly #tables = new Map<string, Map<string, Map<string, TableRecord>>>();
  readonly #byId = new Map<string, TableRecord>();
  /**
   * Tables an import is creating (status CREATING), by account\0region\0name: kept apart so that
   * `get` and `byId`, which every item operation and every other table operation use, never see
   * one (AWS answers ResourceNotFoundException for them while the table is CREATING: ack-api-quirks
   * DDB-IMPORT-001), at no cost to them. DescribeTable, ListTables and the operations that create a
   * table by that name look here too (`creating`, `names`).
   */
  readonly #creating = new Map<string, TableRecord>();
  readonly #stats = new Map<string, TableStats>();
  /** Serialises control-plane changes per table (account\0region\0name). */
  readonly locks = new KeyedMutex();

  /** Streams follow the table records (streams/descriptor-ops.ts): their puts join each batch. */
  readonly #streams: StreamWriter | undefined;

  private constructor(meta: MetaStore, streams?: StreamWriter) {
    this.#meta = meta;
    this.#streams = streams;
  }

  static async open(meta: MetaStore, streams?: StreamWriter): Promise<TableStore> {
    const store = new TableStore(meta, streams);
    await moveLegacyStats(meta);
    for await (const [, value] of meta.iterate(DDB_NS, TABLE_RANGE)) {
      const record = JSON.parse(value) as TableRecord;
      if (record.status === 'CREATING') { store.#creating.set(nameKey(record), record); continue; }
      store.#remember(record);
      const stats = await meta.get(DDB_NS, statsKey(record.id));
      store.#stats.set(record.id, stats === undefined ? { count: 0, bytes: 0 } : JSON.parse(stats) as TableStats);
    }
    return store;
  }

  /** The current record of a table incarnation (writers re-read it under the item lock). */
  byId(id: string): TableRecord | undefined {
    return this.#byId.get(id);
  }

  /** Every live table of every account and region (the TTL sweeper walks them). */
  all(): TableRecord[] {
    return [...this.#byId.values()];
  }

  get(account: string, region: string, name: string): TableRecord | undefined {
    return this.#tables.get(account)?.get(region)?.get(name);
  }

  /** The table an import is creating under this name, if any (status CREATING). */
  creating(account: string, region: string, name: string): TableRecord | undefined {
    return this.#creating.size === 0 ? undefined : this.#creating.get(`${account}\0${region}\0${name}`);
  }

  /** Every table an import is creating. */
  allCreating(): TableRecord[] {
    return [...this.#creating.values()];
  }

  /** Table names of one account and region, CREATING ones too, in byte order (ListTables' order). */
  names(account: string, region: string): string[] {
    const names = [...(this.#tables.get(account)?.get(region)?.keys() ?? [])];
    for (const t of this.#creating.values()) if (t.account === account && t.region === region) names.push(t.name);
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  stats(tableId: string): TableStats {
    let stats = this.#stats.get(tableId);
    if (!stats) this.#stats.set(tableId, stats = { count: 0, bytes: 0 });
    return stats;
  }

  /** The operation that persists `tableId`'s statistics as they are now (for an item batch). */
  statsOp(tableId: string): MetaOp {
    return { type: 'put', ns: DDB_NS, key: statsKey(tableId), value: JSON.stringify(this.stats(tableId)) };
  }

  async create(record: TableRecord): Promise<void> {
    this.#stats.set(record.id, { count: 0, bytes: 0 });
    await this.#meta.batch([this.#putOp(record), this.statsOp(record.id), ...(this.#streams?.tableOps(undefined, record) ?? [])]);
    this.#remember(record);
  }

  /**
   * Stores a table an import creates, status CREATING, with `extra` (the import's own record and
   * its items' pending mark) in the same batch: after a crash either all of them are there or none.
   */
  async createCreating(record: TableRecord, extra: MetaOp[]): Promise<void> {
    const creating: TableRecord = { ...record, status: 'CREATING' };
    await this.#meta.batch([this.#putOp(creating), { type: 'put', ns: DDB_NS, key: statsKey(record.id), value: JSON.stringify({ count: 0, bytes: 0 }) }, ...extra]);
    this.#creating.set(nameKey(creating), creating);
  }

  /**
   * The import is done: the table becomes ACTIVE with the figures its items added up to, in one
   * batch with `extra` (the import's outcome, its pending mark cleared).
   */
  async activate(record: TableRecord, stats: TableStats, extra: MetaOp[]): Promise<TableRecord> {
    const { status: _status, ...active } = record;
    this.#stats.set(active.id, { ...stats });
    await this.#meta.batch([this.#putOp(active), this.statsOp(active.id), ...extra, ...(this.#streams?.tableOps(undefined, active) ?? [])]);
    this.#creating.delete(nameKey(active));
    this.#remember(active);
    return active;
  }

  /**
   * A CREATING table whose import failed before it wrote anything (or that a restart cut short)
   * goes: its record, and its items to the background removal, in one batch with `extra`.
   */
  async dropCreating(record: TableRecord, extra: MetaOp[]): Promise<void> {
    this.#creating.delete(nameKey(record));
    this.#stats.delete(record.id);
    await this.#meta.batch([
      { type: 'del', ns: DDB_NS, key: tableKey(record.account, record.region, record.name) },
      { type: 'del', ns: DDB_NS, key: statsKey(record.id) },
      { type: 'put', ns: DDB_NS, key: removalKey(record.id), value: '' },
      ...extra,
    ]);
  }

  /** Replaces the record (the caller built a new object: records are never mutated in place). */
  async update(record: TableRecord, extra: MetaOp[] = []): Promise<void> {
    await this.#meta.batch([this.#putOp(record), ...extra, ...(this.#streams?.tableOps(this.#byId.get(record.id), record) ?? [])]);
    this.#remember(record);
  }

  /**
   * Forgets the table at once and marks its items for the background removal, in one batch:
   * after a crash either the table is still there or its removal is pending.
   */
  async delete(record: TableRecord): Promise<void> {
    this.#tables.get(record.account)?.get(record.region)?.delete(record.name);
    this.#byId.delete(record.id);
    await this.#meta.batch([
      { type: 'del', ns: DDB_NS, key: tableKey(record.account, record.region, record.name) },
      { type: 'del', ns: DDB_NS, key: statsKey(record.id) },
      { type: 'put', ns: DDB_NS, key: removalKey(record.id), value: '' },
      ...(this.#streams?.tableOps(record, undefined) ?? []),
    ]);
    this.#stats.delete(record.id);
  }

  #putOp(record: TableRecord): MetaOp {
    return { type: 'put', ns: DDB_NS, key: tableKey(record.account, record.region, record.name), value: JSON.stringify(record) };
  }

  #remember(record: TableRecord): void {
    let regions = this.#tables.get(record.account);
    if (!regions) this.#tables.set(record.account, regions = new Map());
    let tables = regions.get(record.region);
    if (!tables) regions.set(record.region, tables = new Map());
    tables.set(record.name, record);
    this.#byId.set(record.id, record);
  }
}
