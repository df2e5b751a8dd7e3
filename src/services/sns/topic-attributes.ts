/**
 * Topic attributes: which ones a user may set (and how each is checked), and the full set
 * GetTopicAttributes answers, derived ones included (Owner, counters, the default policy, the
 * effective delivery policy). https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html
 */
import { snsErrors } from './errors.js';
import { DEFAULT_EFFECTIVE_DELIVERY_POLICY, checkDeliveryPolicy, topicDeliveryPolicies } from './delivery-policy.js';
import { inJavaMapOrder } from '../../util/java-map-order.js';
import type { SubscriptionRecord, TopicRecord } from './records.js';

const FEEDBACK = /^(Application|Firehose|HTTP|Lambda|SQS)(Success|Failure)Feedback(RoleArn|SampleRate)$/;
const SIMPLE = new Set(['DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'SignatureVersion', 'TracingConfig',
  'ContentBasedDeduplication', 'FifoThroughputScope', 'ArchivePolicy']);
const FIFO_ONLY = new Set(['ContentBasedDeduplication', 'FifoThroughputScope', 'ArchivePolicy']);

export const isTopicAttribute = (name: string): boolean => SIMPLE.has(name) || FEEDBACK.test(name);

/**
 * Checks one settable attribute's value; `where` makes the error (`bare`: SetTopicAttributes
 * names no parameter before the reason, as for RawMessageDelivery).
 */
export function checkTopicAttribute(name: string, value: string, fifo: boolean, where: (reason: string, bare?: boolean) => Error): void {
  if (!isTopicAttribute(name)) throw snsErrors.invalid('AttributeName');
  if (FIFO_ONLY.has(name) && !fifo) throw where(`${name} is only applicable to FIFO topics`);
  switch (name) {
    case 'SignatureVersion': if (value !== '1' && value !== '2') throw where('SignatureVersion must be 1 or 2'); break;
    // In these words, any other case or '' included (native AWS, radkawar/stackd
    // testdata/aws/sns/tracing.json, tracing-standard-* and tracing-fifo-*, 2026-09-23).
    case 'TracingConfig': if (value !== 'PassThrough' && value !== 'Active') throw where(`Invalid tracing config value: ${value}`, true); break;
    // Any case of true/false (native AWS, radkawar/stackd testdata/aws/sns/fifo_edges.json,
    // boolean-* rows, 2026-09-22); stored in lower case (normalTopicAttribute).
    case 'ContentBasedDeduplication':
      if (value.toLowerCase() !== 'true' && value.toLowerCase() !== 'false') throw where(`ContentBasedDeduplication: Invalid value [${value}]. Must be true or false.`, true);
      break;
    // Native AWS, radkawar/stackd testdata/aws/sns/fifo.json, set-FifoThroughputScope-bad (2026-09-22).
    case 'FifoThroughputScope': if (value !== 'Topic' && value !== 'MessageGroup') throw where(`Invalid FifoThroughputScope: ${value}`, true); break;
    case 'DisplayName': if (value.length > 100) throw where('DisplayName must be at most 100 characters'); break;
    case 'Policy': checkJson(value, name, where); break;
    case 'ArchivePolicy': if (value !== '') checkArchivePolicy(value, where); break;
    // "" removes the policy (AWS, test_topic_delivery_policy_crud "set-topic-attrs-full-none").
    case 'DeliveryPolicy': if (value !== '') checkDeliveryPolicy(value, where); break;
    default:
      if (name.endsWith('SampleRate') && !/^(100|[1-9]?\d)$/.test(value)) throw where(`${name} must be an integer from 0 to 100`);
  }
}

/**
 * SetTopicAttributes' own rules, before checkTopicAttribute: a standard topic has no FIFO
 * attributes to set ("AttributeName"); a FIFO topic may be told it is one again (true: nothing to
 * do, answered `true`) but not changed, nor its FifoThroughputScope taken back from MessageGroup.
 * Native AWS, radkawar/stackd testdata/aws/sns/fifo.json, set-FifoTopic-*, standard-*,
 * set-FifoThroughputScope-Topic; archive_replay.json standard-archive-refusal (2026-09-22).
 */
export function checkTopicChange(topic: TopicRecord, name: string, value: string): boolean {
  if (!topic.fifo && (name === 'FifoTopic' || FIFO_ONLY.has(name))) throw snsErrors.invalid('AttributeName');
  if (name === 'FifoTopic') {
    if (value.toLowerCase() === 'true') return true;
    throw snsErrors.invalidParameter('Invalid parameter: FifoTopic: Modifying topic type is not supported');
  }
  if (name === 'FifoThroughputScope' && value === 'Topic' && topic.attributes.FifoThroughputScope === 'MessageGroup') {
    throw snsErrors.invalidParameter('Invalid parameter: Modifying FifoThroughputScope from MessageGroup to Topic is not supported');
  }
  return false;
}

/**
 * A checked attribute's value as stored: a Policy is kept as compact JSON (native AWS,
 * radkawar/stackd testdata/aws/sns/policy_actions.json, lower-publish-readback, 2026-09-14).
 */
export function normalTopicAttribute(name: string, value: string): string {
  if (name === 'ContentBasedDeduplication') return value.toLowerCase();
  if (name === 'Policy') return JSON.stringify(JSON.parse(value));
  return value;
}

/**
 * SetTopicAttributes' answer for a Policy it refuses before storing, or undefined: text that is
 * not JSON, or a statement whose action is a wildcard ("*", "sns:*" in any case) or outside SNS.
 * Native AWS, radkawar/stackd testdata/aws/sns/controls.json topic-invalid-policy and
 * policy_actions.json lower-wildcard, upper-wildcard, global-wildcard (2026-09-14).
 */
export function policyRefusal(value: string): string | undefined {
  let policy: unknown;
  try { policy = JSON.parse(value); } catch { return 'Invalid parameter: Policy Error: null'; }
  const statements = (policy as { Statement?: unknown } | null)?.Statement;
  for (const s of Array.isArray(statements) ? statements : [statements]) {
    const action = (s as { Action?: unknown } | null | undefined)?.Action;
    for (const a of Array.isArray(action) ? action : [action]) {
      if (typeof a === 'string' && (!/^sns:/i.test(a) || a.length === 5 && a.endsWith('*'))) return 'Invalid parameter: Policy statement action out of service scope!';
    }
  }
  return undefined;
}

/**
 * An ArchivePolicy that turns message archiving off: "{}" (native AWS, radkawar/stackd
 * testdata/aws/sns/archive_create.json inline-disable, inline-disabled-attributes, 2026-09-22),
 * or "" as for any attribute.
 */
export function archiveOff(value: string): boolean {
  if (value === '') return true;
  try {
    const policy: unknown = JSON.parse(value);
    return typeof policy === 'object' && policy !== null && !Array.isArray(policy) && Object.keys(policy).length === 0;
  } catch {
    return false;
  }
}

/**
 * `topic` with `value` as its ArchivePolicy: archiving starts now (BeginningArchiveTime, ISO
 * time in ms) unless it is already on, and stops with the policy.
 */
export function withArchivePolicy<T extends Pick<TopicRecord, 'attributes' | 'beginningArchiveTime'>>(topic: T, value: string, now: number): T {
  const attributes = { ...topic.attributes };
  if (archiveOff(value)) {
    delete attributes.ArchivePolicy;
    const { beginningArchiveTime: _off, ...rest } = topic;
    return { ...rest, attributes } as T;
  }
  attributes.ArchivePolicy = value;
  return { ...topic, attributes, beginningArchiveTime: topic.beginningArchiveTime ?? new Date(now).toISOString() };
}

/**
 * An ArchivePolicy: "{}" (archiving off) or an object with a MessageRetentionPeriod of 1 to 365
 * days, a whole number or a string of one. In AWS's words (native AWS, radkawar/stackd
 * testdata/aws/sns/archive_replay.json archive-invalid-json, archive-unknown, archive-array,
 * archive-retention-string and -maximum taken; -zero, -negative, -above-maximum, -fractional,
 * -boolean, -null refused, 2026-09-22).
 */
function checkArchivePolicy(value: string, where: (reason: string, bare?: boolean) => Error): void {
  let policy: unknown;
  try { policy = JSON.parse(value); } catch { throw where('ArchivePolicy: Unable to parse JSON', true); }
  if (archiveOff(value)) return;
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy) || !('MessageRetentionPeriod' in policy)) {
    throw where('ArchivePolicy: JSON is missing required fields', true);
  }
  const raw = (policy as { MessageRetentionPeriod: unknown }).MessageRetentionPeriod;
  const days = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 365) throw where('ArchivePolicy: MessageRetentionPeriod value is invalid', true);
}

function checkJson(value: string, name: string, where: (reason: string) => Error): void {
  try { JSON.parse(value); } catch { throw where(`${name}: failed to parse JSON.`); }
}

export function defaultPolicy(topic: TopicRecord): string {
  return JSON.stringify({
    Version: '2008-10-17', Id: '__default_policy_ID',
    Statement: [{
      Sid: '__default_statement_ID', Effect: 'Allow', Principal: { AWS: '*' },
      Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic',
        'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
      Resource: topic.arn, Condition: { StringEquals: { 'AWS:SourceOwner': topic.account } },
    }],
  });
}

/**
 * What GetTopicAttributes answers: the derived attributes with those the user set, listed as AWS
 * lists them (util/java-map-order.ts). DisplayName, Policy, DeliveryPolicy and ContentBasedDeduplication
 * are shown from what is set; BeginningArchiveTime while an ArchivePolicy is in force.
 */
export function topicAttributes(topic: TopicRecord, subscriptions: readonly SubscriptionRecord[]): Record<string, string> {
  const confirmed = subscriptions.filter((s) => s.confirmed).length;
  const policies = topic.attributes.DeliveryPolicy === undefined ? undefined : topicDeliveryPolicies(topic.attributes.DeliveryPolicy);
  const derived: Array<[string, string]> = [
    ['Policy', topic.attributes.Policy ?? defaultPolicy(topic)],
    ['Owner', topic.account],
    ['SubscriptionsPending', String(subscriptions.length - confirmed)],
    ['TopicArn', topic.arn],
    ['EffectiveDeliveryPolicy', policies?.effective ?? DEFAULT_EFFECTIVE_DELIVERY_POLICY],
    ['SubscriptionsConfirmed', String(confirmed)],
  ];
  if (topic.fifo) derived.push(['FifoTopic', 'true']);
  if (topic.beginningArchiveTime !== undefined) derived.push(['BeginningArchiveTime', topic.beginningArchiveTime]);
  derived.push(['DisplayName', topic.attributes.DisplayName ?? '']);
  if (policies !== undefined) derived.push(['DeliveryPolicy', policies.shown]);
  if (topic.fifo) derived.push(['ContentBasedDeduplication', topic.attributes.ContentBasedDeduplication ?? 'false']);
  derived.push(['SubscriptionsDeleted', String(topic.deleted)]);
  const shown = new Set(derived.map(([name]) => name));
  const own = Object.entries(topic.attributes).filter(([name]) => !shown.has(name));
  // A topic's map is sized as if it held one entry more (util/java-map-order.ts).
  return inJavaMapOrder([...own, ...derived], 1);
}
