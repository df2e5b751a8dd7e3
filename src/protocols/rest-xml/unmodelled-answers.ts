/**
 * What S3 answers that its model does not say, per operation: a success status other than the
 * model's (none, so 200) and headers sent whatever the output. Read once per operation when its
 * output plan is built, so a request pays nothing for them.
 */

/** PutBucketTagging answers 204 No Content (getmoto/moto tests/test_s3/test_s3_tagging.py::test_put_bucket_tagging, aws_verified). */
export const unmodelledStatus: Readonly<Record<string, number>> = { PutBucketTagging: 204 };

/**
 * HeadBucket carries Content-Type: application/xml though it has no body (getmoto/moto
 * tests/test_s3/test_s3_response_headers.py::test_header_content_type, aws_verified).
 */
export const unmodelledHeaders: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  HeadBucket: { 'content-type': 'application/xml' },
};
