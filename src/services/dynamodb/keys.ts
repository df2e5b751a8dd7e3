/**
 * DynamoDB's key layout in the MetaStore namespace "dynamodb" (the only place its keys are built).
 * NUL separates the fixed parts; ids and names never contain it.
 *
 *   t\0<account>\0<region>\0<table name>           → TableRecord (JSON)
 *   i\0<tableId>\0<hash><range>                    → item (item-codec.ts)
 *   i\0<tableId>\x01                               → table statistics {count, bytes, indexes},
 *                                                     right after the table's items (see below)
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
 *
 * Why the statistics sit right after the table's items: every item batch rewrites them, so every
 * LevelDB memtable flush holds the statistics key beside the items written. A flushed file covers
 * the whole key range between its smallest and largest key, and compaction rewrites every file of
 * the next level that range overlaps. Under the former `s\0<tableId>` the range ran from the
 * table's items to the end of the item space: every other table whose id sorts after this one was
 * rewritten by each compaction, so a write's compaction cost grew with the data of unrelated
 * tables. Right after the items, a flush of an append-only table overlaps only the file that holds
 * its newest items. Data dirs written with `s\0<tableId>` are moved on open (legacy-stats.ts).
 */
export const DDB_NS = 'dynamodb';
const S = '\u0000';

export const tableKey = (account: string, region: string, name: string): string => `t${S}${account}${S}${region}${S}${name}`;
export const TABLE_RANGE = { gt: `t${S}`, lt: 't\u0001' };

/** \x01 sorts after the items' \0 separator, and table ids (UUIDs) never contain either. */
export const statsKey = (tableId: string): string => `i${S}${tableId}\u0001`;
/** Where statistics were kept before they moved beside the items: `s\0<tableId>`. */
export const LEGACY_STATS_RANGE = { gt: `s${S}`, lt: 's\u0001' };
export const legacyStatsTableId = (key: string): string => key.slice(2);

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
