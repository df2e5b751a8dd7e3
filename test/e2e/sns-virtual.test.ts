/**
 * The `virtual` gate for SNS (docs/feature-gates.md): email and SMS deliveries and publishes to a
 * platform endpoint are captured and readable at GET /_boltstack/sns/outbox; without the gate the
 * same calls are NotImplemented. Platform applications and endpoints are stored and listed.
 */
import test from 'ava';
import {
  CreatePlatformApplicationCommand, CreatePlatformEndpointCommand, CreateTopicCommand, GetPlatformApplicationAttributesCommand,
  ListEndpointsByPlatformApplicationCommand, ListPlatformApplicationsCommand, PublishCommand, SubscribeCommand,
} from '@aws-sdk/client-sns';
import { startBoltstack } from '../helpers/server.js';
import { snsClient } from '../helpers/sns.js';

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }
interface Outbox { deliveries: { protocol: string; endpoint: string; message: string; subject?: string }[] }

test('with virtual: email, SMS and push deliveries are captured at /_boltstack/sns/outbox', async (t) => {
  const server = await startBoltstack({ features: 'virtual' });
  const sns = snsClient(server.endpoint);
  try {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
    const email = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }));
    t.regex(email.SubscriptionArn!, /^arn:aws:sns:/, 'confirmed at once');
    await sns.send(new PublishCommand({ TopicArn, Message: 'disk full', Subject: 'Alert' }));
    await sns.send(new PublishCommand({ PhoneNumber: '+15555550100', Message: 'code 1234' }));
    const { PlatformApplicationArn } = await sns.send(new CreatePlatformApplicationCommand({ Name: 'app', Platform: 'GCM', Attributes: { PlatformCredential: 'secret' } }));
    t.is(PlatformApplicationArn, 'arn:aws:sns:us-east-1:000000000000:app/GCM/app');
    const attrs = (await sns.send(new GetPlatformApplicationAttributesCommand({ PlatformApplicationArn }))).Attributes!;
    t.false('PlatformCredential' in attrs, 'credentials are never returned');
    t.true((await sns.send(new ListPlatformApplicationsCommand({}))).PlatformApplications!.some((a) => a.PlatformApplicationArn === PlatformApplicationArn));
    const { EndpointArn } = await sns.send(new CreatePlatformEndpointCommand({ PlatformApplicationArn, Token: 'device-1' }));
    t.is((await sns.send(new CreatePlatformEndpointCommand({ PlatformApplicationArn, Token: 'device-1' }))).EndpointArn, EndpointArn, 'idempotent per token');
    t.is((await sns.send(new ListEndpointsByPlatformApplicationCommand({ PlatformApplicationArn }))).Endpoints![0]!.Attributes!.Token, 'device-1');
    await sns.send(new PublishCommand({ TargetArn: EndpointArn, Message: 'ping' }));

    const outbox = await (await fetch(`${server.endpoint}/_boltstack/sns/outbox`)).json() as Outbox;
    t.like(outbox.deliveries[0], { protocol: 'email', endpoint: 'ops@example.com', message: 'disk full', subject: 'Alert' });
    t.like(outbox.deliveries[1], { protocol: 'sms', endpoint: '+15555550100', message: 'code 1234' });
    t.like(outbox.deliveries[2], { protocol: 'application', endpoint: EndpointArn, message: 'ping' });
  } finally {
    sns.destroy();
    await server.stop();
  }
});

test('strict (default): the same calls are NotImplemented, naming what is missing', async (t) => {
  const server = await startBoltstack();
  const sns = snsClient(server.endpoint);
  try {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
    const sub = await t.throwsAsync(sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sms', Endpoint: '+15555550100' }))) as unknown as SdkError;
    t.is(sub.name, 'NotImplemented');
    t.is(sub.$metadata.httpStatusCode, 501);
    t.regex(sub.message, /sms protocol/);
    const sms = await t.throwsAsync(sns.send(new PublishCommand({ PhoneNumber: '+15555550100', Message: 'x' }))) as unknown as SdkError;
    t.is(sms.name, 'NotImplemented');
    t.deepEqual(await (await fetch(`${server.endpoint}/_boltstack/sns/outbox`)).json(), { deliveries: [] });
  } finally {
    sns.destroy();
    await server.stop();
  }
});
