/**
 * SqsInternalApi.deliver, the in-process path SNS delivers through: by queue ARN, in any account,
 * with SendMessage's validation and per-delivery results. The service is built alone on the
 * in-memory store, as another service reaches it through `peer('sqs')`.
 */
import test from 'ava';
import type { SqsInternalApi } from '../../../src/services/sqs/internal-api.js';
import type { RequestContext } from '../../../src/services/types.js';
import { sqsOnMemoryStore } from '../../helpers/sqs-in-memory.js';
import { decodeMessage, encodeMessage } from '../../../src/services/sqs/message-codec.js';

const ctx = (accountId: string): RequestContext => ({
  requestId: 'r', accountId, region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [],
});


test('deliver sends by ARN to queues of two accounts, and reports each failure', async (t) => {
  const { sqs, close } = await sqsOnMemoryStore();
  const op = sqs.operations;
  const urlA = (await op.CreateQueue!(ctx('111122223333'), { QueueName: 'a' }) as { QueueUrl: string }).QueueUrl;
  const urlB = (await op.CreateQueue!(ctx('444455556666'), { QueueName: 'b.fifo', Attributes: { FifoQueue: 'true' } }) as { QueueUrl: string }).QueueUrl;
  t.is(urlA, 'http://localhost:4566/111122223333/a');
  const api = sqs.internal as SqsInternalApi;
  const results = await api.deliver([
    { queueArn: 'arn:aws:sqs:us-east-1:111122223333:a', body: 'to A', messageAttributes: { k: { DataType: 'String', StringValue: 'v' } } },
    { queueArn: 'arn:aws:sqs:us-east-1:444455556666:b.fifo', body: 'to B', messageGroupId: 'g', messageDeduplicationId: 'd1' },
    { queueArn: 'arn:aws:sqs:us-east-1:444455556666:b.fifo', body: 'no group' },
    { queueArn: 'arn:aws:sqs:us-east-1:111122223333:missing', body: 'x' },
    { queueArn: 'arn:aws:sqs:us-east-1:111122223333:a', body: '' },
  ]);
  t.true(results[0]!.ok);
  t.true(results[1]!.ok);
  t.deepEqual(results[2], { ok: false, code: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.' });
  t.deepEqual(results[3], { ok: false, code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.' });
  t.is(results[4]!.ok, false);
  const gotA = (await op.ReceiveMessage!(ctx('111122223333'), { QueueUrl: urlA, MessageAttributeNames: ['All'] }) as { Messages: Array<Record<string, unknown>> }).Messages[0]!;
  t.is(gotA.Body, 'to A');
  t.is(gotA.MessageId, (results[0] as { messageId: string }).messageId);
  t.deepEqual(gotA.MessageAttributes, { k: { DataType: 'String', StringValue: 'v' } });
  const gotB = (await op.ReceiveMessage!(ctx('444455556666'), { QueueUrl: urlB }) as { Messages: Array<Record<string, unknown>> }).Messages[0]!;
  t.is(gotB.Body, 'to B');
  await close();
});

test('one publish to ten queues is one MetaStore batch, and a body SNS checked is stored as sent', async (t) => {
  const { sqs, batches, close } = await sqsOnMemoryStore();
  const op = sqs.operations;
  const urls: string[] = [];
  for (let i = 0; i < 10; i++) urls.push((await op.CreateQueue!(ctx('111122223333'), { QueueName: `q${i}` }) as { QueueUrl: string }).QueueUrl);
  const api = sqs.internal as SqsInternalApi;
  batches.length = 0;
  const results = await api.deliver(urls.map((_, i) => ({ queueArn: `arn:aws:sqs:us-east-1:111122223333:q${i}`, body: `{"n":${i}}\n`, charactersChecked: true })));
  t.true(results.every((r) => r.ok));
  t.is(batches.length, 1);
  t.is(batches[0]!.length, 10);
  for (let i = 0; i < 10; i++) {
    const got = (await op.ReceiveMessage!(ctx('111122223333'), { QueueUrl: urls[i]! }) as { Messages: Array<Record<string, unknown>> }).Messages;
    t.is(got.length, 1);
    t.is(got[0]!.Body, `{"n":${i}}\n`);
  }
  await close();
});

test('message records: the body after a NUL round-trips, and records stored as one JSON document still read', (t) => {
  const record = { id: 'i', body: '{"a" : "b\\n"}\n\t', md5: 'm', sent: 1, sender: 's', visibleAt: 2 };
  t.deepEqual(decodeMessage(encodeMessage(record)), record);
  t.deepEqual(decodeMessage(JSON.stringify(record)), record);
});
