/**
 * SQS Number attributes against raw captures of native AWS (us-east-1, 2026-09-14) in
 * radkawar/stackd testdata/aws/sns/numeric_attributes.json (SQS rows beside SNS ones): the
 * limits and their messages, the MD5 SendMessage answers (of the text sent) and the canonical
 * text and MD5 ReceiveMessage answers. Each row cites the label of its `observations` entry.
 */
import test from 'ava';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsJson, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const NUMBERS = 'radkawar/stackd testdata/aws/sns/numeric_attributes.json';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const newQueue = async (): Promise<string> => (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('cap-num') }))).QueueUrl!;
const numeric = (value: string) => ({ numeric: { DataType: 'Number', StringValue: value } });

const between = (v: string): string => `Message (user) attribute 'numeric' number value [${v}] must be between 10^-128 and 10^126.`;
const digits = (v: string): string => `Message (user) attribute 'numeric' number value [${v}] must contain fewer than 38 precision digits.`;
const refused: Array<{ label: string; value: string; message: string }> = [
  { label: 'sqs-upper-edge', value: '1e126', message: between('1e126') },
  { label: 'sqs-lower-outside', value: '1e-129', message: between('1e-129') },
  { label: 'sqs-zero-low', value: '0e-129', message: between('0e-129') },
  { label: 'sqs-zero-high', value: '0e126', message: between('0e126') },
  { label: 'sqs-zero-extreme', value: '0e-100000', message: between('0e-100000') },
  { label: 'sqs-integer-zero-padding', value: `1${'0'.repeat(100)}`, message: digits(`1${'0'.repeat(100)}`) },
  { label: 'sqs-fraction-zero-padding', value: `1.${'0'.repeat(100)}`, message: digits(`1.${'0'.repeat(100)}`) },
];

for (const row of refused) {
  test(`SendMessage with a Number attribute ${row.value.length > 20 ? `of ${row.value.length} characters` : row.value} [${NUMBERS} ${row.label} (2026-09-14)]`, async (t) => {
    const url = await newQueue();
    const reply = await sqsJson(server.endpoint, 'SendMessage', { QueueUrl: url, MessageBody: 'x', MessageAttributes: numeric(row.value) });
    t.is(reply.status, 400, JSON.stringify(reply.body));
    // The AWS CLI reports the query-compatible code: x-amzn-query-error's first field.
    t.is(reply.queryError?.split(';')[0], 'InvalidParameterValue');
    t.is(reply.body.message, row.message);
  });
}

/** Sent text, the MD5 SendMessage answered, the text and MD5 ReceiveMessage answered. */
const kept: Array<{ label: string; body: string; value: string; sentMd5: string; stored: string; receivedMd5?: string }> = [
  { label: 'send-padded / receive-3', body: 'padded', value: '0001.23000', sentMd5: '6c5cf70458f4f4b7b5cf18617bf23767', stored: '1.23', receivedMd5: '6177b725901df62acbb49a268fa56714' },
  { label: 'send-exponent / receive-4', body: 'exponent', value: '1e3', sentMd5: '2fe0039efc707698f95df0bef7fc9684', stored: '1000', receivedMd5: '91f1b27ae49c5e531646f547fc5bbaba' },
  { label: 'send-upper-inside / receive-3', body: 'upper-inside', value: '9.99e125', sentMd5: '9ced24953985c83147688d7002c574ea', stored: `999${'0'.repeat(123)}`, receivedMd5: 'e6e2253c6ab8e90bbb55dd46e12803d2' },
  { label: 'send-lower-edge / receive-2', body: 'lower-edge', value: '1e-128', sentMd5: 'e16697fcf06c0cfe6edafc595a231a6d', stored: `0.${'0'.repeat(127)}1`, receivedMd5: '757b17800f4801295270278569e1681c' },
  { label: 'send-leading-dot / receive-2', body: 'leading-dot', value: '.5', sentMd5: 'b8ebdaac34da09a609c94701ce249e9b', stored: '0.5', receivedMd5: '1c9c77ec9bfa2ba43333c7cd1c3f4111' },
  { label: 'send-trailing-dot / receive-4', body: 'trailing-dot', value: '5.', sentMd5: 'b1e96d0a3510f171460dcff8919aa378', stored: '5', receivedMd5: '78fa47a4b91e502da66b3a1bb00ba114' },
  { label: 'send-zero-high-inside / receive-4', body: 'zero-high-inside', value: '0e125', sentMd5: '88dbc9a158d529ce346e8380ab3a633e', stored: '0', receivedMd5: '1f4c72fd2f41245bf774e02b25af4167' },
  { label: 'send-negative-zero / receive-4', body: 'negative-zero', value: '-0.000', sentMd5: '769a81ef9570a69adeede7714240cd09', stored: '0', receivedMd5: '1f4c72fd2f41245bf774e02b25af4167' },
  { label: 'send-fraction-padding / receive-0', body: 'fraction-padding', value: '1.00000', sentMd5: 'ddcd09f5613ce94c4ee5ba403f88ac26', stored: '1', receivedMd5: '7c54cd89ee1d4871b227139e7fcf3aad' },
  { label: 'send-leading-zero-padding / receive-1', body: 'leading-zero-padding', value: `${'0'.repeat(300)}1`, sentMd5: '6b188586d4846712d2c7585050c2ca69', stored: '1', receivedMd5: '7c54cd89ee1d4871b227139e7fcf3aad' },
];

for (const row of kept) {
  test(`SendMessage with a Number attribute ${row.value.length > 20 ? `of ${row.value.length} characters` : row.value}: the MD5 of the text sent; ReceiveMessage answers ${row.stored.length > 20 ? 'its canonical text' : row.stored} [${NUMBERS} ${row.label} (2026-09-14)]`, async (t) => {
    const url = await newQueue();
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: row.body, MessageAttributes: numeric(row.value) }));
    t.is(sent.MD5OfMessageAttributes, row.sentMd5);
    const [message] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }))).Messages ?? [];
    t.is(message?.MessageAttributes?.numeric?.StringValue, row.stored);
    t.is(message?.MD5OfMessageAttributes, row.receivedMd5);
  });
}
