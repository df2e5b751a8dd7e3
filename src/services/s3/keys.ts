/**
 * S3's key layout in the MetaStore namespace "s3" (the only place S3 keys are built).
 * NUL separates parts: bucket names cannot contain it, and keys come last, so the byte order of
 * `o\0<bucket>\0<key>` is exactly S3's listing order (UTF-8 bytes of the key).
 *
 *   b\0<bucket>                        → BucketRecord
 *   o\0<bucket>\0<key>                 → ObjectRecord
 *   u\0<bucket>\0<key>\0<uploadId>     → UploadRecord   (uploadIds sort by creation time)
 *   p\0<uploadId>\0<part, 5 digits>    → PartRecord
 *   a\0<bucket>\0<key>\0<uploadId>     → abort time: a recently aborted upload (abort-markers.ts)
 *   d\0<bucket>\0<key>                 → JSON upload ids: uploads a delete of the key overtook (delete-marks.ts)
 */
export const S3_NS = 's3';
const S = '\u0000';

export const bucketKey = (bucket: string): string => `b${S}${bucket}`;
export const bucketRange = { gt: `b${S}`, lt: `b\u0001` };

export const objectPrefix = (bucket: string): string => `o${S}${bucket}${S}`;
export const objectKey = (bucket: string, key: string): string => objectPrefix(bucket) + key;

export const uploadPrefix = (bucket: string): string => `u${S}${bucket}${S}`;
export const uploadKey = (bucket: string, key: string, uploadId: string): string => `${uploadPrefix(bucket)}${key}${S}${uploadId}`;

export const abortedUploadPrefix = (bucket: string): string => `a${S}${bucket}${S}`;
export const abortedUploadKey = (bucket: string, key: string, uploadId: string): string => `${abortedUploadPrefix(bucket)}${key}${S}${uploadId}`;

export const deleteMarkPrefix = (bucket: string): string => `d${S}${bucket}${S}`;
export const deleteMarkKey = (bucket: string, key: string): string => deleteMarkPrefix(bucket) + key;

/** The object key of an upload's key (`uploadKey`): upload ids hold no NUL, object keys may. */
export function keyOfUploadKey(bucket: string, uploadKey: string): string {
  return uploadKey.slice(uploadPrefix(bucket).length, uploadKey.lastIndexOf(S));
}

export const partPrefix = (uploadId: string): string => `p${S}${uploadId}${S}`;
export const partKey = (uploadId: string, partNumber: number): string => partPrefix(uploadId) + String(partNumber).padStart(5, '0');

/**
 * Upper bound of a prefix range: every key that starts with `prefix` is below it. Not
 * `prefix + U+10FFFF`: a key that goes on with U+10FFFF and more sorts above that, and such an
 * object was left out of listings and of DeleteBucket's emptiness check (found by fuzz19).
 */
export const prefixEnd = (prefix: string): string => afterPrefix(prefix);

/** Above every object key, for a prefix that has no bound: a key is at most 1024 bytes, this 1028. */
const ABOVE_EVERY_KEY = '\u{10FFFF}'.repeat(257);

/**
 * The smallest string greater than every string that starts with `prefix`: used to skip a
 * whole common prefix in a delimiter listing. Incrementing the last code point is exact in
 * UTF-8 byte order; U+10FFFF has none above it, so the one before it is incremented, and
 * U+D7FF is followed by U+E000 (the surrogates are no characters of their own).
 */
export function afterPrefix(prefix: string): string {
  const chars = Array.from(prefix);
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last !== 0x10ffff) return chars.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return ABOVE_EVERY_KEY;
}

/** Owner names for blob references: unique per stored version, so a re-put never collides. */
export const objectBlobOwner = (bucket: string, key: string, version: string, index = 0): string =>
  `s3o${S}${bucket}${S}${key}${S}${version}${S}${index}`;
export const partBlobOwner = (uploadId: string, partNumber: number, version: string): string =>
  `s3p${S}${uploadId}${S}${partNumber}${S}${version}`;
