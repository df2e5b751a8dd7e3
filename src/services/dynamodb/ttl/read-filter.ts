/**
 * The read-time half of TTL: every read path (GetItem, BatchGetItem, Query, Scan,
 * TransactGetItems, PartiQL through them) drops items that have expired, so they vanish the
 * moment they expire, before the sweeper deletes them. Tables without TTL pay nothing.
 * An index entry whose projection lacks the TTL attribute cannot be judged here; the sweeper
 * removes it within about a second (docs/dynamodb.md, Time to Live).
 */
import type { ItemPredicate } from '../read-page.js';
import type { Item } from '../values/index.js';
import { StoredType } from '../item-text.js';
import { storedNumberValue } from '../stored-condition.js';
import { expiresBy, isExpired, ttlAttributeOf, type TtlSetting } from './expiry.js';

/** Items that have not expired, as a page predicate (undefined when TTL is off). */
export function livePredicate(table: { ttl?: TtlSetting }, now: number): ItemPredicate | undefined {
  const attribute = ttlAttributeOf(table.ttl);
  if (attribute === undefined) return undefined;
  return {
    test: (item) => !isExpired(item, attribute, now),
    reads: new Set([attribute]),
    // On a page, the attribute is read in place: only a Number can expire.
    stored: (slotOf) => {
      const slot = slotOf(attribute);
      return (a) => a.typeOf(slot) !== StoredType.N || !expiresBy(storedNumberValue(a, slot), now);
    },
  };
}

/** True when a stored item must be hidden from a read now. */
export function hiddenByTtl(table: { ttl?: TtlSetting }, item: Item | undefined, now: number): boolean {
  return isExpired(item, ttlAttributeOf(table.ttl), now);
}
