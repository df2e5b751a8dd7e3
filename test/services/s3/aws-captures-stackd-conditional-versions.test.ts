/**
 * Conditional deletes that name a version, and the unversioned writes that precede them, as
 * native AWS S3 answered (radkawar/stackd testdata/aws/s3/conditional_versions.json, 2026-09-15;
 * calls re-expressed as SDK inputs, the captured bodies and ETags kept). The capture's rows after
 * it enables versioning (version histories, delete markers, bucket policies) are not replayed:
 * boltstack implements no versioning. What carries over is S3's refusal of If-Match beside a
 * versionId, which it gives before looking anything up.
 */
import test from 'ava';
import { CreateBucketCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-cv-9d09af2337194f36afdc1031c54ed6fb';
const SRC = 'radkawar/stackd testdata/aws/s3/conditional_versions.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const puts: [string, string, string][] = [
  ['null/own', '"f4388a855dd7b5410bab27edd0fa347b"', 'ROlEtg=='],
  ['null/wrong', '"18d56379a9fa932960e5d2cd71d67fbb"', 'zNMuNQ=='],
  ['null/wildcard', '"844db8666f5fb8c489381fceedf7b951"', '8WBeqQ=='],
  ['null/historical-own', '"3cef7ee0899a5b18fddae4d91328357f"', 'SETT/Q=='],
];
test(`PutObject in a bucket never versioned answers ETag, the SDK's CRC32 as FULL_OBJECT and AES256, and no version id [${SRC} null/*/put-null]`, async (t) => {
  for (const [Key, ETag, ChecksumCRC32] of puts) {
    const put = await s3.send(new PutObjectCommand({ Bucket, Key, Body: `null:${Key}` }));
    t.like(put, { ETag, ChecksumCRC32, ChecksumType: 'FULL_OBJECT', ServerSideEncryption: 'AES256' }, Key);
    t.is(put.VersionId, undefined);
  }
});

const refusals: [string, string, string][] = [
  ['the object\'s own ETag', 'null', '"f4388a855dd7b5410bab27edd0fa347b"'],
  ['a wrong ETag', 'null', '"00000000000000000000000000000000"'],
  ['the object\'s own ETag, another version id', '9pPJeY8_SSJM6SglLZ0._Y5TLof6ERG7', '"f4388a855dd7b5410bab27edd0fa347b"'],
];
for (const [title, VersionId, IfMatch] of refusals) {
  test(`DeleteObject naming versionId=${VersionId} with If-Match (${title}) is 501 NotImplemented naming If-Match, and deletes nothing [${SRC} baseline/historical-own/delete, baseline/current-explicit-wrong/delete]`, async (t) => {
    const Key = 'null/own';
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: `null:${Key}` }));
    const err = await errorOf(s3.send(new DeleteObjectCommand({ Bucket, Key, VersionId, IfMatch })));
    t.is(err.$metadata.httpStatusCode, 501);
    t.is(err.name, 'NotImplemented');
    t.is(err.message, 'A header you provided implies functionality that is not implemented');
    const fields = err as unknown as Record<string, unknown>;
    t.is(fields.Header, 'If-Match');
    t.is(fields.additionalMessage, 'Conditional delete operations are not allowed when a version ID is included in the request parameters.');
    t.is((await s3.send(new GetObjectCommand({ Bucket, Key }))).ETag, '"f4388a855dd7b5410bab27edd0fa347b"');
  });
}

test(`DeleteObjects: an <ETag> beside a <VersionId> is that object's NotImplemented naming the version; without a version the ETag is a condition [${SRC} batch/deny-GetObjectVersion (historical-*, implicit-*)]`, async (t) => {
  const keys = ['batch/historical-current', 'batch/historical-wildcard', 'batch/implicit-current', 'batch/implicit-wrong', 'batch/implicit-wildcard'];
  const etags: Record<string, string> = {};
  for (const Key of keys) etags[Key] = (await s3.send(new PutObjectCommand({ Bucket, Key, Body: `new:${Key}` }))).ETag!;
  const answer = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Quiet: false, Objects: [
    { Key: 'batch/historical-current', ETag: etags['batch/historical-current'], VersionId: 'null' },
    { Key: 'batch/historical-wildcard', ETag: '*', VersionId: '3K4crhikgDPuxyD.H1wy0Gup9m0ZeWCd' },
    { Key: 'batch/implicit-current', ETag: etags['batch/implicit-current'] },
    { Key: 'batch/implicit-wrong', ETag: '"00000000000000000000000000000000"' },
    { Key: 'batch/implicit-wildcard', ETag: '*' },
  ] } }));
  t.deepEqual(answer.Deleted?.map((d) => d.Key).sort(), ['batch/implicit-current', 'batch/implicit-wildcard']);
  t.deepEqual(answer.Errors?.map((e) => [e.Key, e.VersionId, e.Code, e.Message]), [
    ['batch/historical-current', 'null', 'NotImplemented', 'A form field you provided implies functionality that is not implemented'],
    ['batch/historical-wildcard', '3K4crhikgDPuxyD.H1wy0Gup9m0ZeWCd', 'NotImplemented', 'A form field you provided implies functionality that is not implemented'],
    ['batch/implicit-wrong', undefined, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'],
  ]);
  for (const Key of ['batch/historical-current', 'batch/historical-wildcard', 'batch/implicit-wrong']) {
    t.is((await s3.send(new HeadObjectCommand({ Bucket, Key }))).ETag, etags[Key], Key);
  }
});
