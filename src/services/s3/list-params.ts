/** Validation shared by the listing operations (max-keys, encoding-type) and url encoding. */
import type { AwsError } from '../../errors/aws-error.js';
import { s3Errors } from './errors.js';

/** S3's answer to a query integer below zero (max-uploads=-1, max-parts=-1, part-number-marker=-2). */
const belowZero = (name: string, value: string): AwsError =>
  s3Errors.invalidArgument(`Argument ${name} must be an integer between 0 and 2147483647`, name, value);
const notAnInteger = (name: string, value: string): AwsError =>
  s3Errors.invalidArgument(`Provided ${name} not an integer or within integer range`, name, value);

/**
 * A page size (max-keys, max-uploads, max-parts): absent is 1000, more is served as 1000. A
 * value that is not an int32 never gets here (the protocol answers it, as S3 does: "Provided
 * max-uploads not an integer or within integer range", versity/versitygw#1794); a negative one
 * is S3's "Argument max-uploads must be an integer between 0 and 2147483647"
 * (brekkylab/backlot#176, 2026; max-parts: versity/versitygw#329).
 */
export function maxKeysOf(value: number | undefined, name = 'max-keys'): number {
  if (value === undefined) return 1000;
  if (!Number.isInteger(value)) throw notAnInteger(name, String(value));
  // S3 answers a negative max-keys naming the argument "maxKeys", its internal name, not the
  // query parameter (brekkylab/backlot#192, measured 2026-09-11; floci-io/floci#3510).
  if (value < 0) throw belowZero(name === 'max-keys' ? 'maxKeys' : name, String(value));
  return Math.min(value, 1000);
}

/**
 * part-number-marker is a string in the model; S3 wants a non-negative integer there, and
 * answers a negative one as it answers a negative page size (versity/versitygw#1383, 2025). An
 * empty one is no marker: AWS lists from the start and says PartNumberMarker 0 (LocalStack
 * test_s3.py::TestS3::test_list_parts_empty_part_number_marker, recorded 2023-11-11).
 */
export function partNumberMarkerOf(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  // Decimal digits within an int32, as S3 parses it: "0x10", "1e3", " 5" and 2147483648 are not
  // integers to S3 (moto tests/test_s3/test_s3_multipart.py::test_multipart_list_parts_invalid_argument,
  // 2147483647 + 42: "Provided part-number-marker not an integer or within integer range").
  const n = /^[+-]?\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(n >= -2147483648 && n <= 2147483647)) throw notAnInteger('part-number-marker', value);
  if (n < 0) throw belowZero('part-number-marker', value);
  return n;
}

const SLASH_OR_SPACE = /%2F|%20/g;

export function encoderOf(encodingType: string | undefined): (s: string) => string {
  if (encodingType === undefined) return (s) => s;
  if (encodingType !== 'url') throw s3Errors.invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  // S3 percent-encodes like encodeURIComponent but leaves "/" readable and writes a space as "+",
  // form-style ("a b.txt" is "a+b.txt", "a+b.txt" is "a%2Bb.txt": measured on S3, brekkylab/backlot#178,
  // 2026-09-14; boto/boto#2654 decodes with unquote_plus for it, and so do rclone and minio-js).
  return (s) => encodeURIComponent(s).replace(SLASH_OR_SPACE, (m) => (m === '%2F' ? '/' : '+'));
}
