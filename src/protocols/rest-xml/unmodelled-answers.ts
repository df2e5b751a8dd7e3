/**
 * What S3 answers that its model does not say, per operation: a success status other than the
 * model's (none, so 200) and headers sent whatever the output. Read once per operation when its
 * output plan is built, so a request pays nothing for them.
 */

/** PutBucketTagging answers 204 No Content (getmoto/moto tests/test_s3/test_s3_tagging.py::test_put_bucket_tagging, aws_verified). */
export const unmodelledStatus: Readonly<Record<string, number>> = { PutBucketTagging: 204 };

/**
 * HeadBucket carries Content-Type: application/xml though it has no body (getmoto/moto
 * tests/test_s3/test_s3_response_headers.py::test_header_content_type, aws_verified), and
 * x-amz-access-point-alias: false for a bucket (localstack/localstack tests/aws/services/s3/
 * test_s3.py::TestS3::test_create_bucket_head_bucket, recorded 2023-08-03; versity/versitygw#487,
 * the AWS CLI against S3, 2024-04-01).
 */
export const unmodelledHeaders: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  HeadBucket: { 'content-type': 'application/xml', 'x-amz-access-point-alias': 'false' },
};

/**
 * The order S3 writes a result's elements in where it is not the model's member order; members
 * not named keep the model's order after these. SDKs read either, a raw XML reader may not.
 * ListObjects: Name, Prefix, Marker, MaxKeys, IsTruncated, Contents (localstack/localstack
 * tests/aws/services/s3/test_s3.py::TestS3::test_bucket_name_with_dots, recorded 2023-08-03), with
 * Delimiter after MaxKeys as in the API reference's example.
 */
export const unmodelledMemberOrder: Readonly<Record<string, readonly string[]>> = {
  ListObjects: ['Name', 'Prefix', 'Marker', 'NextMarker', 'MaxKeys', 'Delimiter', 'IsTruncated', 'Contents', 'CommonPrefixes'],
  // ListObjectsV2 as S3 wrote it for public buckets (1000genomes, nasa-nex; raw answers kept as
  // test fixtures in a public repo, 2026-08-12): Name, Prefix, NextContinuationToken, KeyCount,
  // MaxKeys, Delimiter, EncodingType, IsTruncated, Contents, CommonPrefixes. ContinuationToken
  // after Prefix and StartAfter after MaxKeys as in the API reference's examples
  // (API_ListObjectsV2.html); where both tokens come, their order is not recorded.
  ListObjectsV2: ['Name', 'Prefix', 'ContinuationToken', 'NextContinuationToken', 'KeyCount', 'MaxKeys', 'StartAfter', 'Delimiter',
    'EncodingType', 'IsTruncated', 'Contents', 'CommonPrefixes'],
  // brekkylab/backlot tests/test_s3.py::test_list_multipart_uploads_echoes_what_was_sent_in_reals_order
  // (S3 measured 2026-09-10): the markers, Delimiter before Prefix, MaxUploads, EncodingType, IsTruncated.
  ListMultipartUploads: ['Bucket', 'KeyMarker', 'UploadIdMarker', 'NextKeyMarker', 'NextUploadIdMarker', 'Delimiter', 'Prefix',
    'MaxUploads', 'EncodingType', 'IsTruncated', 'Uploads', 'CommonPrefixes'],
};
