/**
 * Hostile pass 27 on the bucket settings this session added (Object Ownership, Block Public Access,
 * default encryption): bodies S3 would not take, kill -9, and writes racing DeleteBucket.
 * Sources beside each test.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteBucketCommand, DeleteBucketOwnershipControlsCommand, DeletePublicAccessBlockCommand, GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand, GetPublicAccessBlockCommand, PutBucketEncryptionCommand, PutBucketOwnershipControlsCommand,
  PutPublicAccessBlockCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, startChild, tempDir, uniqueBucket } from '../../helpers/server.js';
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

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const controls = (...rules: string[]): string =>
  `<OwnershipControls ${NS}>${rules.map((r) => `<Rule><ObjectOwnership>${r}</ObjectOwnership></Rule>`).join('')}</OwnershipControls>`;
const codeOf = (body: Buffer | string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(String(body))?.[1];

async function newBucket(): Promise<string> {
  const Bucket = uniqueBucket('hos27');
  await s3.send(new CreateBucketCommand({ Bucket }));
  return Bucket;
}

const ownershipOf = async (Bucket: string, c: S3Client = s3): Promise<string | undefined> =>
  (await c.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership;

// versity/versitygw tests/integration PutBucketOwnershipControls_multiple_rules and
// _invalid_ownership (tests written to S3's answers): MalformedXML. AWS S3 API reference, Error
// responses: an empty document is MissingRequestBodyError "Request body is empty.". Each row
// leaves the bucket's controls as they were (BucketOwnerEnforced).
for (const [name, body, code] of [
  ['no body', '', 'MissingRequestBodyError'],
  ['two rules', controls('BucketOwnerPreferred', 'BucketOwnerPreferred'), 'MalformedXML'],
  ['two rules of different modes', controls('BucketOwnerPreferred', 'ObjectWriter'), 'MalformedXML'],
  ['an ObjectOwnership that is none of the three', controls('invalid_ownership'), 'MalformedXML'],
  ['a mode in the wrong case', controls('bucketownerpreferred'), 'MalformedXML'],
] as const) {
  test(`PutBucketOwnershipControls with ${name}: 400 ${code}, the controls unchanged [versity/versitygw PutBucketOwnershipControls tests; AWS S3 Error responses]`, async (t) => {
    const Bucket = await newBucket();
    const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${Bucket}`, query: 'ownershipControls', body });
    t.deepEqual([res.status, codeOf(res.body)], [400, code], String(res.body));
    t.is(await ownershipOf(Bucket), 'BucketOwnerEnforced');
  });
}

test('PutBucketOwnershipControls with a malformed body on a missing bucket: 404 NoSuchBucket, the bucket first as PutBucketEncryption', async (t) => {
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${uniqueBucket('hos27-none')}`, query: 'ownershipControls', body: '' });
  t.deepEqual([res.status, codeOf(res.body)], [404, 'NoSuchBucket']);
});

test('PutBucketOwnershipControls ObjectWriter stays not emulated (501), the controls unchanged', async (t) => {
  const Bucket = await newBucket();
  const err = await errorOf(s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } })));
  t.is(err.name, 'NotImplemented');
  t.is(await ownershipOf(Bucket), 'BucketOwnerEnforced');
});

// Held in pass 27 (pinned so they stay): odd Block Public Access bodies. An empty document or one
// naming no setting is InvalidRequest and keeps the settings (radkawar/stackd
// testdata/aws/s3/public_access_replay.json seq 14-15); a value that is no boolean is MalformedXML.
test('PutPublicAccessBlock: no body, unknown elements only, or a non-boolean value change nothing', async (t) => {
  const Bucket = await newBucket();
  const pab = (inner: string): string => `<PublicAccessBlockConfiguration ${NS}>${inner}</PublicAccessBlockConfiguration>`;
  for (const [body, code] of [
    ['', 'InvalidRequest'], [pab('<Foo>true</Foo>'), 'InvalidRequest'], [pab('<BlockPublicAcls>TRUE</BlockPublicAcls>'), 'MalformedXML'],
    [pab('<BlockPublicAcls>1</BlockPublicAcls>'), 'MalformedXML'], [pab('<BlockPublicAcls></BlockPublicAcls>'), 'MalformedXML'], ['<PublicAccessBlockConfiguration', 'MalformedXML'],
  ] as const) {
    const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${Bucket}`, query: 'publicAccessBlock', body });
    t.deepEqual([res.status, codeOf(res.body)], [400, code], body);
  }
  t.deepEqual((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration,
    { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
});

test('settings written racing DeleteBucket are never written back to the deleted bucket, nor to one re-created after it', async (t) => {
  for (let round = 0; round < 20; round++) {
    const Bucket = await newBucket();
    const writes = [
      s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } })),
      s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } })),
      s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] } })),
      s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket })),
      s3.send(new DeletePublicAccessBlockCommand({ Bucket })),
    ];
    const deleted = s3.send(new DeleteBucketCommand({ Bucket }));
    const outcomes = await Promise.allSettled([...writes, deleted]);
    t.is(outcomes.at(-1)!.status, 'fulfilled', 'the empty bucket is deleted');
    for (const o of outcomes.slice(0, -1)) {
      if (o.status === 'rejected') t.is((o.reason as Error).name, 'NoSuchBucket');
    }
    t.is((await errorOf(s3.send(new GetPublicAccessBlockCommand({ Bucket })))).name, 'NoSuchBucket', 'no write brought the bucket back');
    // Re-created: a bucket's settings start from S3's defaults, whatever the old one had.
    await s3.send(new CreateBucketCommand({ Bucket }));
    t.deepEqual((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration,
      { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    t.is(await ownershipOf(Bucket), 'BucketOwnerEnforced');
    t.is((await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled, false);
    await s3.send(new DeleteBucketCommand({ Bucket }));
  }
});

test('every new bucket field survives kill -9, and a bucket record without them (the format before this session) reads as S3\'s defaults', async (t) => {
  t.timeout(120_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let child = await startChild(args);
  try {
    let c = s3Client(child.endpoint);
    const [plain, preferred, bare, replaced] = ['plain', 'preferred', 'bare', 'replaced'].map((n) => `hos27-${n}`);
    // A default bucket's record names none of the new fields: it is the old record format.
    await c.send(new CreateBucketCommand({ Bucket: plain }));
    await c.send(new CreateBucketCommand({ Bucket: preferred, ACL: 'private' }));
    await c.send(new CreateBucketCommand({ Bucket: bare }));
    await c.send(new DeleteBucketOwnershipControlsCommand({ Bucket: bare }));
    await c.send(new DeletePublicAccessBlockCommand({ Bucket: bare }));
    await c.send(new CreateBucketCommand({ Bucket: replaced }));
    await c.send(new PutPublicAccessBlockCommand({ Bucket: replaced, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }));
    await c.send(new PutBucketEncryptionCommand({ Bucket: replaced, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] } }));
    c.destroy();
    await child.kill9();
    child = await startChild(args);
    c = s3Client(child.endpoint);
    t.is(await ownershipOf(plain, c), 'BucketOwnerEnforced');
    t.deepEqual((await c.send(new GetPublicAccessBlockCommand({ Bucket: plain }))).PublicAccessBlockConfiguration,
      { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    t.is((await c.send(new GetBucketEncryptionCommand({ Bucket: plain }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled, false);
    t.is(await ownershipOf(preferred, c), 'BucketOwnerPreferred');
    t.is((await errorOf(c.send(new GetBucketOwnershipControlsCommand({ Bucket: bare })))).name, 'OwnershipControlsNotFoundError');
    t.is((await errorOf(c.send(new GetPublicAccessBlockCommand({ Bucket: bare })))).name, 'NoSuchPublicAccessBlockConfiguration');
    t.deepEqual((await c.send(new GetPublicAccessBlockCommand({ Bucket: replaced }))).PublicAccessBlockConfiguration,
      { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true });
    t.is((await c.send(new GetBucketEncryptionCommand({ Bucket: replaced }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.BucketKeyEnabled, true);
    c.destroy();
  } finally {
    await child.stop();
    await tmp.remove();
  }
});

// versity/versitygw tests/integration CreateBucket_invalid_ownership (written to S3's answer):
// 400 InvalidArgument "Invalid x-amz-object-ownership header: invalid_ownership"; no bucket made.
for (const ownership of ['invalid_ownership', 'bucketownerpreferred', 'objectwriter']) {
  test(`CreateBucket with x-amz-object-ownership "${ownership}": 400 InvalidArgument, no bucket [versity/versitygw CreateBucket_invalid_ownership]`, async (t) => {
    const Bucket = uniqueBucket('hos27-own');
    const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${Bucket}`, headers: { 'x-amz-object-ownership': ownership } });
    t.deepEqual([res.status, codeOf(res.body), /<Message>([^<]*)<\/Message>/.exec(String(res.body))?.[1]],
      [400, 'InvalidArgument', `Invalid x-amz-object-ownership header: ${ownership}`]);
    t.is((await errorOf(s3.send(new GetBucketOwnershipControlsCommand({ Bucket })))).name, 'NoSuchBucket');
  });
}
