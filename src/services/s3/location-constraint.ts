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
import { s3Errors } from './errors.js';

const US_EAST_1 = 'us-east-1';
const EU = 'EU';

const REGIONS: ReadonlySet<string> = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'cn-north-1', 'cn-northwest-1', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1',
  'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1', 'us-east-2', 'us-gov-east-1', 'us-gov-west-1',
  'us-west-1', 'us-west-2',
]);

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
