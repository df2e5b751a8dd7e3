/** A binary min-heap keyed by a number: the in-flight and delayed messages by when they become visible. */
export class MinHeap<T> {
  readonly #keys: number[] = [];
  readonly #items: T[] = [];

  get size(): number { return this.#items.length; }

  push(key: number, item: T): void {
    const keys = this.#keys;
    const items = this.#items;
    let i = items.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Smallest key, or Infinity when empty. */
  peekKey(): number { return this.#keys.length > 0 ? this.#keys[0]! : Infinity; }

  pop(): T | undefined {
    const keys = this.#keys;
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && keys[right]! < keys[left]! ? right : left;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        items[i] = items[child]!;
        i = child;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }

  /** Keeps only the items `keep` accepts (in O(n): filter, then restore the heap order bottom-up). */
  retain(keep: (item: T) => boolean): void {
    const keys = this.#keys;
    const items = this.#items;
    let n = 0;
    for (let i = 0; i < items.length; i++) {
      if (!keep(items[i]!)) continue;
      keys[n] = keys[i]!;
      items[n] = items[i]!;
      n++;
    }
    keys.length = n;
    items.length = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #siftDown(start: number): void {
    const keys = this.#keys;
    const items = this.#items;
    const n = items.length;
    const key = keys[start]!;
    const item = items[start]!;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && keys[right]! < keys[left]! ? right : left;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      items[i] = items[child]!;
      i = child;
    }
    keys[i] = key;
    items[i] = item;
  }

  clear(): void { this.#keys.length = 0; this.#items.length = 0; }
}
