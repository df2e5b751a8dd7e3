/**
 * A topic of account A subscribed to a queue of account B, against a raw capture of native AWS
 * (us-east-1, 2026-09-23): radkawar/stackd testdata/aws/sns/cross_account_confirmation.json; each
 * test cites the labels of its `observations` entries. SDK v3 clients over the real server; the
 * access key names the account.
 */
import test from 'ava';
import {
  ConfirmSubscriptionCommand, CreateTopicCommand, GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand, SNSClient, SNSServiceException, SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

const XCONFIRM = 'radkawar/stackd testdata/aws/sns/cross_account_confirmation.json';
const A = '000000000000';
const B = '917546008205';

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;
const as = (account: string) => ({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' } });
const sns = (account: string): SNSClient => new SNSClient(as(account));
const sqs = (account: string): SQSClient => new SQSClient(as(account));

test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function refusal(call: Promise<unknown>): Promise<{ code: string; status: number | undefined; message: string }> {
  try { await call; } catch (err) {
    if (err instanceof SNSServiceException) return { code: err.name, status: err.$metadata.httpStatusCode, message: err.message };
    throw err;
  }
  return { code: 'none', status: 200, message: '' };
}

/** A's topic and B's queue (its ARN and URL), FIFO or not. */
async function wire(fifo: boolean): Promise<{ topic: string; queueArn: string; queueUrl: string }> {
  const name = unique('xconfirm');
  const { TopicArn } = await sns(A).send(new CreateTopicCommand(fifo ? { Name: `${name}.fifo`, Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'false' } } : { Name: name }));
  const { QueueUrl } = await sqs(B).send(new CreateQueueCommand(fifo ? { QueueName: `${name}.fifo`, Attributes: { FifoQueue: 'true' } } : { QueueName: name }));
  const { Attributes } = await sqs(B).send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { topic: TopicArn!, queueArn: Attributes!.QueueArn!, queueUrl: QueueUrl! };
}

/** AWS's Code AuthorizationError, as the SDK names it. */
const DENIED = { code: 'AuthorizationErrorException', status: 403, message: 'Not authorized to access this subscription' };

test(`Get/SetSubscriptionAttributes answer only the subscription's owner: not the topic's owner for B's subscription, not the queue's owner for A's pending one [${XCONFIRM} direct-subscribe-B, direct-confirmed-get-A, direct-confirmed-set-A, direct-confirmed-get-B, direct-confirmed-set-B, owner-true-subscribe-A-return-true, owner-true-pending-get-A, owner-true-pending-set-A, owner-true-pending-get-B, owner-true-pending-set-B (2026-09-23)]`, async (t) => {
  const { topic, queueArn } = await wire(false);
  const { SubscriptionArn: direct } = await sns(B).send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn, ReturnSubscriptionArn: false }));
  t.deepEqual(await refusal(sns(A).send(new GetSubscriptionAttributesCommand({ SubscriptionArn: direct }))), DENIED);
  t.deepEqual(await refusal(sns(A).send(new SetSubscriptionAttributesCommand({ SubscriptionArn: direct, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }))), DENIED);
  const { Attributes } = await sns(B).send(new GetSubscriptionAttributesCommand({ SubscriptionArn: direct }));
  t.like(Attributes, { Owner: B, PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
  t.deepEqual(Object.keys(Attributes!), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'TopicArn', 'Endpoint', 'Protocol', 'PendingConfirmation',
    'ConfirmationWasAuthenticated', 'SubscriptionArn']);
  await sns(B).send(new SetSubscriptionAttributesCommand({ SubscriptionArn: direct, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }));

  const second = await wire(false);
  const { SubscriptionArn: pending } = await sns(A).send(new SubscribeCommand({ TopicArn: second.topic, Protocol: 'sqs', Endpoint: second.queueArn, ReturnSubscriptionArn: true }));
  t.like((await sns(A).send(new GetSubscriptionAttributesCommand({ SubscriptionArn: pending }))).Attributes, { Owner: A, PendingConfirmation: 'true' });
  await sns(A).send(new SetSubscriptionAttributesCommand({ SubscriptionArn: pending, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }));
  t.deepEqual(await refusal(sns(B).send(new GetSubscriptionAttributesCommand({ SubscriptionArn: pending }))), DENIED);
  t.deepEqual(await refusal(sns(B).send(new SetSubscriptionAttributesCommand({ SubscriptionArn: pending, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }))), DENIED);
});

test(`a FIFO topic's SubscriptionConfirmation reaches a FIFO queue of another account in group "Subscription", deduplicated by its MessageId [${XCONFIRM} fifo-owner-true-subscribe-A-return-true, fifo-owner-true-confirmation-receive-0 (2026-09-23)]`, async (t) => {
  const { topic, queueArn, queueUrl } = await wire(true);
  await sns(A).send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn, ReturnSubscriptionArn: true }));
  const { Messages } = await sqs(B).send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }));
  t.is(Messages?.length, 1);
  const body = JSON.parse(Messages![0]!.Body!) as { Type: string; MessageId: string; Token: string };
  t.is(body.Type, 'SubscriptionConfirmation');
  t.like(Messages![0]!.Attributes, { MessageGroupId: 'Subscription', MessageDeduplicationId: body.MessageId });
  const { SubscriptionArn } = await sns(A).send(new ConfirmSubscriptionCommand({ TopicArn: topic, Token: body.Token, AuthenticateOnUnsubscribe: 'true' }));
  t.true(SubscriptionArn!.startsWith(`${topic}:`));
});

test(`GetSubscriptionAttributes lists SubscriptionPrincipal first and an https subscription's delivery policies between Endpoint and Protocol, as AWS does [radkawar/stackd testdata/aws/sns/http_delivery.json observations pending_attributes, raw_attributes (2026-09)]`, async (t) => {
  const { topic } = await wire(false);
  const { SubscriptionArn } = await sns(A).send(new SubscribeCommand({ TopicArn: topic, Protocol: 'https', Endpoint: 'https://127.0.0.1:9/wrapped', ReturnSubscriptionArn: true }));
  const keys = async (): Promise<string[]> => Object.keys((await sns(A).send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!);
  t.deepEqual(await keys(), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'TopicArn', 'Endpoint', 'EffectiveDeliveryPolicy', 'Protocol',
    'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn']);
  const policy = JSON.stringify({ healthyRetryPolicy: { minDelayTarget: 1, maxDelayTarget: 1, numRetries: 1, numNoDelayRetries: 1 }, requestPolicy: { headerContentType: 'application/json' } });
  await sns(A).send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'DeliveryPolicy', AttributeValue: policy }));
  await sns(A).send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
  t.deepEqual(await keys(), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'TopicArn', 'Endpoint', 'EffectiveDeliveryPolicy', 'DeliveryPolicy', 'Protocol',
    'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn']);
});

/** An unsigned Unsubscribe, as the UnsubscribeURL sends it: [status, Code, Message]. */
async function unsignedUnsubscribe(arn: string): Promise<[number, string | undefined, string | undefined]> {
  const res = await fetch(`${server.endpoint}/?Action=Unsubscribe&SubscriptionArn=${arn}`);
  const body = await res.text();
  return [res.status, /<Code>([^<]*)<\/Code>/.exec(body)?.[1], /<Message>([^<]*)<\/Message>/.exec(body)?.[1]];
}
const PROTECTED: [number, string, string] = [403, 'AuthorizationError', 'This subscription may only be deleted by an authorized user.'];
const receive = async (queueUrl: string) => (await sqs(B).send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages ?? [];

test(`an SQS subscription is never unsubscribed unsigned; signed, an authenticated one only by its owner or the topic's owner; its owner removes it without an UnsubscribeConfirmation [${XCONFIRM} direct-unsubscribe-anonymous, direct-unsubscribe-topic-owner-A, owner-true-confirm-owner-A-true, owner-true-unsubscribe-anonymous, owner-true-unsubscribe-queue-owner-B, owner-true-unsubscribe-owner-A, owner-true-after-owner-unsubscribe-receive-0/1, queue-default-confirm-queue-owner-B-default, queue-default-unsubscribe-queue-owner-B, queue-default-after-queue-owner-unsubscribe-receive-0 (2026-09-23)]`, async (t) => {
  // B's own subscription of its queue: not unsigned; the topic's owner deactivates it.
  const direct = await wire(false);
  const { SubscriptionArn: mine } = await sns(B).send(new SubscribeCommand({ TopicArn: direct.topic, Protocol: 'sqs', Endpoint: direct.queueArn, ReturnSubscriptionArn: true }));
  await receive(direct.queueUrl);
  t.deepEqual(await unsignedUnsubscribe(mine!), PROTECTED);
  await sns(A).send(new UnsubscribeCommand({ SubscriptionArn: mine }));
  t.deepEqual((await receive(direct.queueUrl)).map((m) => (JSON.parse(m.Body!) as { Type: string }).Type), ['UnsubscribeConfirmation']);

  // A's subscription of B's queue, confirmed with AuthenticateOnUnsubscribe: neither unsigned nor
  // by the queue's owner; A removes it, and the queue hears nothing.
  const owned = await wire(false);
  const { SubscriptionArn: theirs } = await sns(A).send(new SubscribeCommand({ TopicArn: owned.topic, Protocol: 'sqs', Endpoint: owned.queueArn, ReturnSubscriptionArn: true }));
  const [confirmation] = await receive(owned.queueUrl);
  await sns(A).send(new ConfirmSubscriptionCommand({ TopicArn: owned.topic, Token: (JSON.parse(confirmation!.Body!) as { Token: string }).Token, AuthenticateOnUnsubscribe: 'true' }));
  t.deepEqual(await unsignedUnsubscribe(theirs!), PROTECTED);
  t.deepEqual(await refusal(sns(B).send(new UnsubscribeCommand({ SubscriptionArn: theirs }))),
    { code: 'AuthorizationErrorException', status: 403, message: 'This subscription may only be deleted by an authorized user.' });
  await sns(A).send(new UnsubscribeCommand({ SubscriptionArn: theirs }));
  t.deepEqual(await receive(owned.queueUrl), []);
  t.is((await refusal(sns(A).send(new GetSubscriptionAttributesCommand({ SubscriptionArn: theirs })))).code, 'NotFoundException');

  // Confirmed by the queue's owner without AuthenticateOnUnsubscribe: the queue's owner deactivates it.
  const plain = await wire(false);
  const { SubscriptionArn: unauthenticated } = await sns(A).send(new SubscribeCommand({ TopicArn: plain.topic, Protocol: 'sqs', Endpoint: plain.queueArn, ReturnSubscriptionArn: true }));
  const [pending] = await receive(plain.queueUrl);
  await sns(B).send(new ConfirmSubscriptionCommand({ TopicArn: plain.topic, Token: (JSON.parse(pending!.Body!) as { Token: string }).Token }));
  await sns(B).send(new UnsubscribeCommand({ SubscriptionArn: unauthenticated }));
  t.deepEqual((await receive(plain.queueUrl)).map((m) => (JSON.parse(m.Body!) as { Type: string }).Type), ['UnsubscribeConfirmation']);
});

test(`AuthenticateOnUnsubscribe is for the subscription's owner: the queue's owner asking it for A's pending subscription is refused, A is not; the topic's owner asking it to restore B's deactivated one is "already confirmed" [${XCONFIRM} owner-true-confirm-anonymous-true, owner-true-confirm-queue-owner-B-true, owner-true-confirm-owner-A-true, owner-true-confirmed-get-A, direct-unsubscribe-topic-owner-A, direct-after-topic-owner-unsubscribe-recover (2026-09-23)]`, async (t) => {
  const { topic, queueArn, queueUrl } = await wire(false);
  await sns(A).send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn, ReturnSubscriptionArn: true }));
  const [confirmation] = await receive(queueUrl);
  const token = (JSON.parse(confirmation!.Body!) as { Token: string }).Token;
  t.deepEqual(await refusal(sns(B).send(new ConfirmSubscriptionCommand({ TopicArn: topic, Token: token, AuthenticateOnUnsubscribe: 'true' }))),
    { code: 'AuthorizationErrorException', status: 403, message: 'To disallow anonymous unsubscription, subscriber and confirmer IDs must match' });
  const { SubscriptionArn } = await sns(A).send(new ConfirmSubscriptionCommand({ TopicArn: topic, Token: token, AuthenticateOnUnsubscribe: 'true' }));
  t.like((await sns(A).send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes, { PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });

  const direct = await wire(false);
  const { SubscriptionArn: theirs } = await sns(B).send(new SubscribeCommand({ TopicArn: direct.topic, Protocol: 'sqs', Endpoint: direct.queueArn, ReturnSubscriptionArn: true }));
  await receive(direct.queueUrl);
  await sns(A).send(new UnsubscribeCommand({ SubscriptionArn: theirs }));
  const [cancellation] = await receive(direct.queueUrl);
  const again = (JSON.parse(cancellation!.Body!) as { Token: string }).Token;
  t.deepEqual(await refusal(sns(A).send(new ConfirmSubscriptionCommand({ TopicArn: direct.topic, Token: again, AuthenticateOnUnsubscribe: 'true' }))),
    { code: 'AuthorizationErrorException', status: 403, message: 'Subscription already confirmed' });
  t.is((await sns(B).send(new ConfirmSubscriptionCommand({ TopicArn: direct.topic, Token: again, AuthenticateOnUnsubscribe: 'true' }))).SubscriptionArn, theirs);
});

test(`Subscribe again by another account than the queue's: the same ARN, and the queue gets a fresh SubscriptionConfirmation whose token works; again by the queue's account: nothing sent [${XCONFIRM} direct-subscribe-B, direct-resubscribe-other-A, direct-after-topic-owner-unsubscribe-receive-0, owner-true-subscribe-A-return-false, owner-true-subscribe-A-return-true, owner-true-pending-receive-0, owner-true-confirm-owner-A-true, owner-true-confirmed-resubscribe-other-B, owner-true-after-owner-unsubscribe-receive-0/1 (2026-09-23)]`, async (t) => {
  const types = (messages: Awaited<ReturnType<typeof receive>>) => messages.map((m) => (JSON.parse(m.Body!) as { Type: string }).Type);
  const direct = await wire(false);
  const { SubscriptionArn: theirs } = await sns(B).send(new SubscribeCommand({ TopicArn: direct.topic, Protocol: 'sqs', Endpoint: direct.queueArn, ReturnSubscriptionArn: true }));
  await receive(direct.queueUrl);
  t.is((await sns(A).send(new SubscribeCommand({ TopicArn: direct.topic, Protocol: 'sqs', Endpoint: direct.queueArn, ReturnSubscriptionArn: true }))).SubscriptionArn, theirs);
  const resent = await receive(direct.queueUrl);
  t.deepEqual(types(resent), ['SubscriptionConfirmation']);
  const token = (JSON.parse(resent[0]!.Body!) as { Token: string }).Token;
  t.is((await sns(B).send(new ConfirmSubscriptionCommand({ TopicArn: direct.topic, Token: token }))).SubscriptionArn, theirs);
  t.is((await sns(B).send(new SubscribeCommand({ TopicArn: direct.topic, Protocol: 'sqs', Endpoint: direct.queueArn, ReturnSubscriptionArn: true }))).SubscriptionArn, theirs);
  t.deepEqual(await receive(direct.queueUrl), []);

  const owned = await wire(false);
  t.is((await sns(A).send(new SubscribeCommand({ TopicArn: owned.topic, Protocol: 'sqs', Endpoint: owned.queueArn }))).SubscriptionArn, 'pending confirmation');
  const { SubscriptionArn: pending } = await sns(A).send(new SubscribeCommand({ TopicArn: owned.topic, Protocol: 'sqs', Endpoint: owned.queueArn, ReturnSubscriptionArn: true }));
  const both = await receive(owned.queueUrl);
  t.deepEqual(types(both), ['SubscriptionConfirmation', 'SubscriptionConfirmation']);
  const latest = (JSON.parse(both[1]!.Body!) as { Token: string }).Token;
  t.is((await sns(A).send(new ConfirmSubscriptionCommand({ TopicArn: owned.topic, Token: latest, AuthenticateOnUnsubscribe: 'true' }))).SubscriptionArn, pending);
  t.is((await sns(B).send(new SubscribeCommand({ TopicArn: owned.topic, Protocol: 'sqs', Endpoint: owned.queueArn, ReturnSubscriptionArn: true }))).SubscriptionArn, pending);
  t.deepEqual(await receive(owned.queueUrl), []);
});
