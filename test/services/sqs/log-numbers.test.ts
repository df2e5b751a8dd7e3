/**
 * SQS's log numbers (src/services/sqs/log-numbers.ts) are never drawn twice, also across a
 * restart after every record of the newest numbers was deleted: a FIFO queue's SequenceNumbers
 * keep increasing, as AWS's do. Before the block markers, the counter resumed after the highest
 * number still stored, so a drained FIFO queue handed out its last SequenceNumbers again.
 */
import test from 'ava';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { createLogger } from '../../../src/log.js';
import { LOG_BASE, SQS_NS, logBlockKey, logRange } from '../../../src/services/sqs/keys.js';
import { BLOCK, LogNumbers } from '../../../src/services/sqs/log-numbers.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { sqsClient } from '../../helpers/sqs.js';

const log = createLogger('error');

async function logKeys(meta: MetaStore): Promise<string[]> {
  const out: string[] = [];
  for await (const [key] of meta.iterate(SQS_NS, logRange)) out.push(key);
  return out;
}

test('a number is not drawn again after its records were deleted; one block marker stays', async (t) => {
  const { meta } = createMemoryStorage();
  const first = await LogNumbers.open(meta, log);
  const drawn = [first.next(), first.next(), first.next()];
  t.deepEqual(drawn, [LOG_BASE + 1, LOG_BASE + 2, LOG_BASE + 3], 'the block\'s first number is its marker\'s');
  await meta.batch(drawn.map((n) => ({ type: 'put' as const, ns: SQS_NS, key: logBlockKey(n).slice(0, -1), value: 'body' })));
  await meta.batch(drawn.map((n) => ({ type: 'del' as const, ns: SQS_NS, key: logBlockKey(n).slice(0, -1) })));
  const second = await LogNumbers.open(meta, log);
  t.true(second.next() > Math.max(...drawn));
  // Crossing into the next block writes its marker and deletes the previous one.
  for (let i = 0; i < BLOCK; i++) second.next();
  await meta.put(SQS_NS, 'sync', ''); // after every write called before it (call order)
  t.deepEqual(await logKeys(meta), [logBlockKey(LOG_BASE + 2 * BLOCK)]);
});

test('a drained FIFO queue keeps increasing its SequenceNumbers across a restart', async (t) => {
  const tmp = await tempDir();
  try {
    const sequenceNumbers: bigint[] = [];
    for (let run = 0; run < 2; run++) {
      const server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
      try {
        const sqs = sqsClient(server.endpoint);
        const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'drained.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }));
        for (let i = 0; i < 2; i++) {
          const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `run ${run} message ${i}`, MessageGroupId: 'g' }));
          sequenceNumbers.push(BigInt(sent.SequenceNumber!));
          const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
          await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle! }));
        }
      } finally {
        await server.stop();
      }
    }
    for (let i = 1; i < sequenceNumbers.length; i++) t.true(sequenceNumbers[i]! > sequenceNumbers[i - 1]!, `${sequenceNumbers.join(' < ')}`);
  } finally {
    await tmp.remove();
  }
});
