/**
 * `?versionId=` with no value: S3 refuses it on every object operation before anything else,
 * 400 InvalidArgument "Version id cannot be the empty string", versioned bucket or not (AWS's
 * answer quoted in amazon-archives/aws-sdk-core-ruby#76, 2014, and code-dot-org/code-dot-org#21563,
 * 2018; noobaa/noobaa-core#7970 and versity/versitygw#2381 match it). boltstack has no versioning:
 * any other version id but "null" stays a NotImplemented gate in the operation itself.
 */
import { s3Errors } from './errors.js';

/** Throws S3's error when the input names an empty version id. */
export function refuseEmptyVersionId(input: Record<string, unknown>): void {
  // Only the code and message are recorded; no ArgumentName/ArgumentValue is guessed.
  if (input.VersionId === '') throw s3Errors.invalidArgument('Version id cannot be the empty string');
}
