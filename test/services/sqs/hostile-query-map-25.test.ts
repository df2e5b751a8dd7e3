/**
 * Hostile pass 25 over the query protocol's map decoding (src/protocols/query/decode.ts, map
 * case), after a flattened map's unindexed entry (`Attribute.Name=...&Attribute.Value=...`) began
 * to be read (9cb359a). Found: a map entry whose key came without its value, indexed or not
 * (`Attribute.1.Name=VisibilityTimeout` alone, `MessageAttribute.Name=a` alone, SNS's
 * `MessageAttributes.entry.1.Name=a` alone, `Attributes.entry.1.key=DisplayName` alone), reached
 * the handler as a name mapped to undefined, and SQS and SNS answered 500 InternalFailure.
 *
 * Now such an entry is not an entry when its value is a scalar (a message attribute, a structure,
 * named with none of its members is an empty structure since 2026-12-08: rows below), as an entry
 * without its key already was and as boltstack's JSON decoder drops a null map value (`"Attributes": {"VisibilityTimeout": null}`): the call is
 * answered as one without it (SetQueueAttributes: 400 MissingParameter Attribute.Name, as for no
 * attribute at all). No capture of AWS's answer to a half entry was found (searched: SQS/SNS
 * query issues, stackd, LocalStack snapshots); what AWS never answers such a request with is a
 * 5xx of its own fault ("InternalFailure: The request processing has failed because of an
 * unknown error", API_CreateQueue Errors), so the 500 was the defect.
 * Also tried, answered as before: an unindexed and an indexed entry together (the indexed one
 * wins), `Attribute.Value` alone, a 100 000-character name (InvalidAttributeName), an unindexed
 * MessageAttribute with its nested Value structure, and in a batch entry.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';

let server: Boltstack;
let queueUrl: string;
test.before(async () => {
  server = await startBoltstack();
  const made = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: uniqueQueue('half-entry') } });
  queueUrl = xmlValue(made.body, 'QueueUrl')!;
});
test.after.always(async () => { await server?.stop(); });

const sqs = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sqs', params: { QueueUrl: queueUrl, ...params } });

for (const [row, params] of [
  ['indexed', { 'Attribute.1.Name': 'VisibilityTimeout' }],
  ['unindexed', { 'Attribute.Name': 'VisibilityTimeout' }],
] as const) {
  test(`SetQueueAttributes with a name and no value (${row}): 400 MissingParameter Attribute.Name, nothing changed`, async (t) => {
    const set = await sqs({ Action: 'SetQueueAttributes', ...params });
    t.is(set.status, 400, set.body);
    t.is(xmlValue(set.body, 'Code'), 'MissingParameter');
    // AWS's words for no attribute to set (msg27: attribute-entries-27.test.ts gives the sources).
    t.is(xmlValue(set.body, 'Message'), 'The request must contain the parameter Attribute.Name.');
    const got = await sqs({ Action: 'GetQueueAttributes', 'AttributeName.1': 'VisibilityTimeout' });
    t.is(xmlValue(got.body, 'Value'), '30');
  });
}

test('SetQueueAttributes: a half entry beside a whole one sets the whole one', async (t) => {
  const set = await sqs({ Action: 'SetQueueAttributes', 'Attribute.1.Name': 'Policy', 'Attribute.2.Name': 'DelaySeconds', 'Attribute.2.Value': '3' });
  t.is(set.status, 200, set.body);
  const got = await sqs({ Action: 'GetQueueAttributes', 'AttributeName.1': 'DelaySeconds' });
  t.is(xmlValue(got.body, 'Value'), '3');
});

test('CreateQueue with an attribute name and no value: the queue is made with its defaults, not a 500', async (t) => {
  const name = uniqueQueue('half-create');
  const made = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: name, 'Attribute.Name': 'VisibilityTimeout' } });
  t.is(made.status, 200, made.body);
});

// A message attribute named with none of its members is an empty structure now (decode.ts), and
// the services refuse it in their own words rather than drop what the caller named: SQS answered
// such an attribute InvalidParameterValue (boto/boto#3348, 2015; the words boltstack writes for a
// missing DataType are today's, "Message (user) attribute 'X' must contain a non-empty attribute
// type", as SQS tools quote it); SNS checks its model's required DataType first (Coral's
// ValidationError for a null required member).
for (const [row, params] of [
  ['indexed', { 'MessageAttribute.1.Name': 'a' }],
  ['unindexed', { 'MessageAttribute.Name': 'a' }],
] as const) {
  test(`SendMessage with a message attribute name and no value (${row}): 400 InvalidParameterValue naming it, nothing sent`, async (t) => {
    const sent = await sqs({ Action: 'SendMessage', MessageBody: `half ${row}`, ...params });
    t.is(sent.status, 400, sent.body);
    t.is(xmlValue(sent.body, 'Code'), 'InvalidParameterValue');
    t.is(xmlValue(sent.body, 'Message'), "The message (user) attribute 'a' must contain a non-empty attribute type.");
  });
}

test('SendMessageBatch: an entry whose message attribute has a name and no value fails alone', async (t) => {
  const sent = await sqs({
    Action: 'SendMessageBatch',
    'SendMessageBatchRequestEntry.1.Id': 'whole', 'SendMessageBatchRequestEntry.1.MessageBody': 'whole',
    'SendMessageBatchRequestEntry.2.Id': 'half', 'SendMessageBatchRequestEntry.2.MessageBody': 'half',
    'SendMessageBatchRequestEntry.2.MessageAttribute.1.Name': 'a',
  });
  t.is(sent.status, 200, sent.body);
  t.regex(sent.body, /<SendMessageBatchResultEntry><Id>whole<\/Id>/);
  t.regex(sent.body, /<BatchResultErrorEntry><Id>half<\/Id>[^]*<Code>InvalidParameterValue<\/Code>/);
});

test('SNS: a string map entry with its key and no value is dropped (CreateTopic); a message attribute with none of its members is a ValidationError (Publish): not a 500', async (t) => {
  const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
  const made = await sns({ Action: 'CreateTopic', Name: 'half-entry-topic', 'Attributes.entry.1.key': 'DisplayName' });
  t.is(made.status, 200, made.body);
  const published = await sns({ Action: 'Publish', TopicArn: xmlValue(made.body, 'TopicArn')!, Message: 'hi', 'MessageAttributes.entry.1.Name': 'a' });
  t.is(published.status, 400, published.body);
  t.is(xmlValue(published.body, 'Code'), 'ValidationError');
  t.is(xmlValue(published.body, 'Message'), "1 validation error detected: Value null at 'messageAttributes.a.member.dataType' failed to satisfy constraint: Member must not be null");
});

for (const name of ['__proto__', 'constructor', 'toString']) {
  test(`SetQueueAttributes of an attribute named ${name}: 400 InvalidAttributeName, as any unknown name (was a 500)`, async (t) => {
    const set = await sqs({ Action: 'SetQueueAttributes', 'Attribute.1.Name': name, 'Attribute.1.Value': '1' });
    t.is(set.status, 400, set.body);
    t.is(xmlValue(set.body, 'Code'), 'InvalidAttributeName');
    t.is(xmlValue(set.body, 'Message'), `Unknown Attribute ${name}.`);
  });
}
