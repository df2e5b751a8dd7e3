/**
 * In-memory MetaStore for unit tests: same contract and ordering as native-store's LevelDB one,
 * checked by the shared suite in test/storage-suite/. Every operation applies synchronously
 * inside one call, so a batch is trivially atomic.
 */
import type { KeyRange, MetaOp, MetaStore } from '../meta-store.js';
import { SortedMap } from '../../util/sorted-map.js';
import { checkNamespace, checkOps, checkString } from './validate.js';

export class MemoryMetaStore implements MetaStore {
  readonly #spaces = new Map<string, SortedMap<string>>();
  #closed = false;

  async get(ns: string, key: string): Promise<string | undefined> {
    this.#check(ns);
    checkString('key', key);
    return this.#spaces.get(ns)?.get(key);
  }

  getNow(ns: string, key: string): string | undefined {
    this.#check(ns);
    checkString('key', key);
    return this.#spaces.get(ns)?.get(key);
  }

  async getMany(ns: string, keys: string[]): Promise<(string | undefined)[]> {
    this.#check(ns);
    for (const key of keys) checkString('key', key);
    const space = this.#spaces.get(ns);
    return keys.map((k) => space?.get(k));
  }

  async put(ns: string, key: string, value: string): Promise<void> {
    return this.batch([{ type: 'put', ns, key, value }]);
  }

  async del(ns: string, key: string): Promise<void> {
    return this.batch([{ type: 'del', ns, key }]);
  }

  async batch(ops: MetaOp[]): Promise<void> {
    this.#check();
    checkOps(ops); // all validated before any is applied: all or nothing
    for (const op of ops) {
      if (op.type === 'put') this.#space(op.ns).set(op.key, op.value);
      else this.#spaces.get(op.ns)?.delete(op.key);
    }
  }

  async *iterate(ns: string, range?: KeyRange): AsyncIterable<[key: string, value: string]> {
    this.#check(ns);
    for (const bound of [range?.gt, range?.gte, range?.lt, range?.lte]) if (bound !== undefined) checkString('key', bound);
    const entries = this.#spaces.get(ns)?.range(range) ?? [];
    yield* entries;
  }

  async clear(ns?: string): Promise<void> {
    this.#check(ns);
    if (ns === undefined) this.#spaces.clear();
    else this.#spaces.delete(ns);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #space(ns: string): SortedMap<string> {
    let space = this.#spaces.get(ns);
    if (!space) this.#spaces.set(ns, (space = new SortedMap<string>()));
    return space;
  }

  #check(ns?: string): void {
    if (this.#closed) throw new Error('MetaStore is closed');
    if (ns !== undefined) checkNamespace(ns);
  }
}
