/**
 * How an ObjectRecord is stored as a MetaStore value: a one-line listing header, then the JSON
 * of the whole record.
 *
 *   L[size,lastModified,"storageClass","checksumAlgorithm","etag","checksumType"]\n{...record json...}
 *
 * Why: a listing needs five fields of each record, and JSON.parse of 1,000 whole records took
 * 1.9 of the 4.1 ms a 1,000-key ListObjectsV2 page from LevelDB cost; the header alone parses in
 * a fraction of that. The header is JSON rather than split text so that its strings are copies:
 * a substring would keep the whole stored value alive for as long as the listing index holds the
 * summary. An empty string is an absent value; a header written before checksumType was kept has
 * five elements (its summary has no type). Values written by format 1 (plain JSON, no header) are
 * still read.
 */
import type { ObjectSummary } from './listing-index.js';
import type { ObjectRecord } from './records.js';

const HEADER = 'L';

export function encodeObjectRecord(record: ObjectRecord): string {
  const header = [record.size, record.lastModified, record.storageClass ?? '', record.checksum?.algorithm ?? '', record.etag, record.checksum?.type ?? ''];
  return `${HEADER}${JSON.stringify(header)}\n${JSON.stringify(record)}`;
}

export function decodeObjectRecord(value: string): ObjectRecord {
  return JSON.parse(value.startsWith(HEADER) ? value.slice(value.indexOf('\n') + 1) : value) as ObjectRecord;
}

/** What a listing shows of the stored object, without parsing the whole record. */
export function decodeObjectSummary(value: string): ObjectSummary {
  if (!value.startsWith(HEADER)) return summaryOfRecord(JSON.parse(value) as ObjectRecord);
  const [size, lastModified, storageClass, algorithm, etag, type] = JSON.parse(value.slice(1, value.indexOf('\n'))) as [number, number, string, string, string, string?];
  const summary: { -readonly [K in keyof ObjectSummary]: ObjectSummary[K] } = { size, etag, lastModified };
  if (storageClass) summary.storageClass = storageClass;
  if (algorithm) summary.checksumAlgorithm = algorithm;
  // The literals, not the parsed strings: the listing index keeps one shared copy.
  if (type === 'FULL_OBJECT' || type === 'COMPOSITE') summary.checksumType = type === 'FULL_OBJECT' ? 'FULL_OBJECT' : 'COMPOSITE';
  return summary;
}

export function summaryOfRecord(record: ObjectRecord): ObjectSummary {
  const summary: { -readonly [K in keyof ObjectSummary]: ObjectSummary[K] } = { size: record.size, etag: record.etag, lastModified: record.lastModified };
  if (record.storageClass !== undefined) summary.storageClass = record.storageClass;
  if (record.checksum !== undefined) {
    summary.checksumAlgorithm = record.checksum.algorithm;
    summary.checksumType = record.checksum.type;
  }
  return summary;
}
