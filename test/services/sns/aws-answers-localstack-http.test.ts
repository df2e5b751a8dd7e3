/**
 * HTTP deliveries against AWS's recordings in localstack's tests/aws/services/sns/test_sns.snapshot.json
 * (TestSNSSubscriptionHttp): the headers of a SubscriptionConfirmation, a Notification (raw or
 * not) and an UnsubscribeConfirmation, and their documents' fields, as a real endpoint started
 * by the test receives them.
 */
import test from 'ava';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';
import { until } from '../../helpers/until.js';

const PY = 'localstack/localstack tests/aws/services/sns/test_sns.py::TestSNSSubscriptionHttp';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Received { headers: IncomingMessage['headers']; body: string }
async function endpoint(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => { received.push({ headers: req.headers, body }); res.end(); });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/sns-endpoint`, received, close: () => new Promise((r) => srv.close(() => r())) };
}
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const AGENT = { 'accept-encoding': 'gzip,deflate', 'user-agent': 'Amazon Simple Notification Service Agent' };
const snsHeaders = (h: IncomingMessage['headers']): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(h).filter(([k]) => k.startsWith('x-amz-sns-') || k in AGENT || k === 'content-type') as Array<[string, string]>);

for (const raw of [true, false]) {
  test(`${raw ? 'raw' : 'enveloped'} delivery: the headers of the confirmation, the notification and the unsubscribe confirmation, and their documents [${PY}::test_subscribe_external_http_endpoint[${raw ? 'True' : 'False'}] (validated 2023-10-11), test_subscribe_external_http_endpoint_lambda_url_sig_validation (validated 2025-01-24)]`, async (t) => {
    const hook = await endpoint();
    try {
      const topic = xmlValue((await sns({ Action: 'CreateTopic', Name: `http-${process.pid}-${raw}` })).body, 'TopicArn')!;
      await sns({ Action: 'Subscribe', TopicArn: topic, Protocol: 'http', Endpoint: hook.url });
      const confirmation = await until(() => hook.received[0]);
      const doc = JSON.parse(confirmation.body) as Record<string, string>;
      t.deepEqual(snsHeaders(confirmation.headers), { ...AGENT, 'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-id': doc.MessageId, 'x-amz-sns-message-type': 'SubscriptionConfirmation', 'x-amz-sns-topic-arn': topic });
      t.deepEqual(Object.keys(doc).sort(), ['Message', 'MessageId', 'Signature', 'SignatureVersion', 'SigningCertURL', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type']);
      t.is(doc.Message, `You have chosen to subscribe to the topic ${topic}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`);
      const confirmed = await sns({ Action: 'ConfirmSubscription', TopicArn: topic, Token: doc.Token! });
      const subscription = xmlValue(confirmed.body, 'SubscriptionArn')!;
      if (raw) await sns({ Action: 'SetSubscriptionAttributes', SubscriptionArn: subscription, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' });
      await sns({ Action: 'Publish', TopicArn: topic, Message: 'test_external_http_endpoint' });
      const notification = await until(() => hook.received[1]);
      const id = notification.headers['x-amz-sns-message-id'] as string;
      t.deepEqual(snsHeaders(notification.headers), { ...AGENT, 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-id': id,
        'x-amz-sns-message-type': 'Notification', 'x-amz-sns-subscription-arn': subscription, 'x-amz-sns-topic-arn': topic,
        ...(raw ? { 'x-amz-sns-rawdelivery': 'true' } : {}) });
      if (raw) t.is(notification.body, 'test_external_http_endpoint');
      else t.deepEqual(Object.keys(JSON.parse(notification.body) as object).sort(), ['Message', 'MessageId', 'Signature', 'SignatureVersion', 'SigningCertURL', 'Timestamp', 'TopicArn', 'Type', 'UnsubscribeURL']);
      await sns({ Action: 'Unsubscribe', SubscriptionArn: subscription });
      const goodbye = await until(() => hook.received[2]);
      const bye = JSON.parse(goodbye.body) as Record<string, string>;
      t.deepEqual(snsHeaders(goodbye.headers), { ...AGENT, 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-id': bye.MessageId,
        'x-amz-sns-message-type': 'UnsubscribeConfirmation', 'x-amz-sns-subscription-arn': subscription, 'x-amz-sns-topic-arn': topic });
      t.is(bye.Type, 'UnsubscribeConfirmation');
      t.is(bye.Message, `You have chosen to deactivate subscription ${subscription}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`);
    } finally {
      await hook.close();
    }
  });
}

test(`ConfirmSubscription by its URL (unsigned GET): a topic that is no ARN or of another region is "Invalid parameter: Topic", a wrong token "Invalid parameter: Token"; a missing topic of the right region still confirms with the token, and again [${PY}::test_subscribe_external_http_endpoint[False] "broken-topic-arn-confirm", "broken-token-confirm", "different-region-arn-confirm", "nonexistent-token-confirm", "confirm-subscribe" (validated 2023-10-11)]`, async (t) => {
  const hook = await endpoint();
  try {
    const topic = xmlValue((await sns({ Action: 'CreateTopic', Name: `http-confirm-${process.pid}` })).body, 'TopicArn')!;
    await sns({ Action: 'Subscribe', TopicArn: topic, Protocol: 'http', Endpoint: hook.url });
    const doc = JSON.parse((await until(() => hook.received[0])).body) as Record<string, string>;
    const base = doc.SubscribeURL!.slice(0, doc.SubscribeURL!.indexOf('?'));
    const confirm = async (topicArn: string, token: string): Promise<{ status: number; body: string }> => {
      const res = await fetch(`${base}?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`);
      return { status: res.status, body: await res.text() };
    };
    const refusals = [];
    for (const [topicArn, token] of [['not-an-arn', doc.Token!], [topic, 'abc123']] as const) {
      const answer = await confirm(topicArn, token);
      refusals.push([answer.status, xmlValue(answer.body, 'Code'), xmlValue(answer.body, 'Type'), xmlValue(answer.body, 'Message')]);
    }
    // An unsigned GET to boltstack names no region (AWS's SubscribeURL host does): the other-region
    // row is asked signed, in us-east-1.
    const otherRegion = await sns({ Action: 'ConfirmSubscription', TopicArn: topic.replace('us-east-1', 'eu-central-1'), Token: doc.Token! });
    refusals.push([otherRegion.status, xmlValue(otherRegion.body, 'Code'), xmlValue(otherRegion.body, 'Type'), xmlValue(otherRegion.body, 'Message')]);
    t.deepEqual(refusals, [[400, 'InvalidParameter', 'Sender', 'Invalid parameter: Topic'], [400, 'InvalidParameter', 'Sender', 'Invalid parameter: Token'],
      [400, 'InvalidParameter', 'Sender', 'Invalid parameter: Topic']]);
    const elsewhere = await confirm(`${topic.slice(0, -1)}${topic.endsWith('a') ? 'b' : 'a'}`, doc.Token!);
    t.is(elsewhere.status, 200, elsewhere.body);
    const subscription = xmlValue(elsewhere.body, 'SubscriptionArn')!;
    t.true(subscription.startsWith(`${topic}:`));
    const attributes = await sns({ Action: 'GetSubscriptionAttributes', SubscriptionArn: subscription });
    t.regex(attributes.body, /<key>PendingConfirmation<\/key>\s*<value>false<\/value>/);
    const again = await fetch(doc.SubscribeURL!);
    t.is(again.status, 200);
    t.is(xmlValue(await again.text(), 'SubscriptionArn'), subscription);
  } finally {
    await hook.close();
  }
});
