/**
 * SetQueueAttributes with no attribute to set: none at all, an empty map, or over the query
 * protocol only names without values (`Attribute.1.Name=VisibilityTimeout` alone, which the query
 * decoder drops: hostile-query-map-25.test.ts). AWS answers MissingParameter "The request must
 * contain the parameter Attribute.Name." over the query protocol (localstack's request-validation
 * tests, TestMissingParameter.test_sqs_send_message, marked aws.validated: SetQueueAttributes with
 * QueueUrl and no Attribute.*) and over json too (real AWS answers to SDKs that sent an empty
 * map: aws-controllers-k8s/community#2139, 2024-08-18, "MissingParameter: The request must contain
 * the parameter Attribute.Name."; pulumi/pulumi-aws#5959, 2025-11-13, "api error
 * MissingParameter: The request must contain the parameter Attribute.Name."). Before msg27
 * boltstack answered "… the parameter Attributes." for none and a 200 for an empty json map.
 */
import test from 'ava';
import { GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';

const MISSING = 'The request must contain the parameter Attribute.Name.';

let server: Boltstack;
let sqs: SQSClient;
let queueUrl: string;
test.before(async () => {
  server = await startBoltstack();
  sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  const made = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: uniqueQueue('no-attribute') } });
  queueUrl = xmlValue(made.body, 'QueueUrl')!;
});
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const visibility = async (): Promise<string | undefined> =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['VisibilityTimeout'] }))).Attributes?.VisibilityTimeout;

test('client-sqs (json): SetQueueAttributes with an empty Attributes map is MissingParameter Attribute.Name, nothing changed', async (t) => {
  const error = await t.throwsAsync(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: {} })));
  t.is(error?.name, 'MissingParameter');
  t.is(error?.message, MISSING);
  t.is(((error as unknown) as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode, 400);
  t.is(await visibility(), '30');
});

for (const [row, params] of [
  ['no Attribute.* at all', {}],
  ['a name without its value, indexed', { 'Attribute.1.Name': 'VisibilityTimeout' }],
  ['a name without its value, unindexed', { 'Attribute.Name': 'VisibilityTimeout' }],
] as const) {
  test(`query: SetQueueAttributes with ${row} is MissingParameter Attribute.Name`, async (t) => {
    const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'SetQueueAttributes', QueueUrl: queueUrl, ...params } });
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Code'), 'MissingParameter');
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Message'), MISSING);
    t.is(await visibility(), '30');
  });
}

test('query: a half entry beside a whole one still sets the whole one', async (t) => {
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'SetQueueAttributes', QueueUrl: queueUrl, 'Attribute.1.Name': 'Policy', 'Attribute.2.Name': 'DelaySeconds', 'Attribute.2.Value': '2' } });
  t.is(answer.status, 200, answer.body);
  t.is((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['DelaySeconds'] }))).Attributes?.DelaySeconds, '2');
});
