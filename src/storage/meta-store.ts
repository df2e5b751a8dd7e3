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

export interface MetaStore {
  get(ns: string, key: string): Promise<string | undefined>;
  getMany(ns: string, keys: string[]): Promise<(string | undefined)[]>;
  put(ns: string, key: string, value: string): Promise<void>;
  del(ns: string, key: string): Promise<void>;
  /** Applies all operations atomically: after a crash either all are visible or none. */
  batch(ops: MetaOp[]): Promise<void>;
  /** Entries of one namespace in key order (or reverse), bounded by `range`. */
  iterate(ns: string, range?: KeyRange): AsyncIterable<[key: string, value: string]>;
  /** Removes every key of one namespace, or of all namespaces when `ns` is absent. */
  clear(ns?: string): Promise<void>;
  close(): Promise<void>;
}
