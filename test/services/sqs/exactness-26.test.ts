/**
 * SQS exactness, twenty-sixth pass: DeleteQueue calls that overlap, what a queue just deleted
 * answers, and the answer to a body with characters SQS refuses. SDK v3 clients (json) and signed query-form posts against the real server.
 *
 * Sources: API_DeleteQueue.html, quoted in boto/botocore#1821 ("the deletion process takes up to
 * 60 seconds. Requests you send involving that queue during the 60 seconds might succeed"); a
 * second `aws sqs delete-queue` run by hand against AWS answered
 * AWS.SimpleQueueService.NonExistentQueue (Admiral-Piett/goaws#356, 2026-01-25, AWS CLI v2).
 * Found here: DeleteQueue calls sent together, before any was answered, got QueueDoesNotExist
 * for all but the first whenever the first was done before the others were read; a body with a
 * refused character was answered in LocalStack's words, not AWS's (sources at those rows).
 */
import test from 'ava';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueUrlCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { sqsClient, sqsErrorOf, sqsJson, uniqueQueue } from '../../helpers/sqs.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });
const newQueue = async (prefix: string): Promise<string> => (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue(prefix) }))).QueueUrl!;

test('DeleteQueue calls sent together, each from a client of its own (a connection each), all succeed, in every round [API_DeleteQueue.html via boto/botocore#1821: requests during the deletion "might succeed"; no capture of overlapping calls]', async (t) => {
  for (let round = 0; round < 10; round++) {
    const QueueUrl = await newQueue('x26-del');
    const clients = [0, 1, 2, 3].map(() => sqsClient(server.endpoint));
    try {
      const answers = await Promise.allSettled(clients.map((c) => c.send(new DeleteQueueCommand({ QueueUrl }))));
      t.deepEqual(answers.map((a) => a.status === 'fulfilled' ? 'ok' : String((a.reason as Error).name)), ['ok', 'ok', 'ok', 'ok'], `round ${round}`);
    } finally {
      for (const c of clients) c.destroy();
    }
  }
});

test('a DeleteQueue read just after another one of the same queue was done (as calls sent together may be): 200 [as above]', async (t) => {
  const QueueUrl = await newQueue('x26-del1');
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  await t.notThrowsAsync(sqs.send(new DeleteQueueCommand({ QueueUrl })));
});

test('query form: DeleteQueue calls sent together all answer 200 with a DeleteQueueResponse [as above]', async (t) => {
  const QueueUrl = await newQueue('x26-delq');
  const answers = await Promise.all([0, 1, 2].map(() => queryPost(server.endpoint, { service: 'sqs', params: { Action: 'DeleteQueue', QueueUrl } })));
  for (const a of answers) {
    t.is(a.status, 200, a.body);
    t.true(a.body.includes('<DeleteQueueResponse'), a.body);
  }
});

test('a DeleteQueue sent well after the first was answered: 400 AWS.SimpleQueueService.NonExistentQueue [Admiral-Piett/goaws#356, 2026-01-25, real AWS via AWS CLI v2]', async (t) => {
  const QueueUrl = await newQueue('x26-del2');
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  await sleep(1200);
  const err = await sqsErrorOf(sqs.send(new DeleteQueueCommand({ QueueUrl })));
  t.is(err.name, 'QueueDoesNotExist');
  t.is(err.Code, 'AWS.SimpleQueueService.NonExistentQueue');
  t.is(err.$metadata.httpStatusCode, 400);
  const q = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'DeleteQueue', QueueUrl } });
  t.is(q.status, 400, q.body);
  t.is(xmlValue(q.body, 'Code'), 'AWS.SimpleQueueService.NonExistentQueue');
  t.is(xmlValue(q.body, 'Message'), 'The specified queue does not exist for this wsdl version.');
});

test('right after DeleteQueue, SendMessage and GetQueueUrl answer QueueDoesNotExist, not a success [API_DeleteQueue.html allows either for 60 s ("might succeed"); the refusal is the answer once AWS\'s deletion shows (goaws#356), and a send it accepted would be lost]', async (t) => {
  const name = uniqueQueue('x26-gone');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  t.is((await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'late' })))).name, 'QueueDoesNotExist');
  t.is((await sqsErrorOf(sqs.send(new GetQueueUrlCommand({ QueueName: name })))).name, 'QueueDoesNotExist');
});

test('a DeleteQueue of a queue that never existed is refused at once, even right after another queue was deleted [localstack/moto: QueueDoesNotExist; the overlap grace is per queue]', async (t) => {
  const QueueUrl = await newQueue('x26-other');
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  const err = await sqsErrorOf(sqs.send(new DeleteQueueCommand({ QueueUrl: `${QueueUrl}-never` })));
  t.is(err.name, 'QueueDoesNotExist');
});

// ---- Bodies with characters outside the XML character set ----
// AWS names the first refused character in upper-case hex: "Invalid binary character '#x7' was
// found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]." (asim/nitro-plugins#437, 2019, '#x7';
// Particular/NServiceBus.AmazonSQS#2630, 2024-11, '#x1'; a 2026 production test quoting "the exact
// rejection SQS returned", '#xFFFF'). Before this pass boltstack answered LocalStack's own
// wording ("Invalid characters found. Valid unicode characters are ..."), which no AWS answer has.
const CONTENTS = (hex: string): string =>
  `Invalid binary character '#x${hex}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].`;
const REFUSED: Array<[string, string]> = [
  ['\u0000', '0'], ['\u0007', '7'], ['\u0008', '8'], ['\u000b', 'B'], ['\u000c', 'C'], ['\u000e', 'E'], ['\u001f', '1F'], ['\ufffe', 'FFFE'], ['\uffff', 'FFFF'],
];
const LONE: Array<[string, string]> = [['\ud800', 'D800'], ['\udc00', 'DC00']];

test('json: a body with each refused character (and a lone surrogate) is 400 InvalidMessageContents naming that character [asim/nitro-plugins#437 (2019), Particular/NServiceBus.AmazonSQS#2630 (2024-11), a 2026 production capture: AWS\'s words]', async (t) => {
  const QueueUrl = await newQueue('x26-chars');
  for (const [ch, hex] of [...REFUSED, ...LONE]) {
    const answer = await sqsJson(server.endpoint, 'SendMessage', { QueueUrl, MessageBody: `ok ${ch} then \u0001` });
    t.is(answer.status, 400, hex);
    t.is(answer.body.__type, 'com.amazonaws.sqs#InvalidMessageContents', hex);
    t.is(answer.queryError, 'InvalidMessageContents;Sender', hex);
    t.is(answer.body.message, CONTENTS(hex), hex);
  }
  // Tab, line feed, carriage return, the edges of each allowed range and a surrogate pair pass.
  const fine = await sqsJson(server.endpoint, 'SendMessage', { QueueUrl, MessageBody: '\t\n\r \ud7ff\ue000\ufffd\ud800\udc00\udbff\udfff' });
  t.is(fine.status, 200);
});

test('query form: the same answer, in the XML error [as above]', async (t) => {
  const QueueUrl = await newQueue('x26-charsq');
  for (const [ch, hex] of REFUSED) {
    const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'SendMessage', QueueUrl, MessageBody: `a${ch}` } });
    t.is(answer.status, 400, hex);
    t.is(xmlValue(answer.body, 'Code'), 'InvalidMessageContents', hex);
    t.is(xmlValue(answer.body, 'Message'), CONTENTS(hex), hex);
  }
});

test('SendMessageBatch: the entry with a refused character fails alone with the same words, the others are sent [as above; a batch entry fails with the single call\'s code and message]', async (t) => {
  const QueueUrl = await newQueue('x26-charsb');
  const answer = await sqsJson(server.endpoint, 'SendMessageBatch', { QueueUrl, Entries: [{ Id: 'bad', MessageBody: 'x\u000by' }, { Id: 'good', MessageBody: 'fine' }] });
  t.is(answer.status, 200);
  t.deepEqual(answer.body.Failed, [{ Id: 'bad', Code: 'InvalidMessageContents', Message: CONTENTS('B'), SenderFault: true }]);
  t.deepEqual((answer.body.Successful as Array<{ Id: string }>).map((s) => s.Id), ['good']);
});

// ---- Names that are also Object.prototype's ----
// `__proto__`, `constructor`, `toString` are valid message attribute names and tag keys (letters,
// digits, "_", "-", "." : SQS developer guide, message attribute components; tag keys: any
// characters), so AWS keeps them like any other. Found here: a json SendMessage with an attribute
// named `__proto__` answered 500 (the attribute map's prototype was replaced), and TagQueue
// dropped a `__proto__` tag while answering 200.
const rawJson = async (operation: string, text: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(server.endpoint, { method: 'POST', headers: { 'x-amz-target': `AmazonSQS.${operation}`, 'content-type': 'application/x-amz-json-1.0' }, body: text });
  const body = await res.text();
  return { status: res.status, body: body === '' ? {} : JSON.parse(body) as Record<string, unknown> };
};

test('json: message attributes named __proto__, constructor and toString are sent and received back like any other [SQS developer guide: valid names; invariant: no 5xx]', async (t) => {
  const QueueUrl = await newQueue('x26-proto');
  // Written as text: a JavaScript object literal would not carry an own "__proto__" key.
  const sent = await rawJson('SendMessage', `{"QueueUrl":"${QueueUrl}","MessageBody":"x","MessageAttributes":{"__proto__":{"DataType":"Number","StringValue":"1.50"},"constructor":{"DataType":"String","StringValue":"c"},"toString":{"DataType":"String","StringValue":"t"}}}`);
  t.is(sent.status, 200, JSON.stringify(sent.body));
  const got = await rawJson('ReceiveMessage', `{"QueueUrl":"${QueueUrl}","MessageAttributeNames":["All"]}`);
  const [m] = got.body.Messages as Array<{ MessageAttributes: Record<string, unknown>; MD5OfMessageAttributes: string }>;
  t.deepEqual(Object.keys(m!.MessageAttributes).sort(), ['__proto__', 'constructor', 'toString']);
  t.deepEqual(JSON.parse(JSON.stringify(m!.MessageAttributes)).__proto__, { DataType: 'Number', StringValue: '1.5' });
  // Selected by name alone.
  await rawJson('ChangeMessageVisibility', `{"QueueUrl":"${QueueUrl}","ReceiptHandle":"${(got.body.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle}","VisibilityTimeout":0}`);
  const one = await rawJson('ReceiveMessage', `{"QueueUrl":"${QueueUrl}","MessageAttributeNames":["__proto__"]}`);
  t.deepEqual(Object.keys((one.body.Messages as Array<{ MessageAttributes: object }>)[0]!.MessageAttributes), ['__proto__']);
});

test('query form: a message attribute named __proto__ is sent and received [as above]', async (t) => {
  const QueueUrl = await newQueue('x26-protoq');
  const sent = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'SendMessage', QueueUrl, MessageBody: 'x', 'MessageAttribute.1.Name': '__proto__', 'MessageAttribute.1.Value.DataType': 'String', 'MessageAttribute.1.Value.StringValue': 'v' } });
  t.is(sent.status, 200, sent.body);
  const got = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'ReceiveMessage', QueueUrl, 'MessageAttributeName.1': 'All' } });
  t.true(got.body.includes('<MessageAttribute><Name>__proto__</Name><Value><DataType>String</DataType><StringValue>v</StringValue></Value></MessageAttribute>'), got.body);
});

test('TagQueue with tag keys __proto__ and constructor: both listed, and UntagQueue removes one [SQS tags: any key of 1-128 characters; invariant: no silent loss]', async (t) => {
  const QueueUrl = await newQueue('x26-tags');
  t.is((await rawJson('TagQueue', `{"QueueUrl":"${QueueUrl}","Tags":{"__proto__":"p","constructor":"c"}}`)).status, 200);
  t.deepEqual((await rawJson('ListQueueTags', `{"QueueUrl":"${QueueUrl}"}`)).body.Tags, JSON.parse('{"__proto__":"p","constructor":"c"}'));
  t.is((await rawJson('UntagQueue', `{"QueueUrl":"${QueueUrl}","TagKeys":["__proto__"]}`)).status, 200);
  t.deepEqual((await rawJson('ListQueueTags', `{"QueueUrl":"${QueueUrl}"}`)).body.Tags, { constructor: 'c' });
});

test('GetQueueAttributes of constructor, __proto__ or toString: 400 InvalidAttributeName "Unknown Attribute <name>.", as for any unknown name [localstack tests/aws/services/sqs/test_sqs.py test_get_queue_attributes_with_invalid_arg_returns_error (aws.validated); before, 200 with no attributes]', async (t) => {
  const QueueUrl = await newQueue('x26-qattr');
  for (const name of ['constructor', '__proto__', 'toString']) {
    const answer = await sqsJson(server.endpoint, 'GetQueueAttributes', { QueueUrl, AttributeNames: [name] });
    t.is(answer.status, 400, name);
    t.is(answer.body.__type, 'com.amazonaws.sqs#InvalidAttributeName', name);
    t.is(answer.body.message, `Unknown Attribute ${name}.`, name);
  }
});
