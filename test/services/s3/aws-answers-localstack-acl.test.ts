/**
 * PutBucketAcl and PutObjectAcl requests S3 refuses for what they say, before it looks at the
 * bucket's ACL setting: LocalStack's test_s3.py::TestS3::test_s3_bucket_acl_exceptions (recorded
 * on AWS 2023-08-03) and test_s3_object_acl_exceptions (2023-08-15, the same requests on an
 * existing key, the same answers), both on a bucket created with the defaults (the fixture
 * neither deletes the ownership controls nor the public access block, so the bucket was
 * BucketOwnerEnforced, as boltstack's are). None of the answers is AccessControlListNotSupported;
 * a well-formed ACL is (aws-captures-stackd-ownership.test.ts).
 */
import test from 'ava';
import {
  ListBucketsCommand, PutBucketAclCommand, type PutBucketAclCommandInput, PutObjectAclCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { LS, extra, serveRows } from './localstack-s3-rows.js';

const { newBucket } = serveRows();
const SOURCES = {
  PutBucketAcl: `${LS}::TestS3::test_s3_bucket_acl_exceptions (03-08-2023)`,
  PutObjectAcl: `${LS}::TestS3::test_s3_object_acl_exceptions (15-08-2023)`,
};
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const FAKE_GROUP = 'http://acs.amazonaws.com/groups/s3/FakeGroup';
const XML_ERROR = 'The XML you provided was not well-formed or did not validate against our published schema';

type Owner = { ID: string };
type Row = [label: string, input: (owner: Owner) => Omit<PutBucketAclCommandInput, 'Bucket'>, code: string, message: string, fields?: Record<string, string>];
const logDeliveryWrite = (grantee: Record<string, string> = { URI: LOG_DELIVERY, Type: 'Group' }, Permission = 'WRITE') =>
  [{ Grantee: grantee as { Type: 'Group' }, Permission: Permission as 'WRITE' }];

const rows: Row[] = [
  // S3's Message is empty (null in the snapshot); the SDK reports an empty Message as 'UnknownError'.
  ['put-bucket-canned-acl', () => ({ ACL: 'fake-acl' as 'private' }), 'InvalidArgument', 'UnknownError', { ArgumentName: 'x-amz-acl', ArgumentValue: 'fake-acl' }],
  ['put-bucket-grant-acl-fake-uri', () => ({ GrantWrite: `uri="${FAKE_GROUP}"` }), 'InvalidArgument', 'Invalid group uri', { ArgumentName: 'uri', ArgumentValue: FAKE_GROUP }],
  ['put-bucket-grant-acl-fake-key', () => ({ GrantWrite: 'fakekey="1234"' }), 'InvalidArgument', 'Argument format not recognized', { ArgumentName: 'x-amz-grant-write', ArgumentValue: 'fakekey="1234"' }],
  ['put-bucket-grant-acl-wrong-id', () => ({ GrantWrite: 'id="wrong-id"' }), 'InvalidArgument', 'Invalid id', { ArgumentName: 'id', ArgumentValue: 'wrong-id' }],
  ['put-bucket-acp-acl-1 (no Owner)', () => ({ AccessControlPolicy: { Grants: logDeliveryWrite() } }), 'MalformedACLError', XML_ERROR],
  ['put-bucket-acp-acl-2 (WRONG-PERMISSION)', (owner) => ({ AccessControlPolicy: { Owner: owner, Grants: logDeliveryWrite(undefined, 'WRONG-PERMISSION') } }), 'MalformedACLError', XML_ERROR],
  ['put-bucket-acp-acl-3 (Owner ID wrong-id)', () => ({ AccessControlPolicy: { Owner: { ID: 'wrong-id' }, Grants: logDeliveryWrite(undefined, 'FULL_CONTROL') } }),
    'InvalidArgument', 'Invalid id', { ArgumentName: 'CanonicalUser/ID', ArgumentValue: 'wrong-id' }],
  ['put-bucket-acp-acl-4 (FakeGroup)', (owner) => ({ AccessControlPolicy: { Owner: owner, Grants: logDeliveryWrite({ URI: FAKE_GROUP, Type: 'Group' }, 'FULL_CONTROL') } }),
    'InvalidArgument', 'Invalid group uri', { ArgumentName: 'Group/URI', ArgumentValue: FAKE_GROUP }],
  ['put-bucket-acp-acl-5 (grantee ID wrong-id)', (owner) => ({ AccessControlPolicy: { Owner: owner, Grants: logDeliveryWrite({ ID: 'wrong-id', Type: 'CanonicalUser' }, 'FULL_CONTROL') } }),
    'InvalidArgument', 'Invalid id', { ArgumentName: 'CanonicalUser/ID', ArgumentValue: 'wrong-id' }],
  ['put-bucket-acp-acl-6 (BadType)', (owner) => ({ AccessControlPolicy: { Owner: owner, Grants: logDeliveryWrite({ ID: 'wrong-id', Type: 'BadType' }, 'FULL_CONTROL') } }), 'MalformedACLError', XML_ERROR],
  ['put-bucket-empty-acp', () => ({ AccessControlPolicy: {} }), 'MalformedACLError', XML_ERROR],
  ['put-bucket-empty', () => ({}), 'MissingSecurityHeader', 'Your request was missing a required header', { MissingHeaderName: 'x-amz-acl' }],
  ['put-bucket-two-type-acl', () => ({ ACL: 'private', GrantRead: `uri="${LOG_DELIVERY}"` }), 'InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed'],
  ['put-bucket-two-type-acl-acp', (owner) => ({ ACL: 'private', AccessControlPolicy: { Owner: owner, Grants: [{ Grantee: { ID: owner.ID, Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] } }),
    'UnexpectedContent', 'This request does not support content'],
];

/** The row's request as PutBucketAcl, or as PutObjectAcl of an existing key (LocalStack's "object-key-acl"). */
const send = {
  PutBucketAcl: (s3: S3Client, Bucket: string, input: Omit<PutBucketAclCommandInput, 'Bucket'>) => s3.send(new PutBucketAclCommand({ Bucket, ...input })),
  PutObjectAcl: async (s3: S3Client, Bucket: string, input: Omit<PutBucketAclCommandInput, 'Bucket'>) => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'object-key-acl' }));
    return s3.send(new PutObjectAclCommand({ Bucket, Key: 'object-key-acl', ...input }));
  },
};

for (const [label, input, code, message, fields] of rows) for (const operation of ['PutBucketAcl', 'PutObjectAcl'] as const) {
  test(`${operation} ${label.replace('put-bucket', operation === 'PutBucketAcl' ? 'put-bucket' : 'put-object')}: 400 ${code} [${SOURCES[operation]}]`, async (t) => {
    const { s3, bucket } = await newBucket();
    const owner = { ID: (await s3.send(new ListBucketsCommand({}))).Owner!.ID! };
    const err = await errorOf(send[operation](s3, bucket, input(owner)));
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.name, code);
    t.is(err.message, message);
    for (const [name, value] of Object.entries(fields ?? {})) t.is(extra(err)[name], value, name);
  });
}
