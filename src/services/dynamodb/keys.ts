/**
 * DynamoDB's key layout in the MetaStore namespace "dynamodb" (the only place its keys are built).
 * NUL separates the fixed parts; ids and names never contain it.
 *
 *   t\0<account>\0<region>\0<table name>           → TableRecord (JSON)
 *   s\0<tableId>                                   → table statistics {count, bytes}
 *   i\0<tableId>\0<hash><range>                    → item (item-codec.ts)
 *   x\0<tableId>\0<indexId>\0<hash><range><table key> → projected item, one per index entry
 *   d\0<tableId>[\0<indexId>]                      → a table or index whose entries the
 *                                                     background removal still has to drop
 *   (reserved: r\0<tableId>\0<seq> for stream records, written in the item's batch)
 *   k\0<bucket>\0<account>\0<region>\0<token>       → a TransactWriteItems ClientRequestToken
 *                                                     (transactions/idempotency.ts); <bucket> is
 *                                                     the 10-minute window it completed in
 *
 * Key values are encoded so that byte order is DynamoDB's order and every encoded value ends
 * where it says (so a partition's items are one contiguous range, and a hash value never runs
 * into the range value after it): strings by their UTF-8 bytes, binary by unsigned bytes,
 * numbers by numeric value (key-encoding.ts).
 */
export const DDB_NS = 'dynamodb';
const S = '\u0000';

export const tableKey = (account: string, region: string, name: string): string => `t${S}${account}${S}${region}${S}${name}`;
export const TABLE_RANGE = { gt: `t${S}`, lt: 't\u0001' };

export const statsKey = (tableId: string): string => `s${S}${tableId}`;

export const itemPrefix = (tableId: string): string => `i${S}${tableId}${S}`;
export const itemKey = (tableId: string, encodedKey: string): string => itemPrefix(tableId) + encodedKey;

export const indexPrefix = (tableId: string, indexId: string): string => `x${S}${tableId}${S}${indexId}${S}`;
export const indexEntryKey = (tableId: string, indexId: string, encodedIndexKey: string, encodedTableKey: string): string =>
  indexPrefix(tableId, indexId) + encodedIndexKey + encodedTableKey;

export const removalKey = (tableId: string, indexId?: string): string => `d${S}${tableId}${indexId === undefined ? '' : S + indexId}`;
export const REMOVAL_RANGE = { gt: `d${S}`, lt: 'd\u0001' };
/** The parts of a removal key: what to drop. */
export function parseRemovalKey(key: string): { tableId: string; indexId?: string } {
  const [, tableId, indexId] = key.split(S);
  return indexId === undefined ? { tableId: tableId! } : { tableId: tableId!, indexId };
}

/** Bucket numbers are fixed-width so that byte order is numeric order (a sweep is one range). */
const bucketText = (bucket: number): string => bucket.toString().padStart(12, '0');
export const tokenKey = (bucket: number, account: string, region: string, token: string): string =>
  `k${S}${bucketText(bucket)}${S}${account}${S}${region}${S}${token}`;
/** Every token record of a bucket older than `bucket`. */
export const tokensBefore = (bucket: number): { gt: string; lt: string } => ({ gt: `k${S}`, lt: `k${S}${bucketText(bucket)}` });

/** Every key below `prefix + END` starts with `prefix` (no encoded key uses U+10FFFF first). */
export const END = '\u{10FFFF}';
