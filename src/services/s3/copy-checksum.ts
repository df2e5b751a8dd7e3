/**
 * The checksum a CopyObject with x-amz-checksum-algorithm gives its copy. S3 computes it over the
 * source's bytes when the source has no full-object checksum of that algorithm (AWS recorded it
 * for a source stored without any: LocalStack test_s3.py::TestS3::test_s3_copy_object_with_checksum,
 * 2023-08-03), so the bytes are read here, one blob at a time (read-spans.ts); a matching
 * full-object checksum is kept as it is, with no read.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html#AmazonS3-CopyObject-request-header-ChecksumAlgorithm
 */
import { createHasherAsync, toBase64 } from '../../checksums/index.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { ALGORITHMS, type S3ChecksumAlgorithm } from './checksum-plan.js';
import { readSpans } from './read-spans.js';
import type { ChecksumRecord, ObjectRecord } from './records.js';

export async function copyChecksum(blobs: BlobStore, source: ObjectRecord, algorithm: S3ChecksumAlgorithm): Promise<ChecksumRecord> {
  const kept = source.checksum;
  if (kept?.algorithm === algorithm && kept.type === 'FULL_OBJECT') return kept;
  const hasher = await createHasherAsync(ALGORITHMS[algorithm]);
  if (source.size > 0) {
    for await (const chunk of readSpans(blobs, source.spans, 0, source.size - 1) as AsyncIterable<Uint8Array>) hasher.update(chunk);
  }
  return { algorithm, value: toBase64(hasher.digest()), type: 'FULL_OBJECT' };
}
