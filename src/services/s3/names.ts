/**
 * Bucket and key naming rules.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
import { s3Errors } from './errors.js';

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const BAD_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BAD_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export function isValidBucketName(name: string): boolean {
  if (!BUCKET.test(name) || IPV4.test(name) || name.includes('..')) return false;
  if (name.includes('.-') || name.includes('-.')) return false;
  return !BAD_PREFIXES.some((p) => name.startsWith(p)) && !BAD_SUFFIXES.some((s) => name.endsWith(s));
}

export function assertValidBucketName(name: string): void {
  if (!isValidBucketName(name)) throw s3Errors.invalidBucketName(name);
}

export const MAX_KEY_BYTES = 1024;

export function assertValidKey(key: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES) throw s3Errors.keyTooLong(bytes);
  if (key === '') throw s3Errors.invalidObjectName(key);
}
