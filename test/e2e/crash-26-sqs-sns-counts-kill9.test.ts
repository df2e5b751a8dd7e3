/**
 * kill -9 while SQS sends, receives, changes visibility and deletes in batches and SNS fans
 * publishes out to two SQS subscriptions, with a purged queue and a deleted queue beside them
 * (DESIGN.md §5, §8b: message + queue counters in one batch; a publish's deliveries in one batch
 * with its SQS sends). After the restart: no acknowledged send or publish is lost (each reaches
 * every subscription), no acknowledged delete comes back, ApproximateNumberOfMessages +
 * ApproximateNumberOfMessagesNotVisible equal the messages that can be received, nothing sent
 * before an acknowledged PurgeQueue comes back, and a deleted queue stays deleted. Found clean
 * by the crash-26 torture pass; pinned because the counters are kept apart from the messages.
 */
import test from 'ava';
import {
  ChangeMessageVisibilityBatchCommand, CreateQueueCommand, DeleteMessageBatchCommand, DeleteQueueCommand, GetQueueAttributesCommand,
  GetQueueUrlCommand, PurgeQueueCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient,
} from '@aws-sdk/client-sqs';
import { CreateTopicCommand, PublishBatchCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CREDENTIALS, startChild, tempDir, type ChildServer } from '../helpers/server.js';

const sqsClient = (endpoint: string): SQSClient => new SQSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
const snsClient = (endpoint: string): SNSClient => new SNSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function counts(sqs: SQSClient, QueueUrl: string): Promise<number> {
  const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes!;
  return Number(a.ApproximateNumberOfMessages) + Number(a.ApproximateNumberOfMessagesNotVisible);
}

/**
 * Receives (and deletes) until a receive finds nothing, and at least `minMs` (past every
 * visibility timeout a message in flight at the kill can still have).
 */
async function drain(sqs: SQSClient, QueueUrl: string, minMs: number): Promise<Set<string>> {
  const seen = new Set<string>();
  let empties = 0;
  const started = Date.now();
  while ((empties < 1 || Date.now() - started < minMs) && Date.now() - started < 15_000) {
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages ?? [];
    empties = got.length === 0 ? empties + 1 : 0;
    for (const m of got) seen.add(m.Body!);
    if (got.length > 0) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: got.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return seen;
}

test('kill -9 during SQS batches and SNS fan-out: nothing acknowledged lost, counts agree with what can be received', async (t) => {
  const tmp = await tempDir();
  let server: ChildServer | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let sqs = sqsClient(server.endpoint);
    let sns = snsClient(server.endpoint);
    const url = async (QueueName: string): Promise<string> => (await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl!;
    const main = (await sqs.send(new CreateQueueCommand({ QueueName: 'crash-main', Attributes: { VisibilityTimeout: '2' } }))).QueueUrl!;
    const purged = (await sqs.send(new CreateQueueCommand({ QueueName: 'crash-purged' }))).QueueUrl!;
    const doomed = (await sqs.send(new CreateQueueCommand({ QueueName: 'crash-deleted' }))).QueueUrl!;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'crash-topic' }));
    const subscribers = ['crash-sub-a', 'crash-sub-b'];
    for (const QueueName of subscribers) {
      const QueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName, Attributes: { VisibilityTimeout: '2' } }))).QueueUrl!;
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: arn, Attributes: { RawMessageDelivery: 'true' } }));
    }
    const purgedBodies = Array.from({ length: 10 }, (_, i) => `purged-${i}`);
    for (const QueueUrl of [purged, doomed]) await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: purgedBodies.map((MessageBody, i) => ({ Id: `e${i}`, MessageBody })) }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl: purged }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: doomed }));

    const sent = new Set<string>();
    const deleted = new Set<string>();
    const deleteUnanswered = new Set<string>();
    const published = new Set<string>();
    let running = true;
    let n = 0;
    const sender = async (): Promise<void> => {
      while (running) {
        const bodies = Array.from({ length: 10 }, () => `m${n++}`);
        try {
          await sqs.send(new SendMessageBatchCommand({ QueueUrl: main, Entries: bodies.map((MessageBody, i) => ({ Id: `e${i}`, MessageBody })) }));
          for (const b of bodies) sent.add(b);
        } catch { return; }
      }
    };
    const consumer = async (): Promise<void> => {
      while (running) {
        try {
          const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: main, MaxNumberOfMessages: 10 }))).Messages ?? [];
          const kept = got.filter((_, i) => i % 3 === 0);
          const done = got.filter((_, i) => i % 3 !== 0);
          if (kept.length > 0) await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: main, Entries: kept.map((m, i) => ({ Id: `v${i}`, ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: i % 2 === 0 ? 3 : 0 })) }));
          if (done.length === 0) continue;
          for (const m of done) deleteUnanswered.add(m.Body!);
          const out = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: main, Entries: done.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
          const ok = new Set((out.Successful ?? []).map((s) => s.Id));
          done.forEach((m, i) => { deleteUnanswered.delete(m.Body!); if (ok.has(`d${i}`)) deleted.add(m.Body!); });
        } catch { return; }
      }
    };
    const publisher = async (): Promise<void> => {
      while (running) {
        const bodies = Array.from({ length: 10 }, () => `p${n++}`);
        try {
          await sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: bodies.map((Message, i) => ({ Id: `p${i}`, Message })) }));
          for (const b of bodies) published.add(b);
        } catch { return; }
      }
    };
    const loops = Promise.all([sender(), sender(), consumer(), consumer(), publisher()]);
    const started = Date.now();
    while ((sent.size < 300 || deleted.size < 50 || published.size < 100) && Date.now() - started < 10_000) await sleep(10);
    await sleep(Math.random() * 100);
    await server.kill9();
    running = false;
    await loops;
    sqs.destroy();
    sns.destroy();
    t.true(sent.size >= 300 && deleted.size >= 50 && published.size >= 100, `acknowledged: ${sent.size} sends, ${deleted.size} deletes, ${published.size} publishes`);

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    sqs = sqsClient(server.endpoint);
    const mainUrl = await url('crash-main');
    const counted = await counts(sqs, mainUrl);
    const seen = await drain(sqs, mainUrl, 3500);
    const lost = [...sent].filter((b) => !deleted.has(b) && !deleteUnanswered.has(b) && !seen.has(b));
    t.deepEqual(lost, [], 'no acknowledged send is lost');
    t.deepEqual([...seen].filter((b) => deleted.has(b)), [], 'no acknowledged delete comes back');
    t.is(counted, seen.size, 'the approximate counts after the restart are the messages that can be received');
    t.is(await counts(sqs, mainUrl), 0, 'and are 0 once they are all deleted');
    for (const QueueName of subscribers) {
      const QueueUrl = await url(QueueName);
      const subCounted = await counts(sqs, QueueUrl);
      const got = await drain(sqs, QueueUrl, 0);
      t.deepEqual([...published].filter((b) => !got.has(b)), [], `every acknowledged publish reached ${QueueName}`);
      t.is(subCounted, got.size, `${QueueName}: counts agree with what can be received`);
    }
    const purgedUrl = await url('crash-purged');
    t.is(await counts(sqs, purgedUrl), 0, 'the purged queue counts nothing');
    t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: purgedUrl, MaxNumberOfMessages: 10 }))).Messages, undefined, 'nothing purged comes back');
    const gone = await sqs.send(new GetQueueUrlCommand({ QueueName: 'crash-deleted' })).then(() => '', (err: Error) => err.name);
    t.is(gone, 'QueueDoesNotExist', 'the deleted queue stays deleted');
    sqs.destroy();
  } finally {
    await server?.kill9();
    await tmp.remove();
  }
});
