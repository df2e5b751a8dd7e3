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
 *   b\0<account>\0<region>\0<time>-<hex>           → BackupRecord (JSON, backups/backup-record.ts);
 *                                                     <time>-<hex> ends the backup's ARN, and its
 *                                                     14-digit time makes key order creation order
 *   p\0<copyId>                                     → a backup copy or a restored table's items
 *                                                     still being written (backups/pending-copies.ts)
 *   (a backup's items are a copy under i\0<copyId>\0..., the table item layout with the backup's
 *    own id, so DeleteBackup drops them with a removal mark d\0<copyId>, as DeleteTable does)
 *   k\0<bucket>\0<account>\0<region>\0<token>       → a TransactWriteItems ClientRequestToken
 *                                                     (transactions/idempotency.ts); <bucket> is
 *                                                     the 10-minute window it completed in
 *   y\0<tableId>                                   → the table's resource-based policy
 *   y\0<tableId>\0<stream label>                   → a stream's resource-based policy
 *                                                     (resource-policies.ts); under the table id,
 *                                                     so a re-created table starts without one
 *                                                     (not p\0: that is the pending copies' range,
 *                                                     whose start-up sweep would take them for copies)
 *   c\0<tableId>\0i\0<index name>               → Contributor Insights of the table (index name
 *                                                     empty) or of one GSI (contributor-insights-state.ts)
 *   c\0<tableId>\0k                              → the table's Kinesis streaming destinations
 *                                                     (kinesis-destination-state.ts)
 *   e\0<account>\0<region>\0<time>-<hex>           → ExportRecord (JSON, exports/export-record.ts):
 *                                                     a table export; <time>-<hex> ends its ARN,
 *                                                     so key order is creation order
 *   m\0<account>\0<region>\0<time>-<hex>           → ImportRecord (JSON, imports/import-record.ts):
 *                                                     a table import from S3; <time>-<hex> ends
 *                                                     its ARN, so key order is creation order
 *   (c\0: settings of features boltstack answers but does not run; under the table id, so a
 *    re-created table starts without them, and the background removal drops them with the table)
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
import { wellFormed } from './key-encoding.js';

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

export const backupKey = (account: string, region: string, backupId: string): string => `b${S}${account}${S}${region}${S}${backupId}`;
/** Every backup of one account and region, in creation order. */
export const backupRange = (account: string, region: string): { gt: string; lt: string } =>
  ({ gt: `b${S}${account}${S}${region}${S}`, lt: `b${S}${account}${S}${region}\u0001` });

export const pendingCopyKey = (copyId: string): string => `p${S}${copyId}`;
export const PENDING_COPY_RANGE = { gt: `p${S}`, lt: 'p\u0001' };
export const pendingCopyId = (key: string): string => key.slice(2);

/** Bucket numbers are fixed-width so that byte order is numeric order (a sweep is one range). */
const bucketText = (bucket: number): string => bucket.toString().padStart(12, '0');
export const tokenKey = (bucket: number, account: string, region: string, token: string): string =>
  `k${S}${bucketText(bucket)}${S}${account}${S}${region}${S}${wellFormed(token)}`;
/** Every token record of a bucket older than `bucket`. */
export const tokensBefore = (bucket: number): { gt: string; lt: string } => ({ gt: `k${S}`, lt: `k${S}${bucketText(bucket)}` });

export const policyKey = (tableId: string, streamLabel?: string): string => `y${S}${tableId}${streamLabel === undefined ? '' : S + streamLabel}`;
/** The table's policy and its streams' policies: what DeleteTable removes. */
export const policyRange = (tableId: string): { gte: string; lt: string } => ({ gte: `y${S}${tableId}`, lt: `y${S}${tableId}\u0001` });

/** Contributor Insights of a table (`indexName` absent) or of one of its GSIs. */
export const insightsKey = (tableId: string, indexName?: string): string => `c${S}${tableId}${S}i${S}${indexName ?? ''}`;
/** Every Contributor Insights record of a table: the table's own first (empty index name), then its GSIs by name. */
export const insightsRange = (tableId: string): { gte: string; lt: string } => ({ gte: `c${S}${tableId}${S}i${S}`, lt: `c${S}${tableId}${S}i\u0001` });
export const kinesisDestinationsKey = (tableId: string): string => `c${S}${tableId}${S}k`;
/** Everything of the c\0 family kept for one table: what its background removal drops. */
export const tableSettingsPrefix = (tableId: string): string => `c${S}${tableId}${S}`;
export const TABLE_SETTINGS_RANGE = { gt: `c${S}`, lt: 'c\u0001' };

export const exportKey = (account: string, region: string, exportId: string): string => `e${S}${account}${S}${region}${S}${exportId}`;
/** Every export of one account and region, in creation order. */
export const exportRange = (account: string, region: string): { gt: string; lt: string } =>
  ({ gt: `e${S}${account}${S}${region}${S}`, lt: `e${S}${account}${S}${region}\u0001` });
/** Every export of every account: what the start-up sweep of unfinished exports reads. */
export const EXPORT_RANGE = { gt: `e${S}`, lt: 'e\u0001' };

export const importKey = (account: string, region: string, importId: string): string => `m${S}${account}${S}${region}${S}${importId}`;
/** Every import of one account and region, in creation order. */
export const importRange = (account: string, region: string): { gt: string; lt: string } =>
  ({ gt: `m${S}${account}${S}${region}${S}`, lt: `m${S}${account}${S}${region}\u0001` });
/** Every import of every account: what the start-up sweep of unfinished imports reads. */
export const IMPORT_RANGE = { gt: `m${S}`, lt: 'm\u0001' };

/**
 * The smallest string above every key that starts with `prefix`: the exclusive end of a prefix
 * range. Not `prefix + U+10FFFF`: a string key value may begin with U+10FFFF (it is encoded raw),
 * and a key that goes on with it sorts above that bound, so such items were left out of Query,
 * Scan, TTL sweeps and DeleteTable's removal. Incrementing the last code point is exact in UTF-8
 * byte order; U+10FFFF has none above it, so the one before is incremented, and U+D7FF is
 * followed by U+E000 (surrogates are no characters). Every prefix the service reads ends in a
 * NUL separator or an encoded value's ASCII terminator (key-encoding.ts), so the common case is
 * one slice and one concatenation, no scan of the string.
 */
export function afterPrefix(prefix: string): string {
  let end = prefix.length;
  while (end > 0) {
    const unit = prefix.charCodeAt(end - 1);
    if (unit < 0xd800) return prefix.slice(0, end - 1) + String.fromCharCode(unit === 0xd7ff ? 0xe000 : unit + 1);
    const high = end >= 2 ? prefix.charCodeAt(end - 2) : 0;
    if (unit >= 0xdc00 && unit <= 0xdfff && high >= 0xd800 && high <= 0xdbff) {
      const point = ((high - 0xd800) << 10) + (unit - 0xdc00) + 0x10000;
      if (point !== 0x10ffff) return prefix.slice(0, end - 2) + String.fromCodePoint(point + 1);
      end -= 2;
      continue;
    }
    // A BMP char at or above U+E000 (U+FFFF goes on to U+10000), or a lone surrogate.
    return prefix.slice(0, end - 1) + String.fromCodePoint(unit + 1);
  }
  // Only U+10FFFF: never the case here (every prefix starts with a namespace letter).
  throw new Error('no key range above a prefix of only U+10FFFF');
}
