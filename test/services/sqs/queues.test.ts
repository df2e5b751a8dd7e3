/**
 * Queue management through the SDK: CreateQueue idempotency and QueueAlreadyExists, attribute
 * validation, Set/GetQueueAttributes, ListQueues paging, tags, permissions, batch rules, message
 * content rules, and accounts that never see each other's queues.
 */
import test from 'ava';
import {
  AddPermissionCommand, CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, GetQueueUrlCommand,
  ListQueueTagsCommand, ListQueuesCommand, RemovePermissionCommand, SendMessageBatchCommand, SendMessageCommand,
  SetQueueAttributesCommand, TagQueueCommand, UntagQueueCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

test('CreateQueue is idempotent for equal attributes; a different value is QueueAlreadyExists', async (t) => {
  const QueueName = uniqueQueue('idem');
  const a = await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { VisibilityTimeout: '60' } }));
  const b = await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { VisibilityTimeout: '60' } }));
  t.is(b.QueueUrl, a.QueueUrl);
  t.is((await sqs.send(new CreateQueueCommand({ QueueName }))).QueueUrl, a.QueueUrl, 'no attributes: nothing to differ');
  t.is((await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { DelaySeconds: '0' } }))).QueueUrl, a.QueueUrl, 'a default value equals');
  const err = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName, Attributes: { VisibilityTimeout: '61' } })));
  t.is(err.name, 'QueueNameExists');
  t.is(err.Code, 'QueueAlreadyExists');
  t.is(err.message, 'A queue already exists with the same name and a different value for attribute VisibilityTimeout');
});

test('attribute validation: unknown names, out-of-range values, bad policies', async (t) => {
  const unknown = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('v'), Attributes: { Bogus: '1' } as Record<string, string> })));
  t.is(unknown.name, 'InvalidAttributeName');
  t.is(unknown.message, 'Unknown Attribute Bogus.');
  const range = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('v'), Attributes: { VisibilityTimeout: '43201' } })));
  t.is(range.name, 'InvalidAttributeValue');
  t.is(range.message, 'Invalid value for the parameter VisibilityTimeout.');
  const size = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('v'), Attributes: { MaximumMessageSize: '1048577' } })));
  t.is(size.name, 'InvalidAttributeValue');
  const policy = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('v'), Attributes: { Policy: '{not json' } })));
  t.is(policy.name, 'InvalidAttributeValue');
  const name = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' })));
  t.is(name.name, 'InvalidParameterValue');
  t.is(name.message, 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
  const long = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: 'x'.repeat(81) })));
  t.is(long.name, 'InvalidParameterValue');
});

test('SetQueueAttributes then GetQueueAttributes: set values, defaults, SSE and policies', async (t) => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('attrs') }));
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }] });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: {
    DelaySeconds: '5', MaximumMessageSize: '2048', ReceiveMessageWaitTimeSeconds: '2', Policy: policy,
    KmsMasterKeyId: 'alias/aws/sqs', RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'allowAll' }),
  } }));
  const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
  t.is(a.DelaySeconds, '5');
  t.is(a.MaximumMessageSize, '2048');
  t.is(a.ReceiveMessageWaitTimeSeconds, '2');
  t.is(a.VisibilityTimeout, '30');
  t.is(a.MessageRetentionPeriod, '345600');
  t.is(a.Policy, policy);
  t.is(a.KmsMasterKeyId, 'alias/aws/sqs');
  t.is(a.KmsDataKeyReusePeriodSeconds, '300');
  t.is(a.SqsManagedSseEnabled, 'false');
  t.is(a.RedriveAllowPolicy, JSON.stringify({ redrivePermission: 'allowAll' }));
  t.is(a.FifoQueue, undefined);
  const fifo = await sqsErrorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { FifoQueue: 'true' } })));
  t.is(fifo.name, 'InvalidAttributeName');
  const big = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(2049) })));
  t.is(big.name, 'InvalidParameterValue');
  t.is(big.message, 'One or more parameters are invalid. Reason: Message must be shorter than 2048 bytes.');
  const named = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['DelaySeconds'] }))).Attributes!;
  t.deepEqual(named, { DelaySeconds: '5' });
  const none = await sqs.send(new GetQueueAttributesCommand({ QueueUrl }));
  t.is(none.Attributes, undefined);
});

test('ListQueues with MaxResults pages with NextToken', async (t) => {
  const prefix = uniqueQueue('page');
  for (let i = 0; i < 5; i++) await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${i}` }));
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken }));
    t.true((page.QueueUrls ?? []).length <= 2);
    seen.push(...(page.QueueUrls ?? []));
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  t.deepEqual(seen.map((u) => u.split('/').pop()), [0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
});

test('tags and permissions', async (t) => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('tags'), tags: { a: '1' } }));
  await sqs.send(new TagQueueCommand({ QueueUrl, Tags: { b: '2', c: '3' } }));
  await sqs.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['c'] }));
  t.deepEqual((await sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags, { a: '1', b: '2' });
  await sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'send', AWSAccountIds: ['111122223333'], Actions: ['SendMessage'] }));
  const policy = JSON.parse((await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }))).Attributes!.Policy!) as { Statement: Array<Record<string, unknown>> };
  t.deepEqual(policy.Statement[0], {
    Sid: 'send', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'SQS:SendMessage', Resource: policy.Statement[0]!.Resource,
  });
  const dup = await sqsErrorOf(sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'send', AWSAccountIds: ['111122223333'], Actions: ['SendMessage'] })));
  t.is(dup.name, 'InvalidParameterValue');
  await sqs.send(new RemovePermissionCommand({ QueueUrl, Label: 'send' }));
  t.is((await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }))).Attributes, undefined);
});

test('batch rules: empty, too many, bad ids, repeated ids, too long', async (t) => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('batch') }));
  const empty = await sqsErrorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] })));
  t.is(empty.name, 'EmptyBatchRequest');
  t.is(empty.Code, 'AWS.SimpleQueueService.EmptyBatchRequest');
  const many = await sqsErrorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' })) })));
  t.is(many.name, 'TooManyEntriesInBatchRequest');
  t.is(many.message, 'Maximum number of entries per request are 10. You have sent 11.');
  const badId = await sqsErrorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'has space', MessageBody: 'x' }] })));
  t.is(badId.name, 'InvalidBatchEntryId');
  const repeated = await sqsErrorOf(sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', ReceiptHandle: 'x' }, { Id: 'a', ReceiptHandle: 'y' }] })));
  t.is(repeated.name, 'BatchEntryIdsNotDistinct');
  const body = 'x'.repeat(200 * 1024);
  const tooLong = await sqsErrorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 6 }, (_, i) => ({ Id: `m${i}`, MessageBody: body })) })));
  t.is(tooLong.name, 'BatchRequestTooLong');
  t.is(tooLong.message, `Batch requests cannot be longer than 1048576 bytes. You have sent ${6 * 200 * 1024} bytes.`);
});

test('message content rules: invalid characters, empty body, attribute types', async (t) => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('content') }));
  const chars = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'bad \u0000 char' })));
  t.is(chars.name, 'InvalidMessageContents');
  const empty = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '' })));
  t.is(empty.name, 'MissingParameter');
  const type = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: { a: { DataType: 'Integer', StringValue: '1' } } })));
  t.is(type.name, 'InvalidParameterValue');
  t.regex(type.message, /supported type prefixes: Binary, Number, String/);
  const number = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: { a: { DataType: 'Number', StringValue: 'abc' } } })));
  t.is(number.name, 'InvalidParameterValue');
  const dedup = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageDeduplicationId: 'd' })));
  t.regex(dedup.message, /not valid for this queue type/);
  // The whole 1 MiB is accepted (AWS's limit since 2025), one byte more is not.
  const max = 'y'.repeat(1_048_576);
  t.truthy((await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: max }))).MessageId);
  const over = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `${max}y` })));
  t.is(over.message, 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.');
});

test('two accounts never see each other\'s queues', async (t) => {
  const a = sqsClient(server.endpoint, '111122223333');
  const b = sqsClient(server.endpoint, '444455556666');
  const name = uniqueQueue('acct');
  const urlA = (await a.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  t.regex(urlA, /\/111122223333\//);
  t.is((await b.send(new ListQueuesCommand({ QueueNamePrefix: name }))).QueueUrls, undefined);
  t.is((await sqsErrorOf(b.send(new GetQueueUrlCommand({ QueueName: name })))).name, 'QueueDoesNotExist');
  // The same name in B is B's own queue.
  const urlB = (await b.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '5' } }))).QueueUrl!;
  t.regex(urlB, /\/444455556666\//);
  t.is((await a.send(new GetQueueAttributesCommand({ QueueUrl: urlA, AttributeNames: ['VisibilityTimeout'] }))).Attributes?.VisibilityTimeout, '30');
  // GetQueueUrl with the owner's account finds it.
  t.is((await b.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: '111122223333' }))).QueueUrl, urlA);
  a.destroy();
  b.destroy();
});
