/**
 * Subscribe. sqs subscriptions to a queue of the subscriber's own account are confirmed at once;
 * a queue of another account, and http/https endpoints, get a SubscriptionConfirmation (into the
 * queue, or POSTed) and stay pending until ConfirmSubscription. email, sms, application, lambda
 * and firehose have no local equivalent: NotImplemented, or, under the `virtual` gate, confirmed
 * at once with deliveries captured (GET /_boltstack/sns/outbox); `virtual` also confirms http/https
 * subscriptions at once. https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { notImplemented } from '../../../errors/common.js';
import type { SubscribeInput, SubscribeOutput } from '../../../model/generated/sns-types.js';
import { parseQueueArn } from '../arns.js';
import { topicOf, type SnsDeps, type SnsHandler } from '../context.js';
import type { RequestContext } from '../../types.js';
import { replayWindow } from '../archive/replay-policy.js';
import { snsErrors } from '../errors.js';
import { PROTOCOLS, type Protocol, type SubscriptionRecord, type TopicRecord } from '../records.js';
import { checkFifoDeadLetter, checkSubscriptionAttributes, fifoTopicQueue } from '../subscription-attributes.js';

const LOCAL: readonly Protocol[] = ['sqs', 'http', 'https'];

/**
 * A phone number as SMS subscriptions take it: digits with an optional plus, separators ignored
 * ("+15/55-123.4567" is accepted, test_subscribe_sms_obscure_phone_number, 2025-10-06).
 */
const SMS_SEPARATORS = /[/.\-\s()]/g;
const SMS_ENDPOINT = /^\+?\d{1,15}$/;

function checkEndpoint(protocol: Protocol, endpoint: string | undefined, fifoTopic: boolean): string {
  if (endpoint === undefined || endpoint === '') throw snsErrors.invalid('Endpoint');
  switch (protocol) {
    case 'sqs': {
      if (parseQueueArn(endpoint) === undefined) throw snsErrors.invalid('SQS endpoint ARN');
      if (!fifoTopic && endpoint.endsWith('.fifo')) throw snsErrors.invalid('Invalid parameter: Endpoint', 'FIFO SQS Queues can not be subscribed to standard SNS topics');
      return endpoint;
    }
    case 'sms':
      // Not an InvalidParameter "Invalid parameter: …" but its own words (test_subscribe_bad_sms, 2025-10-06).
      if (!SMS_ENDPOINT.test(endpoint.replace(SMS_SEPARATORS, ''))) throw snsErrors.invalidParameter(`Invalid SMS endpoint: ${endpoint}`);
      return endpoint;
    case 'http': case 'https':
      if (!endpoint.toLowerCase().startsWith(`${protocol}://`)) throw snsErrors.invalid('Endpoint must match the specified protocol');
      try { new URL(endpoint); } catch { throw snsErrors.invalid('Endpoint'); }
      return endpoint;
    default: return endpoint;
  }
}

/**
 * The protocol, spelt exactly as AWS lists them (lower case: API_Subscribe.html, "Protocol").
 * Another case is not that protocol: AWS answered Protocol "SQS" with a FilterPolicy by
 * "Invalid parameter: Attributes Reason: Delivery protocol SQS does not support message
 * filtering." (real AWS, quoted in aws/aws-sdk-js issue #3446, 2020-09-13), its attributes
 * checked against the protocol as given; without one, "SQS" is a protocol string SNS does not
 * support, as "pigeon" is.
 */
function protocolOf(input: SubscribeInput): Protocol {
  const given = input.Protocol;
  if ((PROTOCOLS as readonly string[]).includes(given)) return given as Protocol;
  if (input.Attributes?.FilterPolicy !== undefined && (PROTOCOLS as readonly string[]).includes(given.toLowerCase())) {
    throw snsErrors.invalid('Attributes', `Delivery protocol ${given} does not support message filtering.`);
  }
  throw snsErrors.invalidParameter(`Invalid parameter: Amazon SNS does not support this protocol string: ${given}`);
}

/** How many tokens sent again a subscription keeps (each repeated Subscribe sends one); AWS's count is not known. */
const RESENT_KEPT = 10;

const sameAttributes = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export const subscribe: SnsHandler<SubscribeInput, SubscribeOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  const protocol = protocolOf(input);
  const virtual = deps.features.has('virtual');
  // A FIFO topic refuses the protocol before anything needs it (AWS's answer whether or not
  // boltstack implements it: radkawar/stackd testdata/aws/sns/fifo_edges.json, fifo-lambda, 2026-09-22).
  if (topic.fifo && protocol !== 'sqs') throw snsErrors.invalid(`Invalid protocol type: ${protocol}`);
  if (!LOCAL.includes(protocol) && !virtual) throw notImplemented('SNS', 'Subscribe', `the ${protocol} protocol (enable the virtual feature gate to capture its deliveries)`);
  const endpoint = checkEndpoint(protocol, input.Endpoint, topic.fifo);
  // An application endpoint must exist, "arn" and the ARN run together as AWS words it
  // (getmoto/moto tests/test_sns/test_application_boto3.py::test_publish_to_deleted_platform_endpoint).
  if (protocol === 'application' && deps.store.endpoint(endpoint) === undefined) throw snsErrors.invalid('Endpoint', `Endpoint does not exist for endpoint arn${endpoint}`);
  const given = { ...input.Attributes };
  const attributes = checkSubscriptionAttributes(given, protocol, true);
  // "Invalid parameter: Attributes Reason: ReplayPolicy: …" (native AWS, radkawar/stackd
  // testdata/aws/sns/archive_replay.json subscribe-replay-archive-disabled, 2026-09-22).
  const replay = attributes.ReplayPolicy === undefined ? undefined : replayWindow(topic, attributes.ReplayPolicy, (reason) => snsErrors.invalid('Attributes', reason));
  if (attributes.ReplayPolicy !== undefined && replay === undefined) delete attributes.ReplayPolicy;
  checkFifoDeadLetter(attributes.RedrivePolicy, fifoTopicQueue(topic.fifo, protocol, endpoint), true);
  if (protocol === 'firehose') checkFirehoseSubscriber(endpoint, attributes.SubscriptionRoleArn, ctx.accountId);
  // An empty FilterPolicy is no policy and takes its scope with it, as in SetSubscriptionAttributes
  // (AWS then shows neither: localstack test_sns.py test_create_subscriptions_with_attributes "get-attrs", 2025-10-06).
  if (attributes.FilterPolicy === '') {
    delete attributes.FilterPolicy;
    delete attributes.FilterPolicyScope;
  }

  // The lookup of an equal subscription and the making of a new one run as one section per topic
  // (store.ts topicChanges), as does DeleteTopic: two Subscribes of one endpoint sent together
  // made two subscriptions (race26: 8 of 8 in every round), and one racing DeleteTopic stored its
  // subscription after the topic's were removed, an orphan that no call could list by topic.
  // The confirmation is sent and the replay started after the section, so a slow http endpoint
  // does not hold up the topic's other changes.
  const { record, topic: current, made, confirmation } = await deps.store.topicChanges.run(topic.arn, () => subscribeOnce(deps, ctx, input, protocol, endpoint, attributes));
  if (confirmation !== undefined) await deps.deliverer.requestConfirmation(record, current, confirmation, ctx.host);
  if (made && replay !== undefined) await deps.replayer.set(record, record.attributes, replay, ctx.host);
  return { SubscriptionArn: record.confirmed || input.ReturnSubscriptionArn === true ? record.arn : 'pending confirmation' };
};

/** What one Subscribe found or made, and the confirmation token it owes the endpoint, if any. */
interface Subscribed {
  record: SubscriptionRecord;
  topic: TopicRecord;
  made: boolean;
  confirmation?: string;
}

/** The existing subscription of `endpoint` on the topic, or a new one, stored. */
async function subscribeOnce(
  deps: SnsDeps, ctx: RequestContext, input: SubscribeInput, protocol: Protocol, endpoint: string, attributes: Record<string, string>,
): Promise<Subscribed> {
  // Again inside the section: a DeleteTopic that ran before it leaves NotFound.
  const topic = topicOf(deps, ctx, input.TopicArn);
  const existing = deps.store.subscriptionsOf(topic.arn).find((s) => s.record.protocol === protocol && s.record.endpoint === endpoint);
  const queueAccount = protocol === 'sqs' ? parseQueueArn(endpoint)!.account : undefined;
  if (existing !== undefined) {
    if (!sameAttributes(existing.record.attributes, attributes)) throw snsErrors.invalid('Attributes', 'Subscription already exists with different attributes');
    // Another account than the queue's subscribing a queue of another account than the topic's
    // again sends it a fresh SubscriptionConfirmation, pending or confirmed; the queue's own
    // account does not (native AWS, radkawar/stackd testdata/aws/sns/cross_account_confirmation.json
    // direct-resubscribe-other-A, owner-true-subscribe-A-return-true and the receives after them;
    // owner-true-confirmed-resubscribe-other-B, 2026-09-23).
    if (queueAccount !== undefined && queueAccount !== ctx.accountId && queueAccount !== topic.account && existing.record.deleted !== true) {
      const token = randomBytes(64).toString('hex');
      await deps.store.putSubscription({ ...existing.record, resent: [...(existing.record.resent ?? []).slice(-(RESENT_KEPT - 1)), token] });
      return { record: existing.record, topic, made: false, confirmation: token };
    }
    return { record: existing.record, topic, made: false };
  }
  const virtual = deps.features.has('virtual');
  const ownQueue = queueAccount === ctx.accountId;
  const confirmed = ownQueue || (virtual && protocol !== 'sqs');
  // A queue of another account than the topic's gets a SubscriptionConfirmation even when its own
  // account subscribed it, confirmed at once (native AWS, radkawar/stackd testdata/aws/sns/
  // confirmation_lifetime.json subscribe-owner, original-control-0, confirm-active-protected, 2026-09-23).
  const crossAccount = queueAccount !== undefined && queueAccount !== topic.account;
  const record: SubscriptionRecord = {
    arn: `${topic.arn}:${randomUUID()}`, topicArn: topic.arn, owner: ctx.accountId, protocol, endpoint, attributes, confirmed,
    ...(confirmed && !crossAccount ? {} : { token: randomBytes(64).toString('hex') }),
    // A function subscribed by its own account is confirmed as authenticated, as a queue is
    // (native AWS, radkawar/stackd testdata/aws/sns/cross_account_lambda.json conclusions, 2026-09-23).
    ...(protocol === 'lambda' && endpoint.split(':')[4] === ctx.accountId ? { authenticated: true } : {}),
  };
  await deps.store.putSubscription(record);
  return { record, topic, made: true, ...(record.token === undefined ? {} : { confirmation: record.token }) };
}

/**
 * A Firehose subscription is made by the stream's account with a role of its own, checked in this
 * order: another account's role, another account's stream, no role (native AWS, radkawar/stackd
 * testdata/aws/sns/cross_account_firehose.json A-cross-foreign-role-B, B-cross-foreign-role-A,
 * A-cross-local-role-A, A-cross-missing-role, B-cross-missing-role, 2026-09-23). Whether SNS may
 * assume the role is IAM's to say, which boltstack does not serve.
 */
function checkFirehoseSubscriber(endpoint: string, roleArn: string | undefined, caller: string): void {
  if (roleArn !== undefined && roleArn.split(':')[4] !== caller) throw snsErrors.authorization('Cross-account pass role is not allowed.');
  if (endpoint.split(':')[4] !== caller) throw snsErrors.authorization(`The account ${caller} is not the owner of the endpoint ${endpoint}`);
  if (roleArn === undefined) throw snsErrors.invalidParameter('Invalid parameter: Delivery protocol firehose can only be subscribed with subscription role arn');
}
