/**
 * The Contents entries of a listing page. An entry of a plain ListObjectsV2 (no encoding-type,
 * no fetch-owner) for an object summary from the listing index is made once and marked
 * immutable, so the XML serializer encodes it once too: listing an unchanged bucket again costs
 * a lookup per key instead of building and encoding 1,000 entries (bench/micro/xml-encode.ts).
 * Entries die with their summary, which the index replaces on every write of the object.
 */
import type { Content } from '../../model/generated/s3-types.js';
import { isImmutable, markImmutable } from '../../util/immutable.js';
import type { ObjectSummary } from './listing-index.js';

const plainEntries = new WeakMap<ObjectSummary, Content>();

/**
 * An object's time as a listing shows it: whole seconds, "2023-11-15T12:02:40.000Z", as S3 keeps
 * it (localstack/localstack test_s3_list_operations.py::TestS3ListObjects::
 * test_s3_list_objects_timestamp_precision, validated against AWS 2025-01-21; ListObjectVersions
 * likewise: test_s3_list_object_versions_timestamp_precision).
 */
export const listedTime = (ms: number): Date => new Date(ms - (ms % 1000));

function entryOf(key: string, summary: ObjectSummary, encode?: (s: string) => string, owner?: Content['Owner']): Content {
  const entry: Content = {
    Key: encode === undefined ? key : encode(key), LastModified: listedTime(summary.lastModified), ETag: summary.etag, Size: summary.size,
    StorageClass: summary.storageClass ?? 'STANDARD',
  };
  if (summary.checksumAlgorithm !== undefined) entry.ChecksumAlgorithm = [summary.checksumAlgorithm];
  // Beside the algorithm, its type, as ListObjectVersions names it (native AWS: radkawar/stackd
  // testdata/aws/s3/owned_object_delivery.json baseline-list, 2026-09-13).
  if (summary.checksumType !== undefined) entry.ChecksumType = summary.checksumType;
  if (owner !== undefined) entry.Owner = owner;
  return entry;
}

export function contentsOf(contents: [string, ObjectSummary][], options: { encode?: (s: string) => string; owner?: Content['Owner'] }): Content[] {
  const { encode, owner } = options;
  if (encode !== undefined || owner !== undefined) return contents.map(([key, summary]) => entryOf(key, summary, encode, owner));
  return contents.map(([key, summary]) => {
    // Only summaries held by the index live long enough to be worth an entry of their own.
    if (!isImmutable(summary)) return entryOf(key, summary);
    let entry = plainEntries.get(summary);
    if (entry === undefined) {
      entry = markImmutable(entryOf(key, summary));
      plainEntries.set(summary, entry);
    }
    return entry;
  });
}
