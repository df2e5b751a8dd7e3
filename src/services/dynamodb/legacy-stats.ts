/**
 * Data dirs written before table statistics moved beside their table's items (keys.ts) keep them
 * under `s\0<tableId>`. Opening the service moves every such record to its current key, all puts
 * and deletes in one batch, so a crash leaves every record in exactly one place (moved or not)
 * and the next open moves what is left. A legacy record wins over a current one for the same
 * table: only a boltstack older than the move writes legacy records, so it is the later one.
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, LEGACY_STATS_RANGE, legacyStatsTableId, statsKey } from './keys.js';

/** Moves legacy statistics records; resolves to how many were moved. */
export async function moveLegacyStats(meta: MetaStore): Promise<number> {
  const ops: MetaOp[] = [];
  for await (const [key, value] of meta.iterate(DDB_NS, LEGACY_STATS_RANGE)) {
    ops.push({ type: 'put', ns: DDB_NS, key: statsKey(legacyStatsTableId(key)), value }, { type: 'del', ns: DDB_NS, key });
  }
  if (ops.length > 0) await meta.batch(ops);
  return ops.length / 2;
}
