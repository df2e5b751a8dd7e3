/**
 * A replay of the calls the Terraform AWS provider makes for aws_sqs_queue (standard, FIFO,
 * redrive to a DLQ), aws_sqs_queue_policy and aws_sqs_queue_redrive_allow_policy
 * (../shared/conformance/terraform-aws-calls.md §4): create with the attributes it always sends,
 * its waiter (GetQueueAttributes All returns every sent attribute as the same string), read,
 * update, refresh without drift, and delete until NonExistentQueue with the query-error header.
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListQueueTagsCommand, SetQueueAttributesCommand,
  TagQueueCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

/** What the provider sends on create even at defaults (v5.46; MaximumMessageSize was 262144 then). */
const ALWAYS = { DelaySeconds: '0', MaximumMessageSize: '262144', MessageRetentionPeriod: '345600', ReceiveMessageWaitTimeSeconds: '0', VisibilityTimeout: '30' };

async function readAll(QueueUrl: string): Promise<Record<string, string>> {
  return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
}

/** The provider's waiter: every sent attribute present with an equal string. */
async function assertApplied(t: { is(a: unknown, b: unknown, m?: string): void }, QueueUrl: string, sent: Record<string, string>): Promise<void> {
  const got = await readAll(QueueUrl);
  for (const [k, v] of Object.entries(sent)) t.is(got[k], v, k);
}

test('aws_sqs_queue with a DLQ and redrive allow policy: create, wait, read, update, refresh, delete', async (t) => {
  const dlqName = uniqueQueue('tf-dlq');
  const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: dlqName, Attributes: ALWAYS }))).QueueUrl!;
  await assertApplied(t, dlqUrl, ALWAYS);
  const dlqArn = (await readAll(dlqUrl)).QueueArn!;
  // Terraform normalises JSON with sorted keys; the provider compares what it reads back as a string.
  const redrive = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });
  const name = uniqueQueue('tf-main');
  const sent = { ...ALWAYS, RedrivePolicy: redrive, SqsManagedSseEnabled: 'true' };
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: sent, tags: { env: 'test' } }))).QueueUrl!;
  const path = new URL(url).pathname.split('/');
  t.deepEqual(path, ['', '000000000000', name], 'Read splits the URL path into ["", account, name]');
  await assertApplied(t, url, sent);
  t.deepEqual((await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags, { env: 'test' });
  // A string maxReceiveCount or spaces come back as AWS writes them.
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: `{ "maxReceiveCount": "5", "deadLetterTargetArn": "${dlqArn}" }` } }));
  t.is((await readAll(url)).RedrivePolicy, JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }));
  // aws_sqs_queue_redrive_allow_policy on the DLQ.
  const allow = JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [(await readAll(url)).QueueArn] });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlqUrl, Attributes: { RedriveAllowPolicy: allow } }));
  await assertApplied(t, dlqUrl, { RedriveAllowPolicy: allow });
  // Update: only the changed attributes, then the waiter; tags changed by TagQueue.
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '60' } }));
  await sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { env: 'prod' } }));
  await assertApplied(t, url, { ...sent, RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }), VisibilityTimeout: '60' });
  // Refresh twice: nothing changes between reads (no drift).
  t.deepEqual(await readAll(url), await readAll(url));
  // Delete, then poll until NonExistentQueue (the provider reads the legacy code from x-amzn-query-error).
  await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
  const gone = await sqsErrorOf(sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })));
  t.is(gone.Code, 'AWS.SimpleQueueService.NonExistentQueue');
  const again = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: sent })));
  t.is(again.Code, 'AWS.SimpleQueueService.QueueDeletedRecently', 'the provider retries this for 70 s');
});

test('aws_sqs_queue FIFO: the FIFO attributes read back as sent; aws_sqs_queue_policy set and cleared', async (t) => {
  const sent = { ...ALWAYS, FifoQueue: 'true', ContentBasedDeduplication: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' };
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: `${uniqueQueue('tf-fifo')}.fifo`, Attributes: sent }))).QueueUrl!;
  await assertApplied(t, url, sent);
  const arn = (await readAll(url)).QueueArn!;
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn }] });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: policy } }));
  t.is((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes?.Policy, policy);
  // Delete of aws_sqs_queue_policy: the empty string clears it.
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: '' } }));
  t.is((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes?.Policy, undefined);
  // Creating again with the same attributes is idempotent (a re-applied plan).
  t.is((await sqs.send(new CreateQueueCommand({ QueueName: new URL(url).pathname.split('/')[2]!, Attributes: sent }))).QueueUrl, url);
});
