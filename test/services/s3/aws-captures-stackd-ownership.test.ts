/**
 * ACLs on object writes in a bucket whose ACLs are disabled (Object Ownership
 * BucketOwnerEnforced, S3's default and boltstack's only mode), as native AWS S3 answered them
 * (radkawar/stackd testdata/aws/s3/ownership_replay.json, scenario
 * same-account-creation-admission-and-disabled-acl-apis, 2026; calls re-expressed as SDK inputs,
 * the captured payloads and ETags kept). An ACL that only gives the bucket owner what it has is
 * accepted; any other is 400 AccessControlListNotSupported and nothing is written. The
 * GetObjectAcl, GetBucketAcl, PutBucketAcl and PutObjectAcl rows are not replayed: boltstack does
 * not implement those operations (they answer NotImplemented).
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand,
  ListBucketsCommand, type ObjectCannedACL, PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let owner: string;
const Bucket = 'ownership-main';
const SRC = 'radkawar/stackd testdata/aws/s3/ownership_replay.json';
const CopySource = `${Bucket}/source`;

test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
  // Setup seq 8: the copy source.
  await s3.send(new PutObjectCommand({ Bucket, Key: 'source', Body: 'harmless ownership fixture\n' }));
  // The owner's canonical id, which the capture bound from GetBucketAcl (seq 5).
  owner = (await s3.send(new ListBucketsCommand({}))).Owner!.ID!;
});
test.after.always(async () => { await server?.stop(); });

type Acl = { ACL?: ObjectCannedACL; GrantFullControl?: string; GrantRead?: string };

/** PutObject, CopyObject and a one-part multipart upload of `Key`-prefixed keys with `acl`. */
async function writes(label: string, acl: () => Acl) {
  const put = await s3.send(new PutObjectCommand({ Bucket, Key: `${label}-put_object`, Body: 'harmless acl admission\n', ...acl() }));
  const copy = await s3.send(new CopyObjectCommand({ Bucket, Key: `${label}-copy_object`, CopySource, ...acl() }));
  const Key = `${label}-create_multipart_upload`;
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ...acl() }));
  const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'harmless multipart\n' }));
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag! }] } }));
  return [put.ETag, copy.CopyObjectResult?.ETag, part.ETag, done.ETag];
}
const ACCEPTED_ETAGS = ['"fc054efd8dc0ba0e885eddf8ef94b0c6"', '"510653ad967201e451e84c920f916481"', '"94c52dbd8f331893cc61e6b0f55515ff"', '"e437e42c048367901c91efd9b73ea7a8-1"'];

const accepted: [string, string, () => Acl][] = [
  ['seq 11-18', 'no ACL', () => ({})],
  ['seq 19-26', 'canned private', () => ({ ACL: 'private' })],
  ['seq 27-34', 'canned bucket-owner-full-control', () => ({ ACL: 'bucket-owner-full-control' })],
  ['seq 35-42', 'canned bucket-owner-read', () => ({ ACL: 'bucket-owner-read' })],
  ['seq 46-53', 'x-amz-grant-full-control naming the owner', () => ({ GrantFullControl: `id="${owner}"` })],
];
for (const [seq, title, acl] of accepted) {
  test(`PutObject, CopyObject and CreateMultipartUpload with ${title} are accepted [${SRC} ${seq}]`, async (t) => {
    t.deepEqual(await writes(title.replace(/\W+/g, '-'), acl), ACCEPTED_ETAGS);
  });
}

const refused: [string, string, () => Acl][] = [
  ['seq 43-45', 'canned public-read', () => ({ ACL: 'public-read' })],
  ['seq 54-56', 'x-amz-grant-read naming the owner', () => ({ GrantRead: `id="${owner}"` })],
];
for (const [seq, title, acl] of refused) {
  test(`PutObject, CopyObject and CreateMultipartUpload with ${title} are 400 AccessControlListNotSupported, and nothing is written [${SRC} ${seq}]`, async (t) => {
    const Key = title.replace(/\W+/g, '-');
    const calls = [
      s3.send(new PutObjectCommand({ Bucket, Key: `${Key}-put`, Body: 'harmless acl admission\n', ...acl() })),
      s3.send(new CopyObjectCommand({ Bucket, Key: `${Key}-copy`, CopySource, ...acl() })),
      s3.send(new CreateMultipartUploadCommand({ Bucket, Key: `${Key}-mpu`, ...acl() })),
    ];
    for (const call of calls) {
      const err = await errorOf(call);
      t.is(err.$metadata.httpStatusCode, 400);
      t.is(err.name, 'AccessControlListNotSupported');
      t.is(err.message, 'The bucket does not allow ACLs');
    }
    for (const suffix of ['put', 'copy']) {
      t.is((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: `${Key}-${suffix}` })))).$metadata.httpStatusCode, 404);
    }
  });
}

test(`a canned ACL that grants others (public-read-write, authenticated-read, aws-exec-read) is refused as public-read is; a grant to another id too [${SRC} seq 43-45, 54-56; AWS User Guide, "Controlling ownership of objects and disabling ACLs"]`, async (t) => {
  const other = 'f'.repeat(64);
  const cases: Acl[] = [
    { ACL: 'public-read-write' }, { ACL: 'authenticated-read' }, { ACL: 'aws-exec-read' },
    { GrantFullControl: `id="${other}"` }, { GrantFullControl: `id="${owner}", uri="http://acs.amazonaws.com/groups/global/AllUsers"` },
  ];
  for (const acl of cases) {
    const err = await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'refused', Body: 'x', ...acl })));
    t.is(err.name, 'AccessControlListNotSupported', JSON.stringify(acl));
  }
});
