/**
 * S3 names a bucket's region in x-amz-bucket-region on its listings as on HeadBucket
 * (localstack/localstack tests/aws/services/s3/test_s3.py::TestS3::test_region_header_exists and
 * test_bucket_name_with_dots, recorded 2023-08-03), though the listing operations' models have no
 * member for it. One headers object per region, made once: a listing pays a lookup.
 */
const byRegion = new Map<string, Readonly<Record<string, string>>>();

export function bucketRegionHeader(region: string): Record<string, string> {
  let headers = byRegion.get(region);
  if (headers === undefined) {
    headers = Object.freeze({ 'x-amz-bucket-region': region });
    byRegion.set(region, headers);
  }
  return headers as Record<string, string>;
}
