/** Validation shared by the listing operations (max-keys, encoding-type) and url encoding. */
import { s3Errors } from './errors.js';

export function maxKeysOf(value: number | undefined, name = 'max-keys'): number {
  if (value === undefined) return 1000;
  if (!Number.isInteger(value) || value < 0) {
    throw s3Errors.invalidArgument(`Provided ${name} not an integer or within integer range`, name, String(value));
  }
  return Math.min(value, 1000);
}

/** part-number-marker is a string in the model; S3 wants a non-negative integer there. */
export function partNumberMarkerOf(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw s3Errors.invalidArgument('Provided part-number-marker not an integer or within integer range', 'part-number-marker', value);
  }
  return n;
}

export function encoderOf(encodingType: string | undefined): (s: string) => string {
  if (encodingType === undefined) return (s) => s;
  if (encodingType !== 'url') throw s3Errors.invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  // S3 percent-encodes like encodeURIComponent but leaves "/" readable.
  return (s) => encodeURIComponent(s).replace(/%2F/g, '/');
}
