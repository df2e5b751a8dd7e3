/**
 * The catalogue comes from the current SDK models (src/model/codegen): operations AWS added since
 * the aws-sdk v2 models froze exist and answer NotImplemented through the real clients, DynamoDB
 * Streams is a service of its own, and members of implemented operations that boltstack does
 * not emulate are refused naming the parameter (DESIGN.md §7), never ignored.
 */
import test from 'ava';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { CreateBucketCommand, PutObjectCommand, RenameObjectCommand } from '@aws-sdk/client-s3';
import { CREDENTIALS, s3Client, startBoltstack, uniqueBucket } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const endpoint = (): string => `http://127.0.0.1:${server.port}`;

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

test('DynamoDB Streams is a service of its own: ListStreams reaches it through the real client', async (t) => {
  const client = new DynamoDBStreamsClient({ endpoint: endpoint(), region: 'us-east-1', credentials: CREDENTIALS });
  const out = await client.send(new ListStreamsCommand({}));
  t.deepEqual(out.Streams, []);
  client.destroy();
});

test('S3 RenameObject (not in the aws-sdk v2 model) answers NotImplemented', async (t) => {
  const s3 = s3Client(endpoint());
  const Bucket = uniqueBucket('rename');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const err = await t.throwsAsync(s3.send(new RenameObjectCommand({ Bucket, Key: 'b', RenameSource: `${Bucket}/a` }))) as unknown as SdkError;
  t.is(err.name, 'NotImplemented');
  t.is(err.$metadata.httpStatusCode, 501);
  t.regex(err.message, /RenameObject/);
  s3.destroy();
});

test('PutObject with x-amz-write-offset-bytes or an object-lock legal hold is refused naming the parameter', async (t) => {
  const s3 = s3Client(endpoint());
  const Bucket = uniqueBucket('gates');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const offset = await t.throwsAsync(s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', WriteOffsetBytes: 0 }))) as unknown as SdkError;
  t.is(offset.name, 'NotImplemented');
  t.regex(offset.message, /WriteOffsetBytes/);
  // (If-Match, gated here before, is implemented: test/services/s3/conditional-writes.test.ts.)
  // (An ACL grant is answered as a BucketOwnerEnforced bucket answers it: aws-captures-stackd-ownership.test.ts.)
  const hold = await t.throwsAsync(s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ObjectLockLegalHoldStatus: 'ON' }))) as unknown as SdkError;
  t.is(hold.name, 'NotImplemented');
  t.regex(hold.message, /ObjectLockLegalHoldStatus/);
  s3.destroy();
});

test('capabilities list every operation of the current models, DynamoDB Streams included', async (t) => {
  const res = await fetch(`${endpoint()}/_boltstack/capabilities`);
  const body = await res.json() as Record<string, { operations: Record<string, boolean> }>;
  t.true(Object.keys(body.s3!.operations).length >= 112);
  t.false(body.s3!.operations.RenameObject);
  t.true(body.s3!.operations.PutObject);
  t.true(body.dynamodbstreams!.operations.GetRecords);
  t.false(body.dynamodb!.operations.SearchVectors);
});
