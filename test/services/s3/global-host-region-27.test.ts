/**
 * A request whose Host is S3's global name (`<bucket>.s3.amazonaws.com`: boltstack reached under
 * AWS's names through /etc/hosts or a proxy) signed for a region that is not the bucket's
 * (src/services/s3/errors.ts wrongSigningRegion). The global endpoint routes a virtual-hosted
 * request by its bucket, so the bucket's own region answers, whatever region the request was
 * signed for: 400 AuthorizationHeaderMalformed "the region 'X' is wrong; expecting 'Y'" with
 * <Region> (the AWS SDK for Ruby's S3 region-redirect spec; s3cmd's default host_base
 * s3.amazonaws.com with `--region`). A regional name or a path-style request keeps the 301.
 */
import test from 'ava';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket('glob');
  await s3Client(server.endpoint, { region: 'eu-west-1' }).send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
});
test.after.always(async () => { await server?.stop(); });

const codeOf = (body: Buffer): string | undefined => /<Code>([^<]+)<\/Code>/.exec(body.toString())?.[1];

for (const signed of ['us-east-1', 'ap-south-1']) {
  test(`virtual-hosted at ${'<bucket>'}.s3.amazonaws.com, signed for ${signed}: the bucket's region answers 400 AuthorizationHeaderMalformed`, async (t) => {
    const r = await signedRequest(server.endpoint, { method: 'GET', path: '/', region: signed, headers: { host: `${bucket}.s3.amazonaws.com` } });
    t.is(r.status, 400, r.body.toString());
    t.is(codeOf(r.body), 'AuthorizationHeaderMalformed');
    const message = /<Message>([^<]*)<\/Message>/.exec(r.body.toString())?.[1]?.replaceAll('&apos;', "'");
    t.is(message, `The authorization header is malformed; the region '${signed}' is wrong; expecting 'eu-west-1'`);
    t.true(r.body.toString().includes('<Region>eu-west-1</Region>'));
    t.is(r.headers['x-amz-bucket-region'], 'eu-west-1');
  });
}

test('virtual-hosted at a regional name (<bucket>.s3.ap-south-1.amazonaws.com) signed for ap-south-1: that region\'s 301', async (t) => {
  const r = await signedRequest(server.endpoint, { method: 'GET', path: '/', region: 'ap-south-1', headers: { host: `${bucket}.s3.ap-south-1.amazonaws.com` } });
  t.is(r.status, 301, r.body.toString());
  t.is(codeOf(r.body), 'PermanentRedirect');
});

test('path-style at s3.amazonaws.com signed for ap-south-1: 301 (the global endpoint serves path-style from us-east-1)', async (t) => {
  const r = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, region: 'ap-south-1', headers: { host: 's3.amazonaws.com' } });
  t.is(r.status, 301, r.body.toString());
  t.is(codeOf(r.body), 'PermanentRedirect');
});
