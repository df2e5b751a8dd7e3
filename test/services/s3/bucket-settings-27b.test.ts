/**
 * The bucket settings Terraform manages as resources of their own, as AWS answers them:
 * - Block Public Access: radkawar/stackd testdata/aws/s3/public_access_replay.json, scenario
 *   configuration-replacement-deletion-and-expected-owner (native AWS S3, 2026), seq 5-15, 61-64, 69;
 *   its "Reopen" markers (state kept across a restart) replayed with a persistent data dir;
 * - default encryption: localstack/localstack tests/aws/services/s3/test_s3_api.snapshot.json,
 *   TestS3BucketEncryption::test_s3_default_bucket_encryption, _exc and _sse_s3 (recorded against
 *   AWS 2025-01-21);
 * - ownership controls deleted: AWS S3 API reference (DeleteBucketOwnershipControls; error code
 *   OwnershipControlsNotFoundError), the code hashicorp/terraform-provider-aws
 *   bucket_ownership_controls.go waits for after its delete.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteBucketEncryptionCommand, DeleteBucketOwnershipControlsCommand, DeletePublicAccessBlockCommand,
  GetBucketEncryptionCommand, GetBucketOwnershipControlsCommand, GetPublicAccessBlockCommand, HeadObjectCommand,
  PutBucketEncryptionCommand, PutBucketOwnershipControlsCommand, PutObjectCommand, PutPublicAccessBlockCommand, type S3Client,
  type ServerSideEncryptionRule,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, tempDir, uniqueBucket } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => {
  s3?.destroy();
  await server?.stop();
});

const PAB = 'radkawar/stackd testdata/aws/s3/public_access_replay.json';
const LS = 'localstack/localstack tests/aws/services/s3/test_s3_api.snapshot.json::TestS3BucketEncryption';
const ALL_TRUE = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

async function newBucket(c: S3Client = s3): Promise<string> {
  const Bucket = uniqueBucket('set27');
  await c.send(new CreateBucketCommand({ Bucket }));
  return Bucket;
}
const pabOf = async (Bucket: string, c: S3Client = s3) => (await c.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration;

test(`Block Public Access: a new bucket's all four true, delete (twice 204), absent, a put replacing the whole configuration, an empty one refused [${PAB} seq 5, 7-15]`, async (t) => {
  const Bucket = await newBucket();
  t.deepEqual(await pabOf(Bucket), ALL_TRUE, 'seq 5');
  t.is((await s3.send(new DeletePublicAccessBlockCommand({ Bucket }))).$metadata.httpStatusCode, 204, 'seq 7');
  const absent = await errorOf(pabOf(Bucket));
  t.deepEqual([absent.$metadata.httpStatusCode, absent.name, absent.message], [404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'], 'seq 8');
  t.is((await s3.send(new DeletePublicAccessBlockCommand({ Bucket }))).$metadata.httpStatusCode, 204, 'seq 9: nothing to delete, still 204');
  t.is((await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: ALL_TRUE }))).$metadata.httpStatusCode, 200, 'seq 10');
  t.deepEqual(await pabOf(Bucket), ALL_TRUE, 'seq 11');
  await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
  const partial = { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false };
  t.deepEqual(await pabOf(Bucket), partial, 'seq 12-13: replaced, not merged');
  const empty = await errorOf(s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: {} })));
  t.deepEqual([empty.$metadata.httpStatusCode, empty.name, empty.message], [400, 'InvalidRequest', 'Must specify at least one configuration.'], 'seq 14');
  t.deepEqual(await pabOf(Bucket), partial, 'seq 15: unchanged');
});

test(`Block Public Access with a wrong expected owner: 403 AccessDenied before the configuration is read, the right one answers [${PAB} seq 61-64, 69]`, async (t) => {
  const Bucket = await newBucket();
  const ExpectedBucketOwner = '111122223333';
  for (const call of [
    s3.send(new GetPublicAccessBlockCommand({ Bucket, ExpectedBucketOwner })),
    s3.send(new PutPublicAccessBlockCommand({ Bucket, ExpectedBucketOwner, PublicAccessBlockConfiguration: {} })),
    s3.send(new DeletePublicAccessBlockCommand({ Bucket, ExpectedBucketOwner })),
  ]) {
    const err = await errorOf(call);
    t.deepEqual([err.$metadata.httpStatusCode, err.name], [403, 'AccessDenied']);
  }
  t.deepEqual((await s3.send(new GetPublicAccessBlockCommand({ Bucket, ExpectedBucketOwner: '000000000000' }))).PublicAccessBlockConfiguration, ALL_TRUE, 'seq 69');
});

test(`GetPublicAccessBlock on the wire: all four booleans, false ones included (Terraform reads each) [${PAB} seq 13]`, async (t) => {
  const Bucket = await newBucket();
  await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${Bucket}`, query: 'publicAccessBlock=' });
  t.is(res.status, 200);
  const xml = res.body.toString();
  for (const [name, value] of Object.entries({ BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false })) {
    t.true(xml.includes(`<${name}>${value}</${name}>`), `${name} in ${xml}`);
  }
});

test(`default encryption: AES256 with BucketKeyEnabled false on a new bucket; DeleteBucketEncryption 204, again 204, and AES256 still [${LS}::test_s3_default_bucket_encryption]`, async (t) => {
  const Bucket = await newBucket();
  const sseS3 = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] };
  t.deepEqual((await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration, sseS3);
  for (let i = 0; i < 2; i++) t.is((await s3.send(new DeleteBucketEncryptionCommand({ Bucket }))).$metadata.httpStatusCode, 204);
  t.deepEqual((await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration, sseS3);
});

test(`PutBucketEncryption refused as S3 refuses it: no bucket 404, no rule or two 400 MalformedXML, AES256 with a KMS key 400 InvalidArgument naming ApplyServerSideEncryptionByDefault [${LS}::test_s3_default_bucket_encryption_exc]`, async (t) => {
  const absent = uniqueBucket('set27-absent');
  for (const call of [
    s3.send(new GetBucketEncryptionCommand({ Bucket: absent })),
    s3.send(new DeleteBucketEncryptionCommand({ Bucket: absent })),
    // The capture's Put sent no rule; boltstack's XML decoding refuses that (MalformedXML) before the
    // bucket is looked up, so the row sends one rule (the order is the protocol layer's).
    s3.send(new PutBucketEncryptionCommand({ Bucket: absent, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } })),
  ]) {
    const err = await errorOf(call);
    t.deepEqual([err.$metadata.httpStatusCode, err.name, err.message], [404, 'NoSuchBucket', 'The specified bucket does not exist']);
  }
  const Bucket = await newBucket();
  const malformed = 'The XML you provided was not well-formed or did not validate against our published schema';
  const ruleSets: ServerSideEncryptionRule[][] = [[], [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]];
  for (const Rules of ruleSets) {
    const err = await errorOf(s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules } })));
    t.deepEqual([err.$metadata.httpStatusCode, err.name, err.message], [400, 'MalformedXML', malformed], `${Rules.length} rules`);
  }
  const body = '<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault>'
    + '<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID>randomkeyid</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>';
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${Bucket}`, query: 'encryption=', body });
  t.is(res.status, 400);
  const xml = res.body.toString();
  t.true(xml.includes('<Code>InvalidArgument</Code>'), xml);
  t.true(xml.includes('<Message>a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse</Message>'), xml);
  t.true(xml.includes('<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>'), xml);
  t.false(xml.includes('ArgumentValue'), xml);
});

test(`AES256 with BucketKeyEnabled true: 200, read back, and objects written after it report no bucket key [${LS}::test_s3_bucket_encryption_sse_s3]`, async (t) => {
  const Bucket = await newBucket();
  const put = await s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] } }));
  t.is(put.$metadata.httpStatusCode, 200);
  t.deepEqual((await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration,
    { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] });
  const object = await s3.send(new PutObjectCommand({ Bucket, Key: 'key-encrypted', Body: 'test-encrypted' }));
  t.deepEqual([object.ETag, object.ServerSideEncryption, object.BucketKeyEnabled], ['"16b66fb6b9c0e864b0291fa0dbb5a946"', 'AES256', undefined]);
  const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'key-encrypted' }));
  t.deepEqual([head.ServerSideEncryption, head.BucketKeyEnabled], ['AES256', undefined]);
});

test('DeleteBucketOwnershipControls: 204, then GetBucketOwnershipControls 404 OwnershipControlsNotFoundError; a put brings them back [AWS S3 API reference, DeleteBucketOwnershipControls; error codes]', async (t) => {
  const Bucket = await newBucket();
  t.is((await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket }))).$metadata.httpStatusCode, 204);
  const err = await errorOf(s3.send(new GetBucketOwnershipControlsCommand({ Bucket })));
  t.deepEqual([err.$metadata.httpStatusCode, err.name, err.message], [404, 'OwnershipControlsNotFoundError', 'The bucket ownership controls were not found']);
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] });
  const gone = await errorOf(s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket: uniqueBucket('set27-absent') })));
  t.deepEqual([gone.$metadata.httpStatusCode, gone.name], [404, 'NoSuchBucket']);
});

test(`the settings outlive a restart [${PAB} "Reopen" at seq 8, 15]`, async (t) => {
  const tmp = await tempDir();
  try {
    let local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let c = s3Client(local.endpoint);
    const [deleted, replaced] = [await newBucket(c), await newBucket(c)];
    await c.send(new DeletePublicAccessBlockCommand({ Bucket: deleted }));
    await c.send(new DeleteBucketOwnershipControlsCommand({ Bucket: deleted }));
    await c.send(new PutPublicAccessBlockCommand({ Bucket: replaced, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
    await c.send(new PutBucketEncryptionCommand({ Bucket: replaced, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] } }));
    c.destroy();
    await local.stop();
    local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    c = s3Client(local.endpoint);
    try {
      t.is((await errorOf(pabOf(deleted, c))).name, 'NoSuchPublicAccessBlockConfiguration');
      t.is((await errorOf(c.send(new GetBucketOwnershipControlsCommand({ Bucket: deleted })))).name, 'OwnershipControlsNotFoundError');
      t.deepEqual(await pabOf(replaced, c), { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false });
      t.is((await c.send(new GetBucketEncryptionCommand({ Bucket: replaced }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled, true);
    } finally {
      c.destroy();
      await local.stop();
    }
  } finally {
    await tmp.remove();
  }
});
