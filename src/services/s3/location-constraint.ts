/**
 * CreateBucket's LocationConstraint, as S3 reads it. The us-east-1 endpoint creates a bucket in
 * any region of its partition named by the constraint (the legacy "EU" means eu-west-1, and
 * GetBucketLocation answers "EU" again), but refuses "us-east-1" spelled out and any value that
 * is not a region S3 knows: 400 InvalidLocationConstraint. A regional endpoint needs its own
 * region as the constraint: any other value, or none, is 400 IllegalLocationConstraintException,
 * "us-east-1" and names of no region ("us-gov-east-2") included (getmoto/moto
 * tests/test_s3/test_s3.py::test_create_bucket_with_wrong_location_constraint, aws_verified).
 * The list is the model's BucketLocationConstraint enum.
 *
 * A SigV4 scope that names no region at all is no regional endpoint: git-annex's S3 remote
 * (10.20230126, Haskell aws-0.22.1, signature=v4) signs with its endpoint's host name as the region
 * ("127.0.0.1") and creates its bucket with no body. AWS never sees such a scope on its own hosts;
 * boltstack reads it as its default (us-east-1) endpoint, as it reads an unsigned request, so the
 * bucket lands in us-east-1. With a constraint, the regional rule below still applies.
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
  if (given === undefined || region === undefined) {
    // us-east-1 is not in REGIONS: the default endpoint, and a scope naming no region, place it there.
    if (!REGIONS.has(requestRegion)) return { region: US_EAST_1 };
    throw s3Errors.illegalLocationConstraint('', requestRegion);
  }
  if (requestRegion === US_EAST_1) {
    if (!REGIONS.has(region) || partitionOf(region) !== partitionOf(requestRegion)) throw s3Errors.invalidLocationConstraint(given);
    return given === EU ? { region, locationConstraint: EU } : { region };
  }
  if (region === requestRegion) return given === EU ? { region, locationConstraint: EU } : { region };
  throw s3Errors.illegalLocationConstraint(given, requestRegion);
}
