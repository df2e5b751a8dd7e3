/**
 * The order in which SNS lists a topic's or a subscription's attributes (and SQS a policy
 * statement's Condition operators): that of a java.util.HashMap holding them. By the bucket
 * (String.hashCode, spread as HashMap.hash does, masked by the table size) and, within a bucket,
 * in the order they were put: user-set attributes (KmsMasterKeyId, TracingConfig, a feedback role,
 * a FilterPolicy) before the derived ones sharing their bucket (TopicArn, EffectiveDeliveryPolicy).
 * The table starts at 16 and doubles past a load of 3/4, as HashMap's does; a topic's map sizes as
 * if it held one entry more than it shows. Radkawar/stackd testdata/aws/sns (native AWS, 2026-09):
 * a topic of 12 entries is ordered by a table of 32 (archive_create.json inline-attributes:
 * BeginningArchiveTime before DisplayName), one of 9 by 16 (policy_context.json
 * signature-two-topic-attributes: SignatureVersion right after Policy); a subscription of 12 by 16
 * (regional_sqs.json optin-subscription-readback-*: ConfirmationWasAuthenticated after Protocol);
 * also encryption.json get-key-0, feedback_sampling.json role-only-attributes, tracing.json
 * read-tracing-standard-'active', http_delivery.json raw_attributes, metrics.json
 * read-subscription-attributes, cross_account_confirmation.json direct-confirmed-get-B.
 */

function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function bucket(name: string, table: number): number {
  const hash = javaStringHash(name);
  return (hash ^ (hash >>> 16)) & (table - 1);
}

/**
 * `entries` in insertion order, listed as the HashMap would iterate them; `unseen`: entries the
 * map holds that are not listed (they count towards its size, so its table).
 */
export function inJavaMapOrder<T>(entries: ReadonlyArray<readonly [string, T]>, unseen = 0): Record<string, T> {
  let table = 16;
  while (entries.length + unseen > table * 0.75) table *= 2;
  const placed = entries.map(([name, value], i) => ({ name, value, at: bucket(name, table), i }));
  placed.sort((a, b) => a.at - b.at || a.i - b.i);
  const out: Record<string, T> = {};
  for (const { name, value } of placed) out[name] = value;
  return out;
}
