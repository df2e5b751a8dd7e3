/**
 * ACLs on object writes in a bucket whose ACLs are disabled (Object Ownership
 * BucketOwnerEnforced, S3's default and boltstack's only mode), as native AWS S3 answered them
 * (radkawar/stackd testdata/aws/s3/ownership_replay.json, scenario
 * same-account-creation-admission-and-disabled-acl-apis, 2026; calls re-expressed as SDK inputs,
 * the captured payloads and ETags kept). An ACL that only gives the bucket owner what it has is
 * accepted; any other is 400 AccessControlListNotSupported and nothing is written. Whatever ACL
 * an object was written with, GetObjectAcl answers the owner's FULL_CONTROL; PutBucketAcl and
 * PutObjectAcl refuse every ACL, the owner's own included, and change nothing.
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetBucketAclCommand,
  GetObjectAclCommand, HeadObjectCommand, ListBucketsCommand, type ObjectCannedACL, PutBucketAclCommand, PutObjectAclCommand,
  PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
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
const WRITTEN = ['put_object', 'copy_object', 'create_multipart_upload'];

/** The ACL AWS answers for the bucket and every object in it (seq 5, 12 ...): the owner's FULL_CONTROL, no DisplayName. */
const ownerOnly = () => ({ Owner: { ID: owner }, Grants: [{ Grantee: { ID: owner, Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] });
const aclOf = ({ Owner, Grants }: { Owner?: unknown; Grants?: unknown }) => ({ Owner, Grants });

test(`GetBucketAcl: the owner's FULL_CONTROL, without DisplayName [${SRC} seq 5]`, async (t) => {
  t.deepEqual(aclOf(await s3.send(new GetBucketAclCommand({ Bucket }))), ownerOnly());
});

test(`GetBucketAcl and GetObjectAcl on the wire: the grantee's type is its xsi:type attribute, the one Terraform's provider reads [${SRC} seq 5, 12; AWS API Reference, GetBucketAcl response syntax]`, async (t) => {
  const grantee = `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${owner}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>`;
  const expected = '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    + `<Owner><ID>${owner}</ID></Owner><AccessControlList>${grantee}</AccessControlList></AccessControlPolicy>`;
  for (const path of [`/${Bucket}`, `/${Bucket}/source`]) {
    const res = await signedRequest(server.endpoint, { method: 'GET', path, query: 'acl=' });
    t.is(res.status, 200, path);
    t.is(res.body.toString(), expected, path);
  }
});
const ACCEPTED_ETAGS = ['"fc054efd8dc0ba0e885eddf8ef94b0c6"', '"510653ad967201e451e84c920f916481"', '"94c52dbd8f331893cc61e6b0f55515ff"', '"e437e42c048367901c91efd9b73ea7a8-1"'];

const accepted: [string, string, () => Acl][] = [
  ['seq 11-18', 'no ACL', () => ({})],
  ['seq 19-26', 'canned private', () => ({ ACL: 'private' })],
  ['seq 27-34', 'canned bucket-owner-full-control', () => ({ ACL: 'bucket-owner-full-control' })],
  ['seq 35-42', 'canned bucket-owner-read', () => ({ ACL: 'bucket-owner-read' })],
  ['seq 46-53', 'x-amz-grant-full-control naming the owner', () => ({ GrantFullControl: `id="${owner}"` })],
];
for (const [seq, title, acl] of accepted) {
  test(`PutObject, CopyObject and CreateMultipartUpload with ${title} are accepted, and GetObjectAcl answers the owner's FULL_CONTROL [${SRC} ${seq}]`, async (t) => {
    const label = title.replace(/\W+/g, '-');
    t.deepEqual(await writes(label, acl), ACCEPTED_ETAGS);
    for (const written of WRITTEN) t.deepEqual(aclOf(await s3.send(new GetObjectAclCommand({ Bucket, Key: `${label}-${written}` }))), ownerOnly(), written);
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

type AclWrite = { ACL?: ObjectCannedACL; GrantFullControl?: string; GrantRead?: string };
const aclWrites: [string, string, () => AclWrite][] = [
  ['seq 57-60', 'canned private', () => ({ ACL: 'private' })],
  ['seq 61-64', 'canned bucket-owner-full-control', () => ({ ACL: 'bucket-owner-full-control' })],
  ['seq 65-68', 'canned bucket-owner-read', () => ({ ACL: 'bucket-owner-read' })],
  ['seq 69-72', 'canned public-read', () => ({ ACL: 'public-read' })],
  ['seq 73-76', 'x-amz-grant-full-control naming the owner', () => ({ GrantFullControl: `id="${owner}"` })],
  ['seq 77-79', 'x-amz-grant-read naming the owner', () => ({ GrantRead: `id="${owner}"` })],
];
for (const [seq, title, acl] of aclWrites) {
  test(`PutBucketAcl and PutObjectAcl with ${title} are 400 AccessControlListNotSupported, and both ACLs stay the owner's FULL_CONTROL [${SRC} ${seq}]`, async (t) => {
    const calls = [
      s3.send(new PutBucketAclCommand({ Bucket, ...acl() as { ACL?: 'private' } })),
      s3.send(new PutObjectAclCommand({ Bucket, Key: 'source', ...acl() })),
    ];
    for (const call of calls) {
      const err = await errorOf(call);
      t.is(err.$metadata.httpStatusCode, 400);
      t.is(err.name, 'AccessControlListNotSupported');
      t.is(err.message, 'The bucket does not allow ACLs');
    }
    t.deepEqual(aclOf(await s3.send(new GetBucketAclCommand({ Bucket }))), ownerOnly());
    t.deepEqual(aclOf(await s3.send(new GetObjectAclCommand({ Bucket, Key: 'source' }))), ownerOnly());
  });
}

test(`an AccessControlPolicy body is refused as the headers are, whatever it grants [${SRC} seq 57-79 (the refusal); AWS User Guide, "Controlling ownership of objects and disabling ACLs": requests to set ACLs fail with AccessControlListNotSupported]`, async (t) => {
  const policies = [
    { Owner: { ID: owner }, Grants: [{ Grantee: { ID: owner, Type: 'CanonicalUser' as const }, Permission: 'FULL_CONTROL' as const }] },
    { Owner: { ID: owner }, Grants: [] },
    { Owner: { ID: owner }, Grants: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers', Type: 'Group' as const }, Permission: 'READ' as const }] },
  ];
  for (const AccessControlPolicy of policies) {
    for (const call of [s3.send(new PutBucketAclCommand({ Bucket, AccessControlPolicy })), s3.send(new PutObjectAclCommand({ Bucket, Key: 'source', AccessControlPolicy }))]) {
      t.is((await errorOf(call)).name, 'AccessControlListNotSupported', JSON.stringify(AccessControlPolicy));
    }
  }
});

test(`GetObjectAcl and PutObjectAcl of a key that does not exist are 404 NoSuchKey; of a bucket that does not exist, NoSuchBucket [${SRC} seq 360, 365]`, async (t) => {
  for (const call of [
    s3.send(new GetObjectAclCommand({ Bucket, Key: 'never-created' })),
    s3.send(new PutObjectAclCommand({ Bucket, Key: 'never-created', ACL: 'private' })),
  ]) {
    const err = await errorOf(call);
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.name, 'NoSuchKey');
  }
  for (const call of [
    s3.send(new GetBucketAclCommand({ Bucket: 'ownership-missing' })),
    s3.send(new GetObjectAclCommand({ Bucket: 'ownership-missing', Key: 'source' })),
    s3.send(new PutBucketAclCommand({ Bucket: 'ownership-missing', ACL: 'private' })),
    s3.send(new PutObjectAclCommand({ Bucket: 'ownership-missing', Key: 'source', ACL: 'private' })),
  ]) {
    const err = await errorOf(call);
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.name, 'NoSuchBucket');
  }
});

test(`GetObjectAcl with versionId=null answers the object's ACL, as GetObject and HeadObject answer it in a never-versioned bucket; another version id is not emulated [radkawar/stackd testdata/aws/s3/versioning_null.json unversioned-explicit-null-get-object]`, async (t) => {
  t.deepEqual(aclOf(await s3.send(new GetObjectAclCommand({ Bucket, Key: 'source', VersionId: 'null' }))), ownerOnly());
  const err = await errorOf(s3.send(new GetObjectAclCommand({ Bucket, Key: 'source', VersionId: 'T1h8vBhGAUwX4pt3IFSNtWUJQbelvYlA' })));
  t.is(err.name, 'NotImplemented');
  t.true(err.message.includes('VersionId'), err.message);
});

test('an e-mail grantee, grant headers beside a body, and a grantee without its ID stay NotImplemented: no source records S3\'s answer to them', async (t) => {
  const policy = { Owner: { ID: owner }, Grants: [{ Grantee: { ID: owner, Type: 'CanonicalUser' as const }, Permission: 'FULL_CONTROL' as const }] };
  const cases: [string, () => Promise<unknown>][] = [
    ['GrantRead', () => s3.send(new PutBucketAclCommand({ Bucket, GrantRead: 'emailAddress="someone@example.com"' }))],
    ['GrantRead', () => s3.send(new PutObjectAclCommand({ Bucket, Key: 'source', GrantRead: 'emailAddress="someone@example.com"' }))],
    ['AccessControlPolicy', () => s3.send(new PutBucketAclCommand({ Bucket, GrantRead: `id="${owner}"`, AccessControlPolicy: policy }))],
    ['AccessControlPolicy', () => s3.send(new PutObjectAclCommand({ Bucket, Key: 'source', AccessControlPolicy: { Owner: { ID: owner }, Grants: [{ Grantee: { Type: 'CanonicalUser' }, Permission: 'READ' }] } }))],
    ['AccessControlPolicy', () => s3.send(new PutBucketAclCommand({ Bucket, AccessControlPolicy: { Owner: { ID: owner }, Grants: [{ Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'someone@example.com' }, Permission: 'READ' }] } }))],
  ];
  for (const [member, call] of cases) {
    const err = await errorOf(call());
    t.is(err.name, 'NotImplemented', member);
    t.true(err.message.includes(member), err.message);
  }
});
