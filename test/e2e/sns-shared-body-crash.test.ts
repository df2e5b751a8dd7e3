/**
 * SNS → SQS copies share one stored body (services/sqs/shared-bodies.ts); kill -9 during a
 * publish loop with a consumer deleting from one queue: after a restart every acknowledged
 * publish has its whole copy in every queue it was not deleted from (enveloped and raw), no
 * acknowledged delete comes back, and once every copy is deleted no shared body is left in the
 * store (read from the data directory after the server stopped). The enveloped copies, stored
 * unsigned and signed when read (services/sns/delivery/deferred-signatures.ts), verify after
 * the restart with the certificate the new process serves.
 */
import test from 'ava';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { openNativeStore } from '../../native-store/index.js';
import { createLogger } from '../../src/log.js';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';
import { notificationVerifies } from '../helpers/sns-signature.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const QUEUES = ['env-1', 'env-2', 'raw'];

/** The published text a copy carries: the envelope's Message, or the raw body. */
function textOf(queue: string, body: string): string {
  if (queue === 'raw') return body;
  const envelope = JSON.parse(body) as { Type: string; Message: string; UnsubscribeURL: string };
  if (envelope.Type !== 'Notification' || !envelope.UnsubscribeURL.includes('Action=Unsubscribe')) throw new Error(`not a whole envelope: ${body}`);
  return envelope.Message;
}

test('kill -9 during an SNS fan-out: every acknowledged copy is whole after the restart, and deleting them all leaves no shared body', async (t) => {
  t.timeout(150_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  try {
    const clients = (endpoint: string): { sns: SNSClient; sqs: SQSClient } => ({
      sns: new SNSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 }),
      sqs: new SQSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 }),
    });
    let { sns, sqs } = clients(server.endpoint);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'fan' }));
    const urls: Record<string, string> = {};
    for (const name of QUEUES) {
      // A copy in flight at the crash is visible again 2 s later: the drain below waits for it.
      urls[name] = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: '2' } }))).QueueUrl!;
      await sns.send(new SubscribeCommand({
        TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}`,
        ...(name === 'raw' ? { Attributes: { RawMessageDelivery: 'true' } } : {}),
      }));
    }
    const published = new Set<string>();
    const deleted = new Set<string>();
    const deleteUnanswered = new Set<string>();
    let running = true;
    const publisher = async (w: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const text = `p-${w}-${i} "quoted"\n`;
        try { await sns.send(new PublishCommand({ TopicArn, Message: text })); } catch { return; }
        published.add(text);
      }
    };
    const consumer = async (): Promise<void> => {
      while (running) {
        try {
          const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: urls['env-1'], MaxNumberOfMessages: 10 }))).Messages ?? [];
          if (got.length === 0) continue;
          const texts = got.map((m) => textOf('env-1', m.Body!));
          for (const text of texts) deleteUnanswered.add(text);
          await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: urls['env-1'], Entries: got.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
          for (const text of texts) { deleteUnanswered.delete(text); deleted.add(text); }
        } catch { return; }
      }
    };
    const loops = Promise.all([publisher(0), publisher(1), publisher(2), consumer()]);
    const started = Date.now();
    while ((Date.now() - started < 1000 || published.size < 40 || deleted.size < 10) && Date.now() - started < 20_000) await sleep(50);
    await server.kill9();
    running = false;
    await loops;
    sns.destroy();
    sqs.destroy();
    t.true(published.size >= 40, `only ${published.size} publishes acknowledged`);
    t.true(deleted.size >= 10, `only ${deleted.size} deletes acknowledged`);

    server = await startChild(args);
    ({ sns, sqs } = clients(server.endpoint));
    let unverified = 0;
    for (const name of QUEUES) {
      const url = urls[name]!.replace(/^http:\/\/[^/]+/, server.endpoint);
      const seen = new Set<string>();
      for (let empties = 0; empties < 3;) {
        const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages ?? [];
        empties = got.length === 0 ? empties + 1 : 0;
        if (got.length === 0) continue;
        for (const m of got) seen.add(textOf(name, m.Body!));
        if (name !== 'raw') for (const m of got) if (!await notificationVerifies(JSON.parse(m.Body!) as Record<string, unknown>, server.endpoint)) unverified++;
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: got.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
      }
      const lost = [...published].filter((p) => !seen.has(p) && !(name === 'env-1' && (deleted.has(p) || deleteUnanswered.has(p))));
      t.deepEqual(lost, [], `${name}: acknowledged copies lost`);
      if (name === 'env-1') t.deepEqual([...deleted].filter((p) => seen.has(p)), [], 'acknowledged deletes came back');
    }
    t.is(unverified, 0, 'envelopes whose signature does not verify after the restart');
    sns.destroy();
    sqs.destroy();
    t.is(await server.stop(), 0);

    const store = await openNativeStore({ dir: tmp.dir, durability: 'process', log: createLogger('silent') });
    try {
      const left: string[] = [];
      for await (const [key] of store.meta.iterate('sqs', { gte: 'b\u0000', lt: 'b\u0001' })) left.push(key);
      for await (const [key] of store.meta.iterate('sqs', { gte: 'm\u0000', lt: 'm\u0001' })) left.push(key);
      t.deepEqual(left, [], 'no message and no shared body outlives its copies');
    } finally {
      await store.close();
    }
  } finally {
    await server.stop().catch(() => undefined);
    await tmp.remove();
  }
});
