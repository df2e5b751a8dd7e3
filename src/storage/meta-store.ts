/**
 * MetaStore: the ordered key-value store behind all metadata (DESIGN.md §5).
 *
 * Keys and values are strings. Keys compare by their UTF-8 bytes, which is the order S3 lists
 * in; services that need another order (DynamoDB numbers) encode keys so that byte order is that
 * order (services/<svc>/keys.ts). A namespace is an independent key space (a LevelDB sublevel).
 * Every multi-key change is one atomic `batch`, across namespaces.
 */
export interface MetaPut { type: 'put'; ns: string; key: string; value: string }
export interface MetaDel { type: 'del'; ns: string; key: string }
export type MetaOp = MetaPut | MetaDel;

export interface KeyRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
  reverse?: boolean;
  /** At most this many entries; -1 or absent means no limit. */
  limit?: number;
}

/** `getNow`'s answer when the value cannot be read synchronously right now: use `get`. */
export const NOT_NOW: unique symbol = Symbol('not now');

export interface MetaStore {
  get(ns: string, key: string): Promise<string | undefined>;
  /**
   * As `get`, but synchronously when the store can (LevelDB's getSync once the namespace is
   * open; the memory store always), NOT_NOW otherwise. For hot reads (a small GetObject): the
   * promise plumbing of `get` costs more than the read (bench s3-sdk-get). Errors throw.
   */
  getNow(ns: string, key: string): string | undefined | typeof NOT_NOW;
  getMany(ns: string, keys: string[]): Promise<(string | undefined)[]>;
  put(ns: string, key: string, value: string): Promise<void>;
  del(ns: string, key: string): Promise<void>;
  /** Applies all operations atomically: after a crash either all are visible or none. */
  batch(ops: MetaOp[]): Promise<void>;
  /** Entries of one namespace in key order (or reverse), bounded by `range`. */
  iterate(ns: string, range?: KeyRange): AsyncIterable<[key: string, value: string]>;
  /**
   * Optional: as `iterate`, values only, in batches (one await per batch, no keys), for hot
   * reads of many entries (a DynamoDB Query or Scan page). Use `valueBatches`, which falls back
   * to `iterate` for a store without it.
   */
  iterateValues?(ns: string, range?: KeyRange): AsyncIterable<string[]>;
  /** Removes every key of one namespace, or of all namespaces when `ns` is absent. */
  clear(ns?: string): Promise<void>;
  close(): Promise<void>;
}

/** Values of one namespace in key order (or reverse), bounded by `range`, a batch at a time. */
export function valueBatches(meta: MetaStore, ns: string, range?: KeyRange): AsyncIterable<string[]> {
  return meta.iterateValues ? meta.iterateValues(ns, range) : valuesOf(meta.iterate(ns, range));
}

/** Entries regrouped as batches of values: the stores without `iterateValues` yield one entry at a time. */
async function* valuesOf(entries: AsyncIterable<[string, string]>): AsyncIterable<string[]> {
  let batch: string[] = [];
  for await (const [, value] of entries) {
    batch.push(value);
    if (batch.length === 64) { yield batch; batch = []; }
  }
  if (batch.length > 0) yield batch;
}
