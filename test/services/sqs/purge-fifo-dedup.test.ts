/**
 * PurgeQueue forgets a FIFO queue's deduplication ids, on disk too: after a restart the id
 * purged is still accepted (AWS accepts it at once after a purge: localstack
 * tests/aws/services/sqs/test_sqs.py test_purge_queue_clears_fifo_deduplication_cache, run
 * against AWS; aws-answers-2025.test.ts has the row).
 */
import test from 'ava';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

async function call(server: Boltstack, operation: string, input: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(server.endpoint, {
    method: 'POST', headers: { 'x-amz-target': `AmazonSQS.${operation}`, 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(input),
  });
  const text = await res.text(); // empty for an operation without output, as on AWS
  const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${operation}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

test('a purged deduplication id stays forgotten after a restart', async (t) => {
  const tmp = await tempDir();
  try {
    const name = `${uniqueQueue('purge-dedup')}.fifo`;
    let server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    const url = (await call(server, 'CreateQueue', { QueueName: name, Attributes: { FifoQueue: 'true' } })).QueueUrl as string;
    await call(server, 'SendMessage', { QueueUrl: url, MessageBody: 'one', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
    await call(server, 'SendMessage', { QueueUrl: url, MessageBody: 'kept', MessageGroupId: 'g', MessageDeduplicationId: 'k' });
    await call(server, 'PurgeQueue', { QueueUrl: url });
    await server.stop();
    server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const urlAgain = (await call(server, 'GetQueueUrl', { QueueName: name })).QueueUrl as string;
      await call(server, 'SendMessage', { QueueUrl: urlAgain, MessageBody: 'two', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
      const received = await call(server, 'ReceiveMessage', { QueueUrl: urlAgain, MaxNumberOfMessages: 10 });
      t.deepEqual((received.Messages as Array<{ Body: string }> | undefined)?.map((m) => m.Body), ['two']);
    } finally {
      await server.stop();
    }
  } finally {
    await tmp.remove();
  }
});
