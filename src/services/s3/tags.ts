/**
 * Object and bucket tag sets: the x-amz-tagging header (URL query form) and TagSet documents,
 * with S3's limits. https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 */
import { s3Errors } from './errors.js';

export interface Tag { Key: string; Value: string }

/** S3's tag text: letters, separators, digits and `_ . : / = + - @` (API_control_S3Tag "Pattern"). */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** An object takes 10 tags, a bucket 50; they word some refusals differently. */
export type TagOwner = 'object' | 'bucket';

export function validateTags(tags: Tag[], owner: TagOwner = 'object'): Tag[] {
  // An object's 11th tag is BadRequest, not InvalidTag, on PutObjectTagging and on x-amz-tagging
  // alike (boto/boto3#1213; terraform-provider-aws errors with S3 request ids; getmoto/moto#7112,
  // verified against AWS), though ceph/s3-tests' older test_put_excess_tags expects InvalidTag.
  if (owner === 'object' && tags.length > 10) throw s3Errors.objectTagsTooMany();
  if (owner === 'bucket' && tags.length > 50) throw s3Errors.invalidTag('Bucket tag count cannot be greater than 50');
  const seen = new Set<string>();
  for (const { Key, Value } of tags) {
    if (Key === undefined || Key.length === 0 || Key.length > 128) throw s3Errors.invalidTag('The TagKey you have provided is invalid');
    if ((Value ?? '').length > 256) throw s3Errors.invalidTag('The TagValue you have provided is invalid');
    // A character outside the pattern: S3 names the tag (versity/versitygw#1583, #1663, #2039).
    if (!TAG_TEXT.test(Key)) throw s3Errors.invalidTag('The TagKey you have provided is invalid', Key);
    if (!TAG_TEXT.test(Value ?? '')) throw s3Errors.invalidTagValue(Key, Value);
    // Words from getmoto/moto tests/test_s3/test_s3_tagging.py (aws_verified):
    // test_put_object_with_tagging and test_put_bucket_tagging.
    if (Key.startsWith('aws:')) {
      // Both name the key (<TagKey>): LocalStack test_s3_api.py::TestS3BucketObjectTagging::test_tagging_validation (AWS 2025-01-21).
      throw s3Errors.invalidTag(owner === 'object' ? 'Your TagKey cannot be prefixed with aws:' : 'System tags cannot be added/updated by requester', Key);
    }
    if (seen.has(Key)) throw s3Errors.invalidTag('Cannot provide multiple Tags with the same key', Key);
    seen.add(Key);
  }
  return tags.map(({ Key, Value }) => ({ Key, Value: Value ?? '' }));
}

/**
 * Parses the x-amz-tagging header: `k1=v1&k2=v2`, URL-encoded. A repeated or empty tag name is
 * the header's own InvalidArgument, not InvalidTag; `&`, `key` and `key=` are valid (an empty
 * value), as S3 takes them (versity/versitygw#1215, #1216).
 */
export function parseTaggingHeader(header: string | undefined): Tag[] | undefined {
  if (header === undefined) return undefined;
  // A raw ',' is not query-string form: "key1=val1,key2=val2" is refused as a header, not read as
  // one tag whose value has a comma (LocalStack test_s3_api.py::TestS3BucketObjectTagging::
  // test_object_tagging_exc, AWS 2025-01-21; an encoded %2C stays an invalid TagValue).
  if (header.includes(',')) throw s3Errors.invalidTaggingHeader(header);
  const tags: Tag[] = [];
  const seen = new Set<string>();
  for (const [Key, Value] of new URLSearchParams(header)) {
    if (Key === '' || seen.has(Key)) throw s3Errors.invalidTaggingHeader(header);
    seen.add(Key);
    tags.push({ Key, Value });
  }
  return validateTags(tags);
}
