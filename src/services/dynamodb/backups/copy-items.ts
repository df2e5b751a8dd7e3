/**
 * Copies a table's items to a backup's copy (keys.ts: the item layout under the backup's id).
 * One iterator reads the whole table: a LevelDB iterator reads from the snapshot taken when it
 * opened, so the copy is the table as it was at that moment whatever is written meanwhile (the
 * in-memory store's iterator reads a copy of the range, which gives the same). Items are written
 * in batches with a yield to the event loop between them, so a large table never stalls other
 * requests; the caller answers once the copy is complete.
 */
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { parseItem } from '../item-codec.js';
import { DDB_NS, afterPrefix, itemKey, itemPrefix } from '../keys.js';
import { itemSize } from '../values/index.js';

const BATCH = 500;

export interface CopyFigures { count: number; bytes: number }

/** Copies every item under `fromId`'s prefix to `toId`'s; `each` may add ops per item (index entries). */
export async function copyItems(meta: MetaStore, fromId: string, toId: string, each?: (encodedKey: string, text: string, ops: MetaOp[]) => number): Promise<CopyFigures> {
  const from = itemPrefix(fromId);
  const figures: CopyFigures = { count: 0, bytes: 0 };
  let ops: MetaOp[] = [];
  const flush = async (): Promise<void> => {
    if (ops.length === 0) return;
    await meta.batch(ops);
    ops = [];
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for await (const [key, text] of meta.iterate(DDB_NS, { gte: from, lt: afterPrefix(from) })) {
    const encodedKey = key.slice(from.length);
    ops.push({ type: 'put', ns: DDB_NS, key: itemKey(toId, encodedKey), value: text });
    figures.count++;
    figures.bytes += each ? each(encodedKey, text, ops) : itemSize(parseItem(text));
    if (ops.length >= BATCH) await flush();
  }
  await flush();
  return figures;
}
