/**
 * CreateBucket's LocationConstraint, as S3 reads it. The us-east-1 endpoint creates a bucket in
 * any region of its partition named by the constraint (the legacy "EU" means eu-west-1, and
 * GetBucketLocation answers "EU" again), but refuses "us-east-1" spelled out and any value that
 * is not a region S3 knows: 400 InvalidLocationConstraint. A regional endpoint needs its own
 * region as the constraint: any other value, or none, is 400 IllegalLocationConstraintException,
 * "us-east-1" and names of no region ("us-gov-east-2") included (getmoto/moto
 * tests/test_s3/test_s3.py::test_create_bucket_with_wrong_location_constraint, aws_verified).
 * The list is the model's BucketLocationConstraint enum.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucketConfiguration.html
 */
import { COMMERCIAL_REGIONS, OTHER_PARTITION_REGIONS } from '../../util/aws-regions.js';
import { s3Errors } from './errors.js';

const US_EAST_1 = 'us-east-1';
const EU = 'EU';

/** The model's BucketLocationConstraint enum: every region but us-east-1, which S3 refuses spelled out. */
const REGIONS: ReadonlySet<string> = new Set([...COMMERCIAL_REGIONS, ...OTHER_PARTITION_REGIONS].filter((r) => r !== US_EAST_1));

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

/** Where the bucket lives, and the constraint GetBucketLocation answers when it differs (EU). */
export interface BucketPlacement { region: string; locationConstraint?: string }

export function placeBucket(requestRegion: string, constraint: string | undefined): BucketPlacement {
  const given = constraint === '' ? undefined : constraint;
  const region = given === EU ? 'eu-west-1' : given;
  if (requestRegion === US_EAST_1) {
    if (given === undefined) return { region: US_EAST_1 };
    if (!REGIONS.has(region!) || partitionOf(region!) !== partitionOf(requestRegion)) throw s3Errors.invalidLocationConstraint(given);
    return given === EU ? { region: region!, locationConstraint: EU } : { region: region! };
  }
  if (region === requestRegion) return given === EU ? { region, locationConstraint: EU } : { region };
  throw s3Errors.illegalLocationConstraint(given ?? '', requestRegion);
}
