/**
 * A start opens the store only when a service may have background work to resume (a marker file
 * in `<data dir>/background-work/`, storage/background-markers.ts): a data dir holding tables,
 * queues and topics but no pending work stays unopened until the first request (idle VmRSS is
 * the figure in docs/configuration.md, not 4 MiB more), and a marker whose work has finished is
 * dropped while the server runs, once the work drains. Whether LevelDB is open is read from the
 * child's open files (/proc/PID/fd holds `meta/LOCK` while it is).
 */
import test from 'ava';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ListQueuesCommand, SendMessageCommand, SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { CREDENTIALS, startChild, tempDir, type ChildServer } from '../helpers/server.js';

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether the child holds its LevelDB open (LevelDB keeps `meta/LOCK` open while the store is). */
async function storeOpen(server: ChildServer, dataDir: string): Promise<boolean> {
  const fds = `/proc/${server.child.pid}/fd`;
  const lock = join(dataDir, 'meta', 'LOCK');
  for (const fd of await readdir(fds)) if (await readlink(join(fds, fd)).catch(() => '') === lock) return true;
  return false;
}

/** The store stays closed for `ms` after the start (a start that opens it does so within a few ms). */
async function staysClosed(server: ChildServer, dataDir: string, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await storeOpen(server, dataDir)) return false;
    await sleep(20);
  }
  return true;
}

async function until(probe: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
}

/**
 * A data dir for the servers a test starts on it one after another (`start`): the last one is
 * stopped and the dir removed however the test ends.
 */
async function onDataDir(body: (dir: string, start: () => Promise<ChildServer>) => Promise<void>): Promise<void> {
  const tmp = await tempDir();
  const started: ChildServer[] = [];
  try {
    await body(tmp.dir, async () => {
      const server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
      started.push(server);
      return server;
    });
  } finally {
    await started[started.length - 1]?.stop().catch(() => undefined);
    await tmp.remove();
  }
}

/** A dead-letter queue holding `bodies` and the source queue that names it: what a move task takes back. */
async function deadLetterBacklog(sqs: SQSClient, bodies: string[]): Promise<{ dlq: string; source: string }> {
  const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'dlq' }))).QueueUrl!;
  const dlq = await queueArn(sqs, dlqUrl);
  const sourceUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'source', Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq, maxReceiveCount: 3 }) } }))).QueueUrl!;
  for (const body of bodies) await sqs.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: body }));
  return { dlq, source: await queueArn(sqs, sourceUrl) };
}

const linux = existsSync('/proc/self/fd');

(linux ? test : test.skip)('a restart on a data dir with tables, queues and topics but no background work does not open the store', async (t) => {
  t.timeout(120_000);
  await onDataDir(async (dir, start) => {
    let server = await start();
    const ddb = new DynamoDBClient(config(server.endpoint));
    const sqs = new SQSClient(config(server.endpoint));
    const sns = new SNSClient(config(server.endpoint));
    await ddb.send(new CreateTableCommand({
      TableName: 'table', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    await ddb.send(new PutItemCommand({ TableName: 'table', Item: { pk: { S: 'a' } } }));
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: 'q' }))).QueueUrl!;
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'kept' }));
    const topic = (await sns.send(new CreateTopicCommand({ Name: 'topic' }))).TopicArn!;
    await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: await queueArn(sqs, url) }));
    await sns.send(new PublishCommand({ TopicArn: topic, Message: 'to the queue' }));
    for (const c of [ddb, sqs, sns]) c.destroy();
    t.true(await storeOpen(server, dir), 'the probe sees an open store');
    t.is(await server.stop(), 0);

    server = await start();
    t.true(await staysClosed(server, dir), 'no background work: the store is not opened at start');
    const again = new SQSClient(config(server.endpoint));
    t.deepEqual((await again.send(new ListQueuesCommand({}))).QueueUrls, [url.replace(/:\d+\//, `:${server.port}/`)]);
    again.destroy();
    t.true(await storeOpen(server, dir), 'the first request opens it');
  });
});

(linux ? test : test.skip)('a stale marker (work finished, marker left by a kill) is dropped at the next start, and the start after it does not open the store', async (t) => {
  t.timeout(120_000);
  await onDataDir(async (dir, start) => {
    const marker = join(dir, 'background-work', 'sqs');
    let server = await start();
    const sqs = new SQSClient(config(server.endpoint));
    const { dlq, source } = await deadLetterBacklog(sqs, ['back', 'back again']);
    t.false(existsSync(marker), 'no marker before any background work');
    // One a second: the second message moves a second after the first, so the task (and its
    // marker, removed once it ends) is still there when the answer arrives.
    await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq, DestinationArn: source, MaxNumberOfMessagesPerSecond: 1 }));
    t.true(existsSync(marker), 'marked before StartMessageMoveTask answers');
    await until(async () => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq }))).Results?.[0]?.Status === 'COMPLETED');
    sqs.destroy();
    await until(() => !existsSync(marker));
    t.pass('removed while the server ran, once the task had ended');
    t.is(await server.stop(), 0);
    // What a kill -9 between the task's end and the marker's removal leaves.
    await writeFile(marker, '');

    server = await start();
    await until(() => !existsSync(marker));
    t.true(await storeOpen(server, dir), 'with a marker the store is opened at start, to check');
    t.is(await server.stop(), 0);

    server = await start();
    t.true(await staysClosed(server, dir), 'marker gone: the store is not opened at start');
  });
});

(linux ? test : test.skip)('an SQS marker stays while a move task runs, survives a kill -9 that resumes the task, and goes once it completes', async (t) => {
  t.timeout(120_000);
  await onDataDir(async (dir, start) => {
    const marker = join(dir, 'background-work', 'sqs');
    let server = await start();
    let sqs = new SQSClient(config(server.endpoint));
    const { dlq, source } = await deadLetterBacklog(sqs, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    // Two a second: about three seconds of work.
    await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq, DestinationArn: source, MaxNumberOfMessagesPerSecond: 2 }));
    await sleep(700);
    t.is((await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq }))).Results?.[0]?.Status, 'RUNNING');
    t.true(existsSync(marker), 'marked while the task runs');
    sqs.destroy();
    await server.kill9();

    server = await start();
    t.true(existsSync(marker), 'the kill left the marker');
    sqs = new SQSClient(config(server.endpoint));
    // Resumed at start, without a request: the marker goes when it completes.
    await until(() => !existsSync(marker));
    const [task] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq }))).Results!;
    t.is(task!.Status, 'COMPLETED', 'the marker went only once the task had completed');
    t.is(task!.ApproximateNumberOfMessagesMoved, 6);
    sqs.destroy();
    t.is(await server.stop(), 0);

    server = await start();
    t.true(await staysClosed(server, dir), 'marker gone while running: the next start does not open the store');
  });
});

(linux ? test : test.skip)('an SNS marker stays while an HTTP delivery is pending, survives a kill -9 that resumes it, and goes once it is delivered', async (t) => {
  t.timeout(120_000);
  // The endpoint holds every request until `answering` is set: deliveries stay pending meanwhile.
  let answering = false;
  const held: ServerResponse[] = [];
  const received: string[] = [];
  const endpoint = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      received.push(body);
      if (answering) res.end(); else held.push(res);
    });
  });
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hook`;
  try {
    await onDataDir(async (dir, start) => {
      const marker = join(dir, 'background-work', 'sns');
      let server = await start();
      const sns = new SNSClient(config(server.endpoint));
      const topic = (await sns.send(new CreateTopicCommand({ Name: 'topic' }))).TopicArn!;
      await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'http', Endpoint: url }));
      await until(() => received.length > 0);
      t.true(existsSync(marker), 'marked while the confirmation is pending');
      sns.destroy();
      await server.kill9();
      for (const res of held.splice(0)) res.destroy();

      const before = received.length;
      answering = true;
      server = await start();
      t.true(existsSync(marker), 'the kill left the marker');
      await until(() => received.length > before);
      t.regex(received[received.length - 1]!, /SubscriptionConfirmation/, 'the delivery resumed at start');
      await until(() => !existsSync(marker));
      t.pass('the marker went once the outbox was empty');
      t.is(await server.stop(), 0);

      server = await start();
      t.true(await staysClosed(server, dir), 'marker gone while running: the next start does not open the store');
    });
  } finally {
    endpoint.closeAllConnections();
    endpoint.close();
  }
});
