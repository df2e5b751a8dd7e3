/**
 * SQS's answers as moto's AWS-verified tests pin them: only tests marked `@pytest.mark.aws_verified`
 * (run against AWS with MOTO_TEST_ALLOW_AWS_REQUEST=true) in getmoto/moto tests/test_sqs/test_sqs.py,
 * as stored at getmoto/moto@f9645913 (2024, boto3 ≥ 1.34.90, which speaks json to SQS). Tests
 * without the marker assert moto's own behaviour and are not used. Rows already pinned by
 * aws-error-answers.test.ts or aws-answers-2025.test.ts are not repeated; this file adds the
 * inputs moto's tests used that those do not (queue URLs of other hosts or none at all, the
 * queue checked before the receipt handle, the tag operations, batch ids). Each json row compares
 * the status, the code SDKs show (x-amzn-query-error), the json `__type` and the exact message.
 *
 * Left out, older than a stronger source: test_send_message_batch_errors' "Batch requests cannot
 * be longer than 262144 bytes" (AWS raised the limit to 1 MiB in 2025-08; aws-answers-2025 pins
 * the 1 MiB answer from localstack's 2025-08-19 recording).
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { sqsJson, sqsJsonOk, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { registerJsonErrorRows, type JsonErrorRow } from './json-error-rows.js';

const MOTO = 'getmoto/moto tests/test_sqs/test_sqs.py';

let server: Boltstack;
interface Fixtures { standard: string; account: string }
let fx: Fixtures;

const json = (operation: string, input: unknown) => sqsJson(server.endpoint, operation, input);
const ok = (operation: string, input: unknown) => sqsJsonOk(server.endpoint, operation, input);

test.before(async () => {
  server = await startBoltstack();
  const standard = (await ok('CreateQueue', { QueueName: uniqueQueue('moto') })).QueueUrl as string;
  fx = { standard, account: new URL(standard).pathname.split('/')[1]! };
});
test.after.always(async () => { await server?.stop(); });

type Row = JsonErrorRow<Fixtures>;

/** moto's _verify_unknown_queue_error: 400, the legacy code, and (botocore ≥ 1.34.90, json) this message. */
const NO_QUEUE = { status: 400, code: 'AWS.SimpleQueueService.NonExistentQueue', type: 'QueueDoesNotExist', message: 'The specified queue does not exist.' };
const BATCH_ID = { status: 400, code: 'AWS.SimpleQueueService.InvalidBatchEntryId', type: 'InvalidBatchEntryId',
  message: 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.' };
const unknown = (f: Fixtures, host = 'https://sqs.us-east-1.amazonaws.com'): string => `${host}/${f.account}/unknown-${process.pid}`;

const ROWS: Row[] = [
  // Unknown queues: every operation names the queue first.
  { name: 'GetQueueAttributes of a URL with no path', source: `${MOTO}::test_get_queue_url_error_not_exists (resource Queue("http://whatever-incorrect-queue-address").load())`,
    operation: 'GetQueueAttributes', input: () => ({ QueueUrl: 'http://whatever-incorrect-queue-address', AttributeNames: ['All'] }), ...NO_QUEUE },
  { name: 'GetQueueAttributes of a queue.amazonaws.com URL that names no queue', source: `${MOTO}::test_get_queue_attributes_error_not_exists`,
    operation: 'GetQueueAttributes', input: (f) => ({ QueueUrl: unknown(f, 'https://queue.amazonaws.com') }), ...NO_QUEUE },
  { name: 'DeleteQueue of a queue.amazonaws.com URL that names no queue', source: `${MOTO}::test_delete_queue_error_not_exists`,
    operation: 'DeleteQueue', input: (f) => ({ QueueUrl: unknown(f, 'https://queue.amazonaws.com') }), ...NO_QUEUE },
  { name: 'DeleteMessage on a queue that does not exist, with a handle that is no handle: the queue is judged first', source: `${MOTO}::test_delete_message_from_unknown_url`,
    operation: 'DeleteMessage', input: (f) => ({ QueueUrl: unknown(f), ReceiptHandle: 'unknown' }), ...NO_QUEUE },
  { name: 'ListQueueTags of a queue that does not exist', source: `${MOTO}::test_list_queue_tags_errors`,
    operation: 'ListQueueTags', input: (f) => ({ QueueUrl: unknown(f) }), ...NO_QUEUE },
  { name: 'TagQueue of a queue that does not exist', source: `${MOTO}::test_tag_unknown_queue`,
    operation: 'TagQueue', input: (f) => ({ QueueUrl: unknown(f), Tags: { t: 'v' } }), ...NO_QUEUE },
  { name: 'UntagQueue of a queue that does not exist', source: `${MOTO}::test_untag_unknown_queue`,
    operation: 'UntagQueue', input: (f) => ({ QueueUrl: unknown(f), TagKeys: ['tag1'] }), ...NO_QUEUE },
  { name: 'SendMessageBatch to a queue that does not exist', source: `${MOTO}::test_send_message_batch_errors`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: `${f.standard}-not-existing`, Entries: [{ Id: 'id_1', MessageBody: 'body_1' }] }), ...NO_QUEUE },
  // SendMessageBatch ids.
  { name: 'SendMessageBatch with an empty id', source: `${MOTO}::test_send_message_batch_errors`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: '', MessageBody: 'body_1' }] }), ...BATCH_ID },
  { name: 'SendMessageBatch with an id of punctuation', source: `${MOTO}::test_send_message_batch_errors`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: '.!@#$%^&*()+=', MessageBody: 'body_1' }] }), ...BATCH_ID },
  { name: 'SendMessageBatch with an 81-character id', source: `${MOTO}::test_send_message_batch_errors`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: 'i'.repeat(81), MessageBody: 'body_1' }] }), ...BATCH_ID },
  { name: 'SendMessageBatch with ids 1, 2, 2, 1: the first id seen again is named', source: `${MOTO}::test_send_message_batch_errors ("only the first duplicated Id is reported")`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.standard, Entries: [
      { Id: 'id_1', MessageBody: 'body_1' }, { Id: 'id_2', MessageBody: 'body_2' }, { Id: 'id_2', MessageBody: 'body_2' }, { Id: 'id_1', MessageBody: 'body_1' }] }),
    status: 400, code: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', type: 'BatchEntryIdsNotDistinct', message: 'Id id_2 repeated.' },
];

registerJsonErrorRows(test, ROWS, json, () => fx);

/** Over the query protocol: the legacy codes, and the queue named in the query wording (aws-answers-2025's GetQueueUrl row). */
const QUERY_NO_QUEUE = { code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist for this wsdl version.' };
const QUERY_ROWS: Array<{ name: string; source: string; params: (f: Fixtures) => Record<string, string>; code: string; message: string }> = [
  { name: 'DeleteMessage on a queue that does not exist, with a handle that is no handle', source: `${MOTO}::test_delete_message_from_unknown_url`,
    params: (f) => ({ Action: 'DeleteMessage', QueueUrl: unknown(f), ReceiptHandle: 'unknown' }), ...QUERY_NO_QUEUE },
  { name: 'GetQueueAttributes of a URL with no path', source: `${MOTO}::test_get_queue_url_error_not_exists`,
    params: () => ({ Action: 'GetQueueAttributes', QueueUrl: 'http://whatever-incorrect-queue-address', 'AttributeName.1': 'All' }), ...QUERY_NO_QUEUE },
  { name: 'TagQueue of a queue that does not exist', source: `${MOTO}::test_tag_unknown_queue`,
    params: (f) => ({ Action: 'TagQueue', QueueUrl: unknown(f), 'Tag.1.Key': 't', 'Tag.1.Value': 'v' }), ...QUERY_NO_QUEUE },
  // An empty form value is an empty id, not a missing one.
  { name: 'SendMessageBatch with an empty id', source: `${MOTO}::test_send_message_batch_errors`,
    params: (f) => ({ Action: 'SendMessageBatch', QueueUrl: f.standard, 'SendMessageBatchRequestEntry.1.Id': '', 'SendMessageBatchRequestEntry.1.MessageBody': 'body_1' }),
    code: BATCH_ID.code, message: BATCH_ID.message },
  { name: 'SendMessageBatch with ids 1, 2, 2, 1', source: `${MOTO}::test_send_message_batch_errors`,
    params: (f) => Object.fromEntries(['id_1', 'id_2', 'id_2', 'id_1'].flatMap((id, i) => [
      [`SendMessageBatchRequestEntry.${i + 1}.Id`, id], [`SendMessageBatchRequestEntry.${i + 1}.MessageBody`, 'body']]).concat([['Action', 'SendMessageBatch'], ['QueueUrl', f.standard]])),
    code: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', message: 'Id id_2 repeated.' },
];

for (const row of QUERY_ROWS) {
  test(`query protocol: ${row.name} [${row.source}]`, async (t) => {
    const answer = await queryPost(server.endpoint, { service: 'sqs', params: row.params(fx) });
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Code'), row.code);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}

for (const [label, attributes] of [['FIFO', { FifoQueue: 'true' }], ['FIFO with DelaySeconds 10', { FifoQueue: 'true', DelaySeconds: '10' }]] as const) {
  test(`SendMessage to a ${label} queue named by its name: DelaySeconds 5 refused, 0 and none accepted [${MOTO}::test_send_message_delay_seconds_validation[${JSON.stringify(attributes)}]]`, async (t) => {
    const name = `${uniqueQueue('moto-d')}.fifo`;
    await ok('CreateQueue', { QueueName: name, Attributes: attributes });
    const send = (extra: Record<string, unknown>) => json('SendMessage', { QueueUrl: name, MessageBody: 'test', MessageGroupId: 'test', MessageDeduplicationId: `${Math.random()}`, ...extra });
    const refused = await send({ DelaySeconds: 5 });
    t.is(refused.status, 400, JSON.stringify(refused.body));
    t.is(refused.queryError, 'InvalidParameterValue;Sender');
    t.is(refused.body.__type, 'com.amazonaws.sqs#InvalidParameterValueException');
    t.is(refused.body.message, 'Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.');
    // "this should succeed regardless of DelaySeconds configuration on the q" (API_SendMessage request syntax).
    t.is((await send({ DelaySeconds: 0 })).status, 200);
    t.is((await send({})).status, 200);
    t.is((await json('DeleteQueue', { QueueUrl: name })).status, 200);
  });
}

/**
 * ReceiveMessage's two lists of system attribute names. The SDK model (AWS's query twin of the
 * json model, in @aws-sdk/client-sqs's schema) gives both AttributeNames and the newer
 * MessageSystemAttributeNames the same flattened query name, `AttributeName.N`: over the query
 * protocol there is one list, so neither takes precedence; it reads into both members.
 */
test('query protocol: ReceiveMessage AttributeName.N selects the system attributes (AttributeNames and MessageSystemAttributeNames share the name) [@aws-sdk/client-sqs ReceiveMessageRequest schema: xmlName AttributeName, flattened, on both]', async (t) => {
  const url = (await ok('CreateQueue', { QueueName: uniqueQueue('moto-attr') })).QueueUrl as string;
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'x' });
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'ReceiveMessage', QueueUrl: url, 'AttributeName.1': 'SenderId', 'AttributeName.2': 'SentTimestamp', VisibilityTimeout: '0' } });
  t.is(answer.status, 200, answer.body);
  const names = [...answer.body.matchAll(/<Attribute><Name>([^<]*)<\/Name>/g)].map((m) => m[1]).sort();
  t.deepEqual(names, ['SenderId', 'SentTimestamp']);
});
