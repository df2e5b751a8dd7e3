/**
 * When an item has expired under Time to Live: its TTL attribute is a Number of epoch seconds
 * at or before now. As in AWS, a value that is not a Number (or a set or list) never expires,
 * and one more than five years in the past is left alone (it is taken as not meant as a TTL).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
 *
 * Unlike AWS (which deletes within days and shows expired items until then), boltstack hides an
 * expired item from every read the moment it expires and deletes it in the background soon
 * after: tests need not wait, and reads never depend on how far the sweeper got.
 */
import type { Parameter as AttributeValue } from '../../../model/generated/dynamodb-types.js';

const FIVE_YEARS_S = 5 * 365 * 24 * 60 * 60;

/** The table's TTL setting as the item paths need it: the attribute when TTL is enabled. */
export interface TtlSetting { attributeName: string; enabled: boolean }

export function ttlAttributeOf(ttl: TtlSetting | undefined): string | undefined {
  return ttl?.enabled ? ttl.attributeName : undefined;
}

export function isExpired(item: Record<string, AttributeValue> | undefined, attribute: string | undefined, nowMs: number): boolean {
  if (item === undefined || attribute === undefined) return false;
  const n = item[attribute]?.N;
  if (n === undefined) return false;
  return expiresBy(Number(n), nowMs);
}

/** Whether a TTL attribute holding the number `at` (epoch seconds, as Number() reads it) has expired. */
export function expiresBy(at: number, nowMs: number): boolean {
  if (!Number.isFinite(at)) return false;
  const nowS = nowMs / 1000;
  return at <= nowS && at >= nowS - FIVE_YEARS_S;
}
