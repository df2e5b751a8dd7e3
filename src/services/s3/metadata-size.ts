/**
 * S3's cap on user-defined metadata: "the sum of the number of bytes in the UTF-8 encoding of each
 * key and value" must not pass 2 KB, keys counted without their `x-amz-meta-` prefix.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata
 */
import { s3Errors } from './errors.js';

export const MAX_METADATA_BYTES = 2048;

export function metadataBytes(metadata: Record<string, string>): number {
  let size = 0;
  for (const key in metadata) size += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(metadata[key]!, 'utf8');
  return size;
}

/** Throws MetadataTooLarge (400) when the request's metadata headers pass the cap. */
export function assertMetadataSize(metadata: Record<string, string> | undefined): void {
  if (metadata === undefined) return;
  const size = metadataBytes(metadata);
  if (size > MAX_METADATA_BYTES) throw s3Errors.metadataTooLarge(size);
}
