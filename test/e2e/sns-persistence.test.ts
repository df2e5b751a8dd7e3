/**
 * SNS state and HTTP deliveries outlive the process: topics and subscriptions survive a restart,
 * an HTTP delivery that was still being retried when the server was killed (-9) is delivered
 * after the restart (the durable outbox, resumed when the server starts, before any request),
 * and messages signed before the restart verify with the
 * certificate served after it.
 */
import test from 'ava';
import { createServer } from 'node:http';
import { X509Certificate, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTopicCommand, GetTopicAttributesCommand, PublishCommand, SNSClient, SetSubscriptionAttributesCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';
import { until } from '../helpers/until.js';

const client = (endpoint: string): SNSClient => new SNSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });

test('an HTTP delivery pending at kill -9 is delivered after the restart; signatures still verify', async (t) => {
  t.timeout(120_000);
  const tmp = await tempDir();
  let up = false;
  const bodies: string[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      const type = req.headers['x-amz-sns-message-type'];
      if (type === 'Notification' && !up) { res.statusCode = 503; res.end(); return; }
      bodies.push(body);
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  try {
    let sns = client(server.endpoint);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'durable' }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: url }));
    const confirmation = JSON.parse(await until(() => bodies[0], 30_000)) as { SubscribeURL: string };
    const confirmed = await (await fetch(confirmation.SubscribeURL)).text();
    const SubscriptionArn = /<SubscriptionArn>([^<]+)</.exec(confirmed)![1]!;
    await sns.send(new SetSubscriptionAttributesCommand({
      SubscriptionArn, AttributeName: 'DeliveryPolicy',
      AttributeValue: JSON.stringify({ healthyRetryPolicy: { numRetries: 60, minDelayTarget: 1, maxDelayTarget: 1 } }),
    }));
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'survive me' }));
    await new Promise((r) => setTimeout(r, 300)); // the first attempt fails (503)
    sns.destroy();
    await server.kill9();

    up = true;
    server = await startChild(args);
    // No SNS request before the delivery: the outbox resumes when the server starts (it used to
    // wait for the first SNS request after the restart).
    const note = JSON.parse(await until(() => bodies[1], 30_000)) as Record<string, string>;
    sns = client(server.endpoint);
    t.is((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.SubscriptionsConfirmed, '1', 'topic and subscription survived');
    t.is(note.MessageId, MessageId!);
    t.is(note.Message, 'survive me');
    // The message was signed by the first process; the certificate comes from the second.
    const file = note.SigningCertURL!.split('/').pop()!;
    const cert = new X509Certificate(await (await fetch(`${server.endpoint}/_boltstack/sns/${file}`)).text());
    const text = ['Message', 'MessageId', 'Timestamp', 'TopicArn', 'Type'].map((f) => `${f}\n${note[f]}\n`).join('');
    t.true(verify('sha1', Buffer.from(text), cert.publicKey, Buffer.from(note.Signature!, 'base64')));
    sns.destroy();
  } finally {
    await server.stop().catch(() => undefined);
    await new Promise((resolve) => hook.close(resolve));
    await tmp.remove();
  }
});
