/**
 * Changes of one queue's record sent together (race26). AWS applies every accepted
 * SetQueueAttributes and TagQueue (API_SetQueueAttributes.html, API_TagQueue.html) and a deleted
 * queue stays deleted (API_DeleteQueue.html); no capture records overlapping calls, so these rows
 * pin the invariants. Before store.ts recordChanges, each change read the queue's record, then
 * stored it whole: two SetQueueAttributes and two TagQueue sent together kept one of each in 10
 * of 10 rounds, and one racing DeleteQueue stored the record again after its removal, so all 10
 * deleted queues were back after a restart. Both rows fail without the section (checked).
 * StartMessageMoveTask checked for a running task before its awaits: three sent together ran
 * three tasks of one source (AWS allows one); the last row fails without the second check (checked).
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ListQueuesCommand, ListQueueTagsCommand, SendMessageCommand,
  SetQueueAttributesCommand, StartMessageMoveTaskCommand, TagQueueCommand,
} from '@aws-sdk/client-sqs';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { sqsClient } from '../../helpers/sqs.js';

const ROUNDS = 8;

test('two SetQueueAttributes and two TagQueue of one queue sent together all hold', async (t) => {
  const dir = await tempDir();
  const server = await startBoltstack({ dataDir: dir.dir });
  t.teardown(async () => { await server.stop(); await dir.remove(); });
  const sqs = sqsClient(server.endpoint);
  for (let round = 0; round < ROUNDS; round++) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `together-${round}` }));
    await Promise.all([
      sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '77' } })),
      sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { DelaySeconds: '5' } })),
      sqs.send(new TagQueueCommand({ QueueUrl, Tags: { first: 'a' } })),
      sqs.send(new TagQueueCommand({ QueueUrl, Tags: { second: 'b' } })),
    ]);
    const attributes = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout', 'DelaySeconds'] }))).Attributes!;
    t.deepEqual(attributes, { VisibilityTimeout: '77', DelaySeconds: '5' }, `round ${round}`);
    t.deepEqual((await sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags, { first: 'a', second: 'b' }, `round ${round}`);
  }
});

test('SetQueueAttributes and TagQueue racing DeleteQueue leave the queue deleted, also after a restart', async (t) => {
  const dir = await tempDir();
  t.teardown(() => dir.remove());
  const first = await startBoltstack({ dataDir: dir.dir });
  let sqs = sqsClient(first.endpoint);
  for (let round = 0; round < ROUNDS; round++) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `deleted-${round}` }));
    const outcomes = await Promise.allSettled([
      sqs.send(new DeleteQueueCommand({ QueueUrl })),
      sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '78' } })),
      sqs.send(new TagQueueCommand({ QueueUrl, Tags: { late: 'yes' } })),
    ]);
    t.is(outcomes[0]!.status, 'fulfilled');
    // Each change ran before the delete, or after it and found no queue.
    for (const o of outcomes.slice(1)) if (o.status === 'rejected') t.is((o.reason as Error).name, 'QueueDoesNotExist');
  }
  t.is((await sqs.send(new ListQueuesCommand({}))).QueueUrls, undefined);
  await first.stop();
  const second = await startBoltstack({ dataDir: dir.dir });
  t.teardown(() => second.stop());
  sqs = sqsClient(second.endpoint);
  t.is((await sqs.send(new ListQueuesCommand({}))).QueueUrls, undefined, 'no deleted queue comes back');
});

test('StartMessageMoveTask of one source sent together starts one task; the others are told one runs', async (t) => {
  const dir = await tempDir();
  const server = await startBoltstack({ dataDir: dir.dir });
  t.teardown(async () => { await server.stop(); await dir.remove(); });
  const sqs = sqsClient(server.endpoint);
  for (let round = 0; round < 4; round++) {
    const { QueueUrl: dlqUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `move-dlq-${round}` }));
    const SourceArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    await sqs.send(new CreateQueueCommand({ QueueName: `move-source-${round}`, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: SourceArn, maxReceiveCount: 1 }) } }));
    await sqs.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: 'to move' }));
    const outcomes = await Promise.allSettled([0, 1, 2].map(() => sqs.send(new StartMessageMoveTaskCommand({ SourceArn, MaxNumberOfMessagesPerSecond: 1 }))));
    t.is(outcomes.filter((o) => o.status === 'fulfilled').length, 1, `round ${round}`);
    // "There is already a task running. …" (localstack tests/aws/services/sqs/test_sqs_move_task.snapshot.json
    // test_start_multiple_move_tasks, 2024-01-05, as test/services/sqs/aws-answers-2025.test.ts reads it).
    for (const o of outcomes) if (o.status === 'rejected') t.regex((o.reason as Error).message, /^There is already a task running/);
    const tasks = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn, MaxResults: 10 }))).Results!;
    t.is(tasks.length, 1, `round ${round}: one task`);
  }
});
