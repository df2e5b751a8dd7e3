/**
 * CopyObject's x-amz-metadata-directive and x-amz-tagging-directive: COPY (the default) or
 * REPLACE, exactly as the model's enum spells them. Any other value is 400 InvalidArgument
 * "Unknown metadata directive." / "Unknown tagging directive." naming the header (S3's wording
 * as minio/minio cmd/api-errors.go ErrInvalidMetadataDirective and versity/versitygw
 * s3err/invalid-argument.go InvalidArgMetadataDirective, InvalidArgTaggingDirective carry it),
 * rather than a silent COPY.
 */
import { s3Errors } from './errors.js';

export type Directive = 'COPY' | 'REPLACE';

function directive(value: string | undefined, what: 'metadata' | 'tagging'): Directive {
  if (value === undefined || value === 'COPY' || value === 'REPLACE') return value ?? 'COPY';
  throw s3Errors.invalidArgument(`Unknown ${what} directive.`, `x-amz-${what}-directive`, value);
}

export const metadataDirective = (value: string | undefined): Directive => directive(value, 'metadata');
export const taggingDirective = (value: string | undefined): Directive => directive(value, 'tagging');
