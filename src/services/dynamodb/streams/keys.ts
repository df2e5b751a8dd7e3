/**
 * The Streams key layout in the MetaStore namespace "dynamodb-streams" (the only place these keys
 * are built). NUL separates parts; sequence numbers are fixed-width decimal, so byte order is
 * record order.
 *
 *   d\0<account>\0<region>\0<table>\0<label>   → StreamDescriptor (ListStreams order: table, then age)
 *   c\0<account>\0<region>\0<table>\0<label>   → StreamClosing (written when the stream is disabled or
 *                                                its table deleted: a put that needs no read)
 *   r\0<tableId>\0<label>\0<sequence number>   → StoredStreamRecord
 */
export const STREAMS_NS = 'dynamodb-streams';
const S = '\u0000';

export const descriptorPrefix = (account: string, region: string, table?: string): string =>
  `d${S}${account}${S}${region}${S}${table === undefined ? '' : `${table}${S}`}`;
export const descriptorKey = (account: string, region: string, table: string, label: string): string =>
  `${descriptorPrefix(account, region, table)}${label}`;
export const allDescriptors = { gt: `d${S}`, lt: `d\u0001` };
export const closingKey = (account: string, region: string, table: string, label: string): string =>
  `c${S}${account}${S}${region}${S}${table}${S}${label}`;

export const recordPrefix = (tableId: string, label: string): string => `r${S}${tableId}${S}${label}${S}`;
export const recordKey = (tableId: string, label: string, sequence: string): string => recordPrefix(tableId, label) + sequence;

/** Upper bound of a prefix range. */
export const prefixEnd = (prefix: string): string => prefix + '\u{10FFFF}';
