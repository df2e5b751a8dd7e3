/**
 * SQS operations without output (SetQueueAttributes, ChangeMessageVisibility, DeleteMessage,
 * PurgeQueue, DeleteQueue, tagging...) answer the json 1.0 protocol with an empty body,
 * content-length 0, as native AWS does: radkawar/stackd testdata/aws/sqs/queue_metrics.json
 * (us-east-1, 2026-09-15) "set-three-receive-redrive" and "source-release-1..3" carry
 * content-length "0"; a ReceiveMessage with no message is "{}" (content-length 2,
 * "trigger-three-receive-automatic-transfer"). The SDK v3 client and botocore read both.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sqs/queue_metrics.json';
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260915/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00';
async function call(op: string, body: Record<string, unknown>): Promise<{ status: number; length: string | null; text: string; json: Record<string, unknown> | undefined }> {
  const res = await fetch(server.endpoint, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'x-amz-target': `AmazonSQS.${op}`, 'content-type': 'application/x-amz-json-1.0', authorization: AUTH },
  });
  const text = await res.text();
  return { status: res.status, length: res.headers.get('content-length'), text, json: text === '' ? undefined : JSON.parse(text) as Record<string, unknown> };
}

test(`operations without output answer an empty body; ReceiveMessage with nothing answers {} (${CAP})`, async (t) => {
  const { json: created } = await call('CreateQueue', { QueueName: uniqueQueue('empty-answers') });
  const QueueUrl = created!.QueueUrl as string;
  const set = await call('SetQueueAttributes', { QueueUrl, Attributes: { VisibilityTimeout: '60' } });
  t.deepEqual([set.status, set.length, set.text], [200, '0', ''], 'set-three-receive-redrive');
  const empty = await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 1 });
  t.deepEqual([empty.status, empty.text], [200, '{}'], 'trigger-three-receive-automatic-transfer');
  await call('SendMessage', { QueueUrl, MessageBody: 'redrive-after-three-source-receives' });
  const received = await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 1 });
  const handle = (received.json!.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  const released = await call('ChangeMessageVisibility', { QueueUrl, ReceiptHandle: handle, VisibilityTimeout: 0 });
  t.deepEqual([released.status, released.length, released.text], [200, '0', ''], 'source-release-1');
  const again = await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 1 });
  const deleted = await call('DeleteMessage', { QueueUrl, ReceiptHandle: (again.json!.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle });
  t.deepEqual([deleted.status, deleted.length, deleted.text], [200, '0', ''], 'DeleteMessage, as the operations above');
  const gone = await call('DeleteQueue', { QueueUrl });
  t.deepEqual([gone.status, gone.length, gone.text], [200, '0', '']);
});
