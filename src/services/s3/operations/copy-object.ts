/**
 * CopyObject: no bytes are copied — the new object references the source's blobs (DESIGN.md §5).
 * Source and destination keys are locked together (in a fixed order) so the source's blobs
 * cannot be collected between reading its record and committing the new references.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 */
import { createHash } from 'node:crypto';
import type { CopyObjectInput, CopyObjectOutput } from '../../../model/generated/s3-types.js';
import { compareUtf8 } from '../../../util/utf8-order.js';
import { type S3Handler, UNEMULATED_WRITE_MEMBERS, checkEncryption, checkObjectAcl, unsupported } from '../context.js';
import { checkConditions } from '../conditions.js';
import { s3Errors } from '../errors.js';
import { assertMetadataSize } from '../metadata-size.js';
import { assertValidKey } from '../names.js';
import { NULL_VERSION_ID } from '../null-version.js';
import { assertStorageClass } from '../storage-class.js';
import { assertRedirectLocation } from '../website-redirect.js';
import { contentFields } from '../object-headers.js';
import { checksumMember, parseAlgorithm } from '../checksum-plan.js';
import { copyChecksum } from '../copy-checksum.js';
import type { ObjectRecord } from '../records.js';
import { readSpans } from '../read-spans.js';
import { parseTaggingHeader } from '../tags.js';
import { MAX_SINGLE_UPLOAD } from '../write-body.js';
import { assertIfNoneMatch, checkWriteConditions, hasWriteConditions } from '../write-conditions.js';
import { parseCopySource, type CopySource } from '../copy-source.js';
import { metadataDirective, taggingDirective } from '../copy-directive.js';

/** Runs `section` holding the locks of both object keys, always taken in the same order. */
export function withBothLocks<T>(deps: Parameters<S3Handler<unknown, unknown>>[0], a: CopySource, b: CopySource, section: () => Promise<T>): Promise<T> {
  const ka = `o\0${a.bucket}\0${a.key}`;
  const kb = `o\0${b.bucket}\0${b.key}`;
  if (ka === kb) return deps.store.locks.run(ka, section);
  const [first, second] = compareUtf8(ka, kb) < 0 ? [ka, kb] : [kb, ka];
  return deps.store.locks.run(first, () => deps.store.locks.run(second, section));
}

export function copySourceConditions(input: Pick<CopyObjectInput, 'CopySourceIfMatch' | 'CopySourceIfNoneMatch' | 'CopySourceIfModifiedSince' | 'CopySourceIfUnmodifiedSince'>, source: ObjectRecord): void {
  checkConditions({
    ...(input.CopySourceIfMatch !== undefined ? { ifMatch: input.CopySourceIfMatch } : {}),
    ...(input.CopySourceIfNoneMatch !== undefined ? { ifNoneMatch: input.CopySourceIfNoneMatch } : {}),
    ...(input.CopySourceIfModifiedSince !== undefined ? { ifModifiedSince: input.CopySourceIfModifiedSince } : {}),
    ...(input.CopySourceIfUnmodifiedSince !== undefined ? { ifUnmodifiedSince: input.CopySourceIfUnmodifiedSince } : {}),
  }, source.etag, source.lastModified, 'x-amz-copy-source-');
}

export const copyObject: S3Handler<CopyObjectInput, CopyObjectOutput> = async (deps, ctx, input) => {
  assertValidKey(input.Key);
  const aclRefusal = checkObjectAcl(deps, ctx, 'CopyObject', input);
  if (aclRefusal !== undefined) await aclRefusal;
  checkEncryption(deps, ctx, 'CopyObject', input.ServerSideEncryption, input.BucketKeyEnabled);
  unsupported(deps, ctx, 'CopyObject', input, [...UNEMULATED_WRITE_MEMBERS, 'CopySourceSSECustomerAlgorithm', 'CopySourceSSECustomerKey', 'CopySourceSSECustomerKeyMD5', 'AnnotationDirective']);
  const checksumAlgorithm = parseAlgorithm(input.ChecksumAlgorithm);
  // If-Match / If-None-Match judge the destination, under its lock (write-conditions.ts).
  assertIfNoneMatch(input.IfNoneMatch);
  const conditions = { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch };
  const source = parseCopySource(input.CopySource);
  // "null" names the source object itself, as on UploadPartCopy and GetObject (null-version.ts).
  if (source.versionId !== undefined && source.versionId !== NULL_VERSION_ID) {
    unsupported(deps, ctx, 'CopyObject', { CopySourceVersionId: source.versionId }, ['CopySourceVersionId']);
  }
  const replaceMetadata = metadataDirective(input.MetadataDirective) === 'REPLACE';
  // With COPY the request's metadata headers are ignored, so only REPLACE is measured.
  if (replaceMetadata) assertMetadataSize(input.Metadata);
  assertStorageClass(input.StorageClass);
  assertRedirectLocation(input.WebsiteRedirectLocation);
  const replaceTags = taggingDirective(input.TaggingDirective) === 'REPLACE';
  const tags = replaceTags ? parseTaggingHeader(input.Tagging) : undefined;
  await deps.store.requireBucket(input.Bucket);
  await deps.store.requireBucket(source.bucket);

  const record = await withBothLocks(deps, source, { bucket: input.Bucket, key: input.Key }, async () => {
    const from = await deps.store.getObject(source.bucket, source.key);
    if (!from) throw s3Errors.noSuchKey(source.key);
    copySourceConditions(input, from);
    if (hasWriteConditions(conditions)) checkWriteConditions(conditions, await deps.store.getObject(input.Bucket, input.Key), input.Key);
    if (from.size > MAX_SINGLE_UPLOAD) {
      throw s3Errors.invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_SINGLE_UPLOAD}`);
    }
    const samePlace = source.bucket === input.Bucket && source.key === input.Key;
    if (samePlace && !replaceMetadata && input.StorageClass === undefined && input.WebsiteRedirectLocation === undefined && input.ServerSideEncryption === undefined) {
      throw s3Errors.copyInPlace();
    }
    const { size, spans } = from;
    const checksum = checksumAlgorithm ? await copyChecksum(deps.store.blobs, from, checksumAlgorithm) : from.checksum;
    // The copy is one object, not parts: its ETag is the MD5 of the bytes, not the source's "-N"
    // one, and it has no parts to read by number (localstack test_s3.py::TestS3::
    // test_multipart_copy_object_etag, recorded 2023-08-10). Only a multipart source pays the read.
    const etag = from.partsCount ? await md5OfSpans(deps, from) : from.etag;
    const carried = replaceMetadata ? contentFields(input) : {
      ...pickContent(from),
      ...(input.StorageClass !== undefined ? { storageClass: input.StorageClass } : {}),
      ...(input.WebsiteRedirectLocation !== undefined ? { websiteRedirectLocation: input.WebsiteRedirectLocation } : {}),
    };
    const next: ObjectRecord = {
      size, etag, spans, lastModified: Date.now(), version: deps.store.newVersion(),
      ...(checksum ? { checksum } : {}),
      ...carried,
    };
    const nextTags = replaceTags ? tags : from.tags;
    if (nextTags && nextTags.length > 0) next.tags = nextTags;
    await deps.store.replaceObjectLocked(input.Bucket, input.Key, next);
    return next;
  });
  // The copy's checksum is the source's; S3 answers it in the result with its type (a full-object
  // one: a composite value describes parts the copy does not have, so it is not repeated here;
  // radkawar/stackd testdata/aws/s3/multipart_readers_replay.json seq 250, 2026-09-20).
  const result: NonNullable<CopyObjectOutput['CopyObjectResult']> = { ETag: record.etag, LastModified: new Date(record.lastModified) };
  if (record.checksum?.type === 'FULL_OBJECT') {
    result.ChecksumType = 'FULL_OBJECT';
    result[checksumMember(record.checksum.algorithm)] = record.checksum.value;
  }
  return { CopyObjectResult: result, ServerSideEncryption: 'AES256' };
};

/** The quoted MD5 of an object's bytes, read from its blobs (the caller holds its key's lock). */
async function md5OfSpans(deps: Parameters<S3Handler<unknown, unknown>>[0], record: ObjectRecord): Promise<string> {
  const hash = createHash('md5');
  if (record.size > 0) {
    for await (const chunk of readSpans(deps.store.blobs, record.spans, 0, record.size - 1)) hash.update(chunk as Buffer);
  }
  return `"${hash.digest('hex')}"`;
}

/**
 * What a COPY directive carries from the source. Not its storage class: the copy is STANDARD
 * unless the request names one (LocalStack test_s3.py::TestS3::test_s3_copy_object_storage_class,
 * recorded 2023-08-03: a STANDARD_IA source's copy lists as STANDARD).
 */
function pickContent(r: ObjectRecord): Partial<ObjectRecord> {
  const { contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires, websiteRedirectLocation, metadata } = r;
  return Object.fromEntries(Object.entries({ contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires, websiteRedirectLocation, metadata })
    .filter(([, v]) => v !== undefined));
}
