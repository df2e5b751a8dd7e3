/**
 * HTTP/S delivery policies: the retry schedule SNS follows when an endpoint fails.
 * A policy has up to numRetries retries: numNoDelayRetries at once, numMinDelayRetries after
 * minDelayTarget seconds, a backoff phase from minDelayTarget to maxDelayTarget
 * (linear, arithmetic, geometric or exponential), then numMaxDelayRetries after maxDelayTarget.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
 */
export interface RetryPolicy {
  minDelayTarget: number;
  maxDelayTarget: number;
  numRetries: number;
  numNoDelayRetries: number;
  numMinDelayRetries: number;
  numMaxDelayRetries: number;
  backoffFunction: 'linear' | 'arithmetic' | 'geometric' | 'exponential';
}

export const DEFAULT_RETRY: RetryPolicy = {
  minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear',
};

export const DEFAULT_EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: DEFAULT_RETRY,
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
});

interface PolicyJson {
  healthyRetryPolicy?: Partial<RetryPolicy> | null;
  sicklyRetryPolicy?: unknown;
  requestPolicy?: { headerContentType?: string } | null;
  throttlePolicy?: { maxReceivesPerSecond?: number } | null;
  guaranteed?: boolean;
  http?: { defaultHealthyRetryPolicy?: Partial<RetryPolicy>; defaultRequestPolicy?: { headerContentType?: string } };
}

/** Checks a topic's or a subscription's DeliveryPolicy JSON. */
export function checkDeliveryPolicy(text: string, where: (reason: string) => Error): void {
  let json: PolicyJson;
  try { json = JSON.parse(text) as PolicyJson; } catch { throw where('DeliveryPolicy: failed to parse JSON.'); }
  const retry = json.healthyRetryPolicy ?? json.http?.defaultHealthyRetryPolicy;
  if (retry === undefined) return;
  const r = { ...DEFAULT_RETRY, ...retry };
  if (r.numRetries < 0 || r.numRetries > 100) throw where('DeliveryPolicy: healthyRetryPolicy.numRetries must be between 0 and 100');
  if (r.minDelayTarget < 1 || r.maxDelayTarget > 3600 || r.minDelayTarget > r.maxDelayTarget) {
    throw where('DeliveryPolicy: healthyRetryPolicy.minDelayTarget must be between 1 and maxDelayTarget, and maxDelayTarget at most 3600');
  }
  if (r.numNoDelayRetries + r.numMinDelayRetries + r.numMaxDelayRetries > r.numRetries) {
    throw where('DeliveryPolicy: healthyRetryPolicy.numRetries must be at least numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries');
  }
  if (!['linear', 'arithmetic', 'geometric', 'exponential'].includes(r.backoffFunction)) throw where(`DeliveryPolicy: Invalid backoff function ${r.backoffFunction}`);
}

/** The policy in force for a subscription: its own, else its topic's, else SNS's default. */
export function effectiveRetry(subscriptionPolicy: string | undefined, topicPolicy: string | undefined): { retry: RetryPolicy; contentType: string } {
  const sub = subscriptionPolicy === undefined ? undefined : JSON.parse(subscriptionPolicy) as PolicyJson;
  const topic = topicPolicy === undefined ? undefined : JSON.parse(topicPolicy) as PolicyJson;
  const retry = { ...DEFAULT_RETRY, ...topic?.http?.defaultHealthyRetryPolicy, ...sub?.healthyRetryPolicy ?? undefined };
  const contentType = sub?.requestPolicy?.headerContentType ?? topic?.http?.defaultRequestPolicy?.headerContentType ?? 'text/plain; charset=UTF-8';
  return { retry, contentType };
}

/** Seconds to wait before retry number `n` (1-based), or undefined when retries are used up. */
export function retryDelay(r: RetryPolicy, n: number): number | undefined {
  if (n > r.numRetries) return undefined;
  if (n <= r.numNoDelayRetries) return 0;
  if (n <= r.numNoDelayRetries + r.numMinDelayRetries) return r.minDelayTarget;
  const backoff = r.numRetries - r.numNoDelayRetries - r.numMinDelayRetries - r.numMaxDelayRetries;
  const i = n - r.numNoDelayRetries - r.numMinDelayRetries;
  if (i > backoff) return r.maxDelayTarget;
  const x = backoff <= 1 ? 1 : (i - 1) / (backoff - 1);
  const span = r.maxDelayTarget - r.minDelayTarget;
  switch (r.backoffFunction) {
    case 'linear': return r.minDelayTarget + span * x;
    case 'arithmetic': return r.minDelayTarget + span * x * x;
    case 'geometric': return r.minDelayTarget + span * (Math.pow(2, x * 4) - 1) / 15;
    case 'exponential': return r.minDelayTarget * Math.pow(r.maxDelayTarget / r.minDelayTarget, x);
  }
}

/**
 * A subscription's DeliveryPolicy as GetSubscriptionAttributes shows it, and the policy in force
 * beside it: every section named, null when not set, the retry policy's fields completed,
 * `guaranteed` false by default; in force, the topic's (else SNS's) retry policy and content
 * type fill the gaps. AWS's answers in localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_subscribe_external_http_endpoint_content_type "sub-attrs" (2024-10-03).
 */
export function subscriptionDeliveryPolicies(subscriptionPolicy: string, topicPolicy: string | undefined): { shown: string; effective: string } {
  const sub = JSON.parse(subscriptionPolicy) as PolicyJson;
  const topic = topicPolicy === undefined ? undefined : JSON.parse(topicPolicy) as PolicyJson;
  const filled = (r: Partial<RetryPolicy> | null | undefined): RetryPolicy | null =>
    r === undefined || r === null ? null : { ...RETRY_ZERO, ...r };
  const shown = {
    healthyRetryPolicy: filled(sub.healthyRetryPolicy),
    sicklyRetryPolicy: sub.sicklyRetryPolicy ?? null,
    throttlePolicy: sub.throttlePolicy ?? null,
    requestPolicy: sub.requestPolicy ?? null,
    guaranteed: sub.guaranteed ?? false,
  };
  const effective = {
    ...shown,
    healthyRetryPolicy: shown.healthyRetryPolicy ?? { ...DEFAULT_RETRY, ...topic?.http?.defaultHealthyRetryPolicy },
    requestPolicy: shown.requestPolicy ?? { headerContentType: topic?.http?.defaultRequestPolicy?.headerContentType ?? 'text/plain; charset=UTF-8' },
  };
  return { shown: JSON.stringify(shown), effective: JSON.stringify(effective) };
}

type HttpSection = NonNullable<PolicyJson['http']> & Record<string, unknown>;

/**
 * A topic's DeliveryPolicy as GetTopicAttributes shows it, and the policy in force beside it.
 * Shown: the `http` section's members in SNS's order, null ones dropped,
 * `disableSubscriptionOverrides` false when not given; in force: the retry policy completed from
 * SNS's default and the default content type. AWS's answers in localstack
 * tests/aws/services/sns/test_sns.snapshot.json, test_topic_delivery_policy_crud (2024-10-03).
 */
export function topicDeliveryPolicies(topicPolicy: string): { shown: string; effective: string } {
  const json = JSON.parse(topicPolicy) as Record<string, unknown>;
  const http = (json.http ?? {}) as HttpSection;
  const { defaultHealthyRetryPolicy: retry, disableSubscriptionOverrides, defaultRequestPolicy: request, ...rest } = http;
  const others = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
  const overrides = disableSubscriptionOverrides ?? false;
  const shown = { ...json, http: {
    ...(retry === undefined || retry === null ? {} : { defaultHealthyRetryPolicy: retry }),
    disableSubscriptionOverrides: overrides,
    ...(request === undefined || request === null ? {} : { defaultRequestPolicy: request }),
    ...others,
  } };
  const effective = { ...json, http: {
    defaultHealthyRetryPolicy: { ...DEFAULT_RETRY, ...retry },
    disableSubscriptionOverrides: overrides,
    defaultRequestPolicy: request ?? { headerContentType: 'text/plain; charset=UTF-8' },
    ...others,
  } };
  return { shown: JSON.stringify(shown), effective: JSON.stringify(effective) };
}

/** A retry policy's fields in SNS's order, the ones not given 0 (backoff linear). */
const RETRY_ZERO: RetryPolicy = {
  minDelayTarget: 0, maxDelayTarget: 0, numRetries: 0, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear',
};
