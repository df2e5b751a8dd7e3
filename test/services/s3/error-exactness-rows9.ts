/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format): the
 * error answers in localstack/localstack's S3 snapshots of bucket and listing operations, each
 * recorded against AWS (tests/aws/services/s3/*.snapshot.json; the date is the test's
 * *.validation.json date, or the snapshot's recorded-date where the test has none). Success
 * answers of the same tests are in aws-answers-localstack-listing.test.ts.
 */
import { type Row } from './error-exactness-rows.js';

const LS = 'localstack/localstack tests/aws/services/s3';

export const localstackBucketRows: Row[] = [
  { name: 'DeleteBucket of a bucket with an object names the bucket', source: `${LS}/test_s3_api.py::TestS3BucketCRUD::test_delete_bucket_with_objects (recorded 2023-07-27)`,
    objects: { '': 'test-delete' }, request: (s) => ({ method: 'DELETE', path: `/${s.bucket}` }), status: 409, code: 'BucketNotEmpty',
    message: 'The bucket you tried to delete is not empty', fields: (s) => ({ BucketName: s.bucket }) },
  { name: 'DeleteBucket of a missing bucket names it', source: `${LS}/test_s3.py::TestS3::test_delete_bucket_no_such_bucket (recorded 2023-08-03)`,
    request: (s) => ({ method: 'DELETE', path: `/${s.bucket}-gone` }), status: 404, code: 'NoSuchBucket',
    message: 'The specified bucket does not exist', fields: (s) => ({ BucketName: `${s.bucket}-gone` }) },
  { name: 'GetObject from a missing bucket names the bucket', source: `${LS}/test_s3.py::TestS3::test_get_object_no_such_bucket (recorded 2023-08-03)`,
    request: (s) => ({ method: 'GET', path: `/${s.bucket}-gone/${s.key}` }), status: 404, code: 'NoSuchBucket',
    message: 'The specified bucket does not exist', fields: (s) => ({ BucketName: `${s.bucket}-gone`, Key: null }) },
  { name: 'CreateBucket of an upper-case name names it', source: `${LS}/test_s3.py::TestS3::test_s3_uppercase_bucket_name (recorded 2023-08-03)`,
    request: () => ({ method: 'PUT', path: '/TESTUPPERCASE-s3exact9' }), status: 400, code: 'InvalidBucketName',
    message: 'The specified bucket is not valid.', fields: { BucketName: 'TESTUPPERCASE-s3exact9' } },
];
