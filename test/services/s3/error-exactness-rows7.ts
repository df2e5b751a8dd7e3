/**
 * More rows of error-exactness.test.ts (see error-exactness-rows.ts for the row format): the
 * assertions of getmoto/moto's S3 tests marked aws_verified (run against AWS with
 * MOTO_TEST_ALLOW_AWS_REQUEST=true; tests/test_s3/__init__.py::s3_aws_verified). Tests without
 * that mark assert moto's own behaviour and are not used. Each row cites `file::test`.
 */
import type { RawRequest } from './signed-request.js';
import { type Row, type RowState } from './error-exactness-rows.js';

const MOTO = 'getmoto/moto tests/test_s3';
/** CreateBucket of a fresh name (the row's bucket plus a suffix) from `region`'s endpoint. */
const createIn = (s: RowState, region: string, body?: string): RawRequest =>
  ({ method: 'PUT', path: `/${s.bucket}-new`, region, ...(body === undefined ? {} : { body }) });
const config = (constraint?: string): string =>
  `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${constraint === undefined ? '' : `<LocationConstraint>${constraint}</LocationConstraint>`}</CreateBucketConfiguration>`;
const incompatible = (what: string): string => `The ${what} location constraint is incompatible for the region specific endpoint this request was sent to.`;

export const motoLocationRows: Row[] = [
  // A regional endpoint refuses every constraint but its own as Illegal, a region it does not
  // know ("us-gov-east-2") and "us-east-1" (which the us-east-1 endpoint calls Invalid) included.
  ...(['us-east-1', 'us-east-2', 'eu-central-1', 'us-gov-east-2'] as const).map((constraint): Row => ({
    name: `CreateBucket on us-west-2 with LocationConstraint ${constraint}`, source: `${MOTO}/test_s3.py::test_create_bucket_with_wrong_location_constraint`,
    request: (s) => createIn(s, 'us-west-2', config(constraint)), status: 400, code: 'IllegalLocationConstraintException', message: incompatible(constraint),
  })),
  { name: 'CreateBucket on us-east-1 with LocationConstraint us-east-1', source: `${MOTO}/test_s3.py::test_bucket_create_force_us_east_1`,
    request: (s) => createIn(s, 'us-east-1', config('us-east-1')), status: 400, code: 'InvalidLocationConstraint', message: 'The specified location-constraint is not valid' },
  ...([['no body', undefined], ['an empty configuration', config()]] as const).map(([what, body]): Row => ({
    name: `CreateBucket on us-east-2 with ${what}`, source: `${MOTO}/test_s3.py::test_bucket_create_empty_location_constraint_non_standard_region_should_return_error`,
    request: (s) => createIn(s, 'us-east-2', body), status: 400, code: 'IllegalLocationConstraintException', message: incompatible('unspecified'),
  })),
  { name: 'CreateBucket on us-east-1 with an empty configuration succeeds', source: `${MOTO}/test_s3.py::test_bucket_create_empty_location_constraint_standard_region_should_pass`,
    request: (s) => createIn(s, 'us-east-1', config()), status: 200 },
];
