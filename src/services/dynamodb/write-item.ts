/**
 * One item replaced under its lock: read the current item, let the caller decide the new one
 * (or refuse, e.g. a failed condition), then commit the item, its index entries and the table
 * statistics as one batch. Returns both versions and what the write consumed.
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { writeConsumption, type Consumption } from './capacity.js';
import type { DdbDeps } from './context.js';
import { ddbErrors } from './errors.js';
import type { TableRecord } from './table-record.js';
import type { Item } from './values/index.js';

export interface WriteResult { old: Item | undefined; next: Item | undefined; consumption: Consumption }

export function writeItem(
  deps: DdbDeps, table: TableRecord, encodedKey: string,
  decide: (old: Item | undefined) => Item | undefined,
  extraOps: (old: Item | undefined, next: Item | undefined) => MetaOp[] = () => [],
): Promise<WriteResult> {
  return deps.items.withItem(table, encodedKey, async () => {
    // The record as it is now: a GSI added meanwhile is maintained by this write (gsi-backfill.ts).
    const current = deps.tables.byId(table.id);
    if (!current) throw ddbErrors.resourceNotFound();
    table = current;
    const old = await deps.items.read(table, encodedKey);
    const next = decide(old);
    const consumption = writeConsumption(table, encodedKey, old, next);
    if (old === undefined && next === undefined) return { old, next, consumption };
    const ops = deps.items.changeOps(table, encodedKey, old, next);
    ops.push(...extraOps(old, next));
    await deps.items.commit(table, ops);
    return { old, next, consumption };
  });
}
