/**
 * Hostile input to the SQS code paths of the seventeenth session (receipt handles on
 * DeleteMessage / ChangeMessageVisibility and their batches, FIFO SendMessageBatch DelaySeconds):
 * each answer is a 4xx with SQS's code (a batch entry's failure in its Failed list), never a 5xx,
 * a hang or a crash (the health check answers after every test), and a refused request neither
 * deletes nor hides a message. SDK v3 clients (json protocol). Found by the fuzzx helper: every
 * row already answered as pinned here. Codes and messages: radkawar/stackd testdata/aws/sqs
 * metrics.json individual-invalid-delete, batch-delete-with-invalid-entry; request_metrics.json
 * isolated-rejected-fifo-delay, fifo-batch-explicit-delay-zero/-one (native AWS, 2026-09-15).
 */
import test from 'ava';
import {
  ChangeMessageVisibilityBatchCommand, ChangeMessageVisibilityCommand, CreateQueueCommand, DeleteMessageBatchCommand,
  DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;
const handleOf = (queueId: string, parts: string): string => `AQEB${Buffer.from(`${queueId}:${parts}`).toString('base64url')}`;

async function queueWithReceived(fifo = false): Promise<{ url: string; handle: string }> {
  const name = uniqueQueue('hostile') + (fifo ? '.fifo' : '');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, ...(fifo && { Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }) }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'kept', ...(fifo && { MessageGroupId: 'g' }) }));
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 300 }));
  return { url: QueueUrl!, handle: Messages![0]!.ReceiptHandle! };
}

test('DeleteMessage/ChangeMessageVisibility(Batch): hostile receipt handles are 4xx and the message stays in flight', async (t) => {
  const { url, handle } = await queueWithReceived();
  const other = await queueWithReceived();
  const queueId = Buffer.from(handle.slice(4), 'base64url').toString().split(':')[0]!;
  const INVALID = 'ReceiptHandleIsInvalid';
  // [label, handle, expected error name for DeleteMessage, for ChangeMessageVisibility]; '' = accepted.
  const rows: Array<[string, string, string, string]> = [
    ['empty', '', INVALID, INVALID],
    ['space', ' ', INVALID, INVALID],
    ['1 MB', 'x'.repeat(1 << 20), INVALID, INVALID],
    ['prefix only', 'AQEB', INVALID, INVALID],
    ['prefix and 1 MB', 'AQEB' + 'A'.repeat(1 << 20), INVALID, INVALID],
    ['valid base64 of garbage', 'AQEB' + Buffer.from('garbage').toString('base64url'), INVALID, INVALID],
    ['plain base64', Buffer.from('hello').toString('base64'), INVALID, INVALID],
    ['negative number', handleOf(queueId, '-1:1:1'), INVALID, INVALID],
    ['five parts', handleOf(queueId, '1:1:1:1'), INVALID, INVALID],
    ['NULs', 'AQEB' + Buffer.from('\u0000:\u0000').toString('base64url'), INVALID, INVALID],
    ['emoji', '\u{1F600}'.repeat(100), INVALID, INVALID],
    ['percent signs', 'AQEB%%%%', INVALID, INVALID],
    ['upper-cased', handle.toUpperCase(), INVALID, INVALID],
    ["another queue's", other.handle, INVALID, INVALID],
    // Well formed, naming no message of this receive: a delete is a no-op success (standard
    // queue), a visibility change InvalidParameterValue "Message does not exist ...".
    ['huge numbers', handleOf(queueId, `${'z'.repeat(400)}:${'z'.repeat(400)}:${'z'.repeat(400)}`), '', 'InvalidParameterValue'],
    ['zeros', handleOf(queueId, '0:0:0'), '', 'InvalidParameterValue'],
  ];
  for (const [label, h, deleteError, changeError] of rows) {
    for (const [op, want] of [['delete', deleteError], ['change', changeError]] as const) {
      const call = op === 'delete'
        ? sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: h }))
        : sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: h, VisibilityTimeout: 0 }));
      if (want === '') {
        await t.notThrowsAsync(call, `${op} ${label}`);
        continue;
      }
      const err = await sqsErrorOf(call);
      t.is(err.name, want, `${op} ${label}: ${err.message}`);
      t.true(err.$metadata.httpStatusCode! >= 400 && err.$metadata.httpStatusCode! < 500, `${op} ${label}`);
    }
  }
  // Batches: every entry fails alone, in the Failed list, as a sender fault.
  const batchRows = rows.filter(([, , d]) => d !== '').slice(0, 10);
  const deleted = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: batchRows.map(([, h], i) => ({ Id: `e${i}`, ReceiptHandle: h })) }));
  t.is(deleted.Failed?.length, batchRows.length);
  t.true(deleted.Failed!.every((f) => f.Code === INVALID && f.SenderFault === true));
  const changed = await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries: batchRows.map(([, h], i) => ({ Id: `e${i}`, ReceiptHandle: h, VisibilityTimeout: 0 })) }));
  t.is(changed.Failed?.length, batchRows.length);
  t.true(changed.Failed!.every((f) => f.Code === INVALID && f.SenderFault === true));
  // VisibilityTimeout out of range with the real handle.
  for (const timeout of [-1, 43_201, 2 ** 31]) {
    const err = await sqsErrorOf(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: timeout })));
    t.is(err.name, 'InvalidParameterValue', String(timeout));
  }
  // The message is still there, in flight under its handle.
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }));
  t.is(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible, '1');
  t.is(await healthy(), 200);
});

test('FIFO SendMessageBatch: any DelaySeconds but 0 refuses the whole call and stores nothing', async (t) => {
  const { url } = await queueWithReceived(true);
  for (const delay of [1, -1, 900, 901, 2 ** 31, 1e20]) {
    const err = await sqsErrorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
      { Id: 'a', MessageBody: `first ${delay}`, MessageGroupId: 'g2' },
      { Id: 'b', MessageBody: `second ${delay}`, MessageGroupId: 'g2', DelaySeconds: delay },
    ] })));
    t.is(err.name, 'InvalidParameterValue', String(delay));
    t.is(err.message, `Value ${delay} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`);
  }
  const ok = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'z', MessageBody: 'zero', MessageGroupId: 'g2', DelaySeconds: 0 }] }));
  t.is(ok.Successful?.length, 1);
  // Only 'zero' was stored in group g2 (the first message, group g, is in flight).
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
  t.deepEqual(Messages?.map((m) => m.Body), ['zero']);
  t.is(await healthy(), 200);
});
