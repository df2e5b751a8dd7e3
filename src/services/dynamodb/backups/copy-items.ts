/**
 * Copies the items under one id (a table's, or a backup's copy: keys.ts) to another id. The
 * source is read through one iterator, pinned before the copy starts (`pinItems`): a LevelDB
 * iterator reads from the snapshot taken when it opened, so the copy is the items as they were at
 * that moment, whatever is written or removed meanwhile (the in-memory store's iterator reads a
 * copy of its range, which gives the same). Items are written in batches with a yield to the
 * event loop between them, so a large copy never stalls other requests.
 */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { parseItem } from '../item-codec.js';
import { DDB_NS, afterPrefix, itemKey, itemPrefix } from '../keys.js';
import { itemSize } from '../values/index.js';

const BATCH = 500;

export interface CopyFigures { count: number; bytes: number }

/** The items under an id as they are now: an iterator whose snapshot is taken, and its first entry. */
export interface PinnedItems {
  fromId: string;
  first: IteratorResult<[string, string]>;
  rest: AsyncIterator<[string, string]>;
}

export async function pinItems(meta: MetaStore, fromId: string): Promise<PinnedItems> {
  const prefix = itemPrefix(fromId);
  const rest = meta.iterate(DDB_NS, { gte: prefix, lt: afterPrefix(prefix) })[Symbol.asyncIterator]();
  return { fromId, first: await rest.next(), rest };
}

/** Lets go of a pinned iterator that will not be copied (the copy was refused after pinning). */
export async function unpinItems(pinned: PinnedItems): Promise<void> {
  await pinned.rest.return?.();
}

/** Copies every pinned item to `toId`'s prefix; `each` may add ops per item (index entries) and returns its size. */
export async function copyItems(meta: MetaStore, pinned: PinnedItems, toId: string, each?: (encodedKey: string, text: string, ops: MetaOp[]) => number): Promise<CopyFigures> {
  const from = itemPrefix(pinned.fromId);
  const figures: CopyFigures = { count: 0, bytes: 0 };
  let ops: MetaOp[] = [];
  const flush = async (): Promise<void> => {
    if (ops.length === 0) return;
    await meta.batch(ops);
    ops = [];
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for (let entry = pinned.first; !entry.done; entry = await pinned.rest.next()) {
    const [key, text] = entry.value;
    const encodedKey = key.slice(from.length);
    ops.push({ type: 'put', ns: DDB_NS, key: itemKey(toId, encodedKey), value: text });
    figures.count++;
    figures.bytes += each ? each(encodedKey, text, ops) : itemSize(parseItem(text));
    if (ops.length >= BATCH) await flush();
  }
  await flush();
  return figures;
}
