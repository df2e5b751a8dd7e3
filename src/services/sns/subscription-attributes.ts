/**
 * Subscription attributes: the settable ones (RawMessageDelivery, FilterPolicy,
 * FilterPolicyScope, RedrivePolicy, DeliveryPolicy, SubscriptionRoleArn) with SNS's checks, and
 * what GetSubscriptionAttributes answers.
 * https://docs.aws.amazon.com/sns/latest/api/API_SetSubscriptionAttributes.html
 */
import { snsErrors } from './errors.js';
import { parseQueueArn } from './arns.js';
import { checkDeliveryPolicy, effectiveRetry, subscriptionDeliveryPolicies } from './delivery-policy.js';
import { compileSubscriptionFilter } from './filter/subscription-filter.js';
import type { Protocol, SubscriptionRecord, TopicRecord } from './records.js';
import { jsonParseProblem } from './json-parse-error.js';
import { inJavaMapOrder } from '../../util/java-map-order.js';
import { withoutJsonWhitespace } from './json-whitespace.js';

export const SUBSCRIPTION_ATTRIBUTES = ['DeliveryPolicy', 'FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy'] as const;
const RAW_PROTOCOLS: readonly Protocol[] = ['sqs', 'http', 'https', 'firehose'];

/**
 * Checks `attributes` (the whole set a subscription would have) and returns them normalised.
 * `inSubscribe` selects the error wording (Subscribe prefixes "Attributes Reason:").
 */
export function checkSubscriptionAttributes(attributes: Record<string, string>, protocol: Protocol, inSubscribe: boolean): Record<string, string> {
  const reason = (r: string): Error => (inSubscribe ? snsErrors.invalid('Attributes', r) : snsErrors.invalidParameter(`Invalid parameter: ${r}`));
  for (const [name, value] of Object.entries(attributes)) {
    switch (name) {
      case 'RawMessageDelivery':
        if (value.toLowerCase() !== 'true' && value.toLowerCase() !== 'false') throw reason('RawMessageDelivery: Invalid value [' + value + ']. Must be true or false.');
        if (!RAW_PROTOCOLS.includes(protocol)) throw reason(`Delivery protocol [${protocol}] does not support raw message delivery.`);
        attributes[name] = value.toLowerCase();
        break;
      case 'FilterPolicyScope':
        if (value !== 'MessageAttributes' && value !== 'MessageBody') throw reason(`FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`);
        break;
      case 'FilterPolicy': break; // compiled below, with its scope
      case 'RedrivePolicy': checkRedrivePolicy(value, reason); break;
      case 'DeliveryPolicy':
        if (protocol !== 'http' && protocol !== 'https') throw reason(`DeliveryPolicy: Delivery policy is only supported for HTTP/S endpoints`);
        checkDeliveryPolicy(value, reason);
        break;
      case 'ReplayPolicy': break; // checked against its topic (archive/replay-policy.ts)
      case 'SubscriptionRoleArn':
        if (protocol !== 'firehose') throw reason('SubscriptionRoleArn: only applicable to firehose subscriptions');
        break;
      default:
        throw inSubscribe ? snsErrors.invalid('Attributes', `Unknown attribute ${name}`) : snsErrors.invalid('AttributeName');
    }
  }
  if (attributes.FilterPolicyScope !== undefined && attributes.FilterPolicy === undefined && inSubscribe) {
    throw reason('FilterPolicyScope: Filter policy scope can only be set with a filter policy');
  }
  compileSubscriptionFilter(attributes, inSubscribe);
  if (attributes.FilterPolicy !== undefined) attributes.FilterPolicy = withoutJsonWhitespace(attributes.FilterPolicy);
  return attributes;
}

/**
 * An SQS subscription to a FIFO topic needs a dead-letter queue of its queue's kind: a FIFO queue's
 * a FIFO one (AWS's words in localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_validations_for_fifo "regular-queue-for-dlq-of-fifo-topic", 2025-08-18), a standard
 * queue's a standard one (native AWS, radkawar/stackd testdata/aws/sns/fifo_redrive.json
 * fifo-dead-0, fifo-queue-dead-1, 2026-09-22). A standard topic's subscriptions take either
 * (standard-dead-0). `queue` is the subscribed queue's kind on a FIFO topic, else undefined;
 * `policy` has passed checkRedrivePolicy.
 */
export function checkFifoDeadLetter(policy: string | undefined, queue: 'fifo' | 'standard' | undefined, inSubscribe: boolean): void {
  if (queue === undefined || policy === undefined || policy === '') return;
  const arn = (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn;
  if (arn.endsWith('.fifo') === (queue === 'fifo')) return;
  const reason = queue === 'fifo'
    ? 'RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.'
    : 'RedrivePolicy: must use a Standard queue as DLQ for a Standard Subscription to a FIFO Topic.';
  throw inSubscribe ? snsErrors.invalid('Attributes', reason) : snsErrors.invalidParameter(`Invalid parameter: ${reason}`);
}

/** The kind of queue an SQS subscription to a FIFO topic delivers to (checkFifoDeadLetter). */
export const fifoTopicQueue = (fifoTopic: boolean, protocol: string, endpoint: string): 'fifo' | 'standard' | undefined =>
  (fifoTopic && protocol === 'sqs' ? (endpoint.endsWith('.fifo') ? 'fifo' : 'standard') : undefined);

function checkRedrivePolicy(text: string, reason: (r: string) => Error): void {
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw reason(`RedrivePolicy: failed to parse JSON.${jsonParseProblem(text) ?? ''}`); }
  const arn = (json as { deadLetterTargetArn?: unknown } | null)?.deadLetterTargetArn;
  if (typeof arn !== 'string') throw reason('RedrivePolicy: deadLetterTargetArn is missing');
  // Not an ARN at all ("fake-arn"): AWS's words in localstack tests/aws/services/sns/test_sns.snapshot.json,
  // test_validate_set_sub_attributes "fake-arn-redrive-policy", 2025-10-06.
  if (!arn.startsWith('arn:') || arn.split(':').length < 6) throw reason('RedrivePolicy: deadLetterTargetArn is an invalid arn');
  if (parseQueueArn(arn) === undefined) throw reason(`RedrivePolicy: Invalid deadLetterTargetArn: ${arn}`);
}

export function subscriptionAttributes(s: SubscriptionRecord, topic: TopicRecord | undefined): Record<string, string> {
  // The attributes set on the subscription go in before TopicArn and Endpoint, after Owner and
  // RawMessageDelivery: a FilterPolicy shares TopicArn's bucket and comes first (util/java-map-order.ts;
  // native AWS, radkawar/stackd testdata/aws/sns/metrics.json read-subscription-attributes, 2026-09-14).
  const own = Object.entries(s.attributes).filter(([name]) => name !== 'RawMessageDelivery');
  const out: Record<string, string> = {
    Owner: s.owner,
    RawMessageDelivery: s.attributes.RawMessageDelivery ?? 'false',
    ...Object.fromEntries(own),
    TopicArn: s.topicArn,
    Endpoint: s.endpoint,
    Protocol: s.protocol,
    // A deactivated subscription is not pending (http_delivery.json post_unsubscribe_attributes).
    PendingConfirmation: String(!s.confirmed && s.deleted !== true),
    ConfirmationWasAuthenticated: String(s.authenticated ?? s.protocol === 'sqs'),
    SubscriptionArn: s.arn,
  };
  let shownPolicy: string | undefined;
  if (s.protocol === 'http' || s.protocol === 'https') {
    if (s.attributes.DeliveryPolicy !== undefined) {
      const policies = subscriptionDeliveryPolicies(s.attributes.DeliveryPolicy, topic?.attributes.DeliveryPolicy);
      out.EffectiveDeliveryPolicy = policies.effective;
      shownPolicy = policies.shown;
    } else {
      const { retry, contentType } = effectiveRetry(undefined, topic?.attributes.DeliveryPolicy);
      // With no policy anywhere, the subscription form of the defaults (native AWS,
      // radkawar/stackd testdata/aws/sns/http_delivery.json pending_attributes, 2026-09).
      out.EffectiveDeliveryPolicy = topic?.attributes.DeliveryPolicy === undefined
        ? JSON.stringify({ healthyRetryPolicy: retry, sicklyRetryPolicy: null, throttlePolicy: null, requestPolicy: { headerContentType: contentType }, guaranteed: false })
        : JSON.stringify({ healthyRetryPolicy: retry, requestPolicy: { headerContentType: contentType } });
    }
  }
  if (shownPolicy !== undefined) out.DeliveryPolicy = shownPolicy;
  // The scope shows only with a policy, even once set (localstack tests/aws/services/sns/test_sns_filter_policy.snapshot.json,
  // test_set_subscription_filter_policy_scope "sub-attrs-filter-scope-body", 2024-05-14).
  if (s.attributes.FilterPolicy === undefined) delete out.FilterPolicyScope;
  else if (out.FilterPolicyScope === undefined) out.FilterPolicyScope = 'MessageAttributes';
  // Who subscribed: boltstack keeps no IAM users, so the owner account's root (AWS names the
  // caller, e.g. arn:aws:iam::111111111111:user/…; test_create_subscriptions_with_attributes, 2025-10-06).
  // Listed as AWS lists them (util/java-map-order.ts).
  // ReplayStatus while there is a ReplayPolicy (native AWS, radkawar/stackd testdata/aws/sns/archive_replay.json
  // bounded-initial-status-*, bounded-status-*; after-cancel and cancel-empty-without-replay-status show neither, 2026-09-22).
  if (s.replay !== undefined) out.ReplayStatus = s.replay.status;
  return inJavaMapOrder([['SubscriptionPrincipal', `arn:aws:iam::${s.owner}:root`], ...Object.entries(out)]);
}
