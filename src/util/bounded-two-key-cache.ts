/**
 * Values derived from request text, remembered by two keys (e.g. request host, then a name):
 * a steady load repeats a few of them, and deriving each again costs allocation on a hot path.
 * Bounded against a client that never repeats: once `max` entries are held the cache is emptied
 * whole, which costs the repeaters one derivation each and keeps no order to maintain.
 */
export class BoundedTwoKeyCache<V> {
  readonly #byOuter = new Map<string, Map<string, V>>();
  #count = 0;

  constructor(readonly max: number) {}

  get(outer: string, inner: string): V | undefined {
    return this.#byOuter.get(outer)?.get(inner);
  }

  /** For a pair that `get` did not find. */
  set(outer: string, inner: string, value: V): void {
    if (this.#count >= this.max) {
      this.#byOuter.clear();
      this.#count = 0;
    }
    let values = this.#byOuter.get(outer);
    if (values === undefined) {
      values = new Map();
      this.#byOuter.set(outer, values);
    }
    values.set(inner, value);
    this.#count++;
  }
}
