/**
 * Regression: CreateBucket on the us-east-1 endpoint accepted any LocationConstraint text
 * ("moon-1" made a bucket in region "moon-1"), and the legacy "EU" made a region "EU". S3 accepts
 * the regions of its BucketLocationConstraint list ("EU" being eu-west-1, located as "EU"
 * again) and refuses anything else with 400 InvalidLocationConstraint.
 */
import test from 'ava';
import { CreateBucketCommand, GetBucketLocationCommand, HeadBucketCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const constraint = (value: string): BucketLocationConstraint => value as BucketLocationConstraint;

test('every region of the commercial partition is accepted from us-east-1', async (t) => {
  const s3 = s3Client(server.endpoint);
  for (const region of ['us-east-2', 'us-west-2', 'ap-southeast-7', 'mx-central-1', 'eu-south-2', 'il-central-1']) {
    const name = uniqueBucket();
    await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: constraint(region) } }));
    t.is((await s3.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint, constraint(region));
    t.is((await s3Client(server.endpoint, { region }).send(new HeadBucketCommand({ Bucket: name }))).BucketRegion, region);
  }
});

test('"EU" is eu-west-1, and GetBucketLocation answers "EU"', async (t) => {
  const s3 = s3Client(server.endpoint);
  const name = uniqueBucket();
  await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'EU' } }));
  t.is((await s3.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint, 'EU');
  t.is((await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new HeadBucketCommand({ Bucket: name }))).BucketRegion, 'eu-west-1');
});

test('an unknown region, a wrong case or another partition is 400 InvalidLocationConstraint', async (t) => {
  const s3 = s3Client(server.endpoint);
  for (const value of ['moon-1', 'EU-WEST-1', 'eu', 'cn-north-1', 'us-gov-west-1']) {
    const err = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket(), CreateBucketConfiguration: { LocationConstraint: constraint(value) } })));
    t.is(err.name, 'InvalidLocationConstraint', value);
    t.is(err.$metadata.httpStatusCode, 400, value);
    t.is(err.message, 'The specified location-constraint is not valid', value);
    t.is((err as unknown as Record<string, unknown>).LocationConstraint, value);
  }
});

// A value naming no region is Illegal there too: moto's aws_verified
// test_create_bucket_with_wrong_location_constraint has "us-gov-east-2" so from us-west-2 (this
// test said InvalidLocationConstraint before, with no source).
test('a regional endpoint: its own region (or EU on eu-west-1) is accepted, any other value is Illegal', async (t) => {
  const euWest = s3Client(server.endpoint, { region: 'eu-west-1' });
  const name = uniqueBucket();
  await euWest.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'EU' } }));
  t.is((await euWest.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint, 'EU');
  const other = await errorOf(euWest.send(new CreateBucketCommand({ Bucket: uniqueBucket(), CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })));
  t.is(other.name, 'IllegalLocationConstraintException');
  const bogus = await errorOf(euWest.send(new CreateBucketCommand({ Bucket: uniqueBucket(), CreateBucketConfiguration: { LocationConstraint: constraint('moon-1') } })));
  t.is(bogus.name, 'IllegalLocationConstraintException');
  t.is(bogus.message, 'The moon-1 location constraint is incompatible for the region specific endpoint this request was sent to.');
});
