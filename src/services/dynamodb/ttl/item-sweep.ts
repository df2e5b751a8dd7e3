/**
 * The TTL sweeper's view of the item store: tables with TTL on, and a bounded pass over one
 * table's items that deletes the expired ones through the item store's own change path (index
 * entries, statistics and a REMOVE stream record marked as the service's, in one batch per item,
 * under the item's lock, re-checked there so a write that just renewed the item wins).
 */
import type { DdbDeps } from '../context.js';
import { parseItem } from '../item-codec.js';
import { afterPrefix, itemPrefix } from '../keys.js';
import type { TableRecord } from '../table-record.js';
import { isExpired, ttlAttributeOf } from './expiry.js';
import type { TtlPort } from './sweeper.js';

export function ttlPort(deps: DdbDeps): TtlPort<TableRecord> {
  return {
    tablesWithTtl: () => deps.tables.all().filter((t) => t.ttl?.enabled === true),
    async sweep(table, after, limit, now) {
      const prefix = itemPrefix(table.id);
      const attribute = ttlAttributeOf(table.ttl);
      const expired: string[] = [];
      let seen = 0;
      let last: string | undefined;
      const end = afterPrefix(prefix);
      const range = after === undefined ? { gte: prefix, lt: end, limit } : { gt: prefix + after, lt: end, limit };
      for await (const [key, text] of deps.items.iterate(range)) {
        seen++;
        last = key.slice(prefix.length);
        if (isExpired(parseItem(text), attribute, now)) expired.push(last);
      }
      let deleted = 0;
      for (const encodedKey of expired) {
        await deps.items.withItem(table, encodedKey, async () => {
          const current = deps.tables.byId(table.id);
          if (!current) return; // the table was deleted meanwhile
          const old = await deps.items.read(current, encodedKey);
          if (!isExpired(old, ttlAttributeOf(current.ttl), deps.now())) return;
          await deps.items.commit(current, deps.items.changeOps(current, encodedKey, old, undefined, undefined, undefined, true));
          deleted++;
        });
      }
      return { last: seen === limit ? last : undefined, deleted };
    },
  };
}
