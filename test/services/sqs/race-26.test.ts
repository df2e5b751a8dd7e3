/**
 * Changes of one queue's record sent together (race26). AWS applies every accepted
 * SetQueueAttributes and TagQueue (API_SetQueueAttributes.html, API_TagQueue.html) and a deleted
 * queue stays deleted (API_DeleteQueue.html); no capture records overlapping calls, so these rows
 * pin the invariants. Before store.ts recordChanges, each change read the queue's record, then
 * stored it whole: two SetQueueAttributes and two TagQueue sent together kept one of each in 10
 * of 10 rounds, and one racing DeleteQueue stored the record again after its removal, so all 10
 * deleted queues were back after a restart. Both rows fail without the section (checked).
 */
import test from 'ava';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand, SetQueueAttributesCommand, TagQueueCommand } from '@aws-sdk/client-sqs';
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
