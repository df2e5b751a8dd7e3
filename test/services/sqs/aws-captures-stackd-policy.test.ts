/**
 * A queue's access Policy as SQS answers it, against a raw capture of native AWS (us-west-2 and
 * us-east-1, 2026-09-22): radkawar/stackd testdata/aws/sns/regional_sqs.json; each row cites the
 * labels of its `observations` entries. Json rows through the SDK v3 client, the query row through
 * a signed form POST.
 */
import test from 'ava';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const REGIONAL = 'radkawar/stackd testdata/aws/sns/regional_sqs.json';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint, undefined, 'us-west-2'); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

/** The capture's policy: a statement naming ArnEquals, then StringEquals, written with spaces. */
const written = (queueArn: string, topicArn: string) => `{"Version": "2012-10-17", "Statement": [{"Sid": "OwnedTopic", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, `
  + `"Action": "sqs:SendMessage", "Resource": "${queueArn}", "Condition": {"ArnEquals": {"aws:SourceArn": "${topicArn}"}, "StringEquals": {"aws:SourceAccount": "000000000000"}}}]}`;
/** As AWS answered it: compact, the statement's members as given, StringEquals before ArnEquals. */
const answered = (queueArn: string, topicArn: string) => '{"Version":"2012-10-17","Statement":[{"Sid":"OwnedTopic","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},'
  + `"Action":"sqs:SendMessage","Resource":"${queueArn}","Condition":{"StringEquals":{"aws:SourceAccount":"000000000000"},"ArnEquals":{"aws:SourceArn":"${topicArn}"}}}]}`;

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:stackd-sns-regsqs-standard';

test(`SetQueueAttributes Policy: answered compact with its Condition operators in AWS's order (StringEquals before ArnEquals), among All after DelaySeconds; LastModifiedTimestamp moves on [${REGIONAL} policy-correct-*-wrapped, policy-correct-*-wrapped-readback, policy-correct-*-fifo.fifo-readback, policy-correct-*-subscription-dlq-readback (2026-09-22)]`, async (t) => {
  for (const fifo of [false, true]) {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: `${uniqueQueue('cap-policy')}${fifo ? '.fifo' : ''}`, Attributes: fifo ? { FifoQueue: 'true' } : {} }))).QueueUrl!;
    const before = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: written(before.QueueArn!, TOPIC) } }));
    const after = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    t.is(after.Policy, answered(before.QueueArn!, TOPIC));
    const names = Object.keys(after);
    t.is(names[names.indexOf('DelaySeconds') + 1], 'Policy');
    t.true(Number(after.LastModifiedTimestamp) > Number(before.LastModifiedTimestamp));
    t.is(after.CreatedTimestamp, before.CreatedTimestamp);
  }
});

test(`CreateQueue with the Policy answers it the same, over the query protocol too [${REGIONAL} policy-correct-*-readback (2026-09-22)]`, async (t) => {
  const name = uniqueQueue('cap-policy-create');
  const arn = `arn:aws:sqs:us-west-2:000000000000:${name}`;
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { Policy: written(arn, TOPIC) } }))).QueueUrl!;
  const xml = await queryPost(server.endpoint, { service: 'sqs', region: 'us-west-2', params: { Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'Policy' } });
  t.is(xml.status, 200, xml.body);
  t.is(xmlValue(xml.body, 'Value'), answered(arn, TOPIC));
});
