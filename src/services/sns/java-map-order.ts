/**
 * The order in which SNS lists a topic's or a subscription's attributes: that of a
 * java.util.HashMap holding them.
 * Every GetTopicAttributes captured from native AWS lists its entries by the bucket
 * (String.hashCode, spread as HashMap.hash does, masked by a table of 32) and, within a bucket, in
 * the order they were put: user-set attributes (KmsMasterKeyId, TracingConfig, a feedback role)
 * before the derived ones sharing their bucket (TopicArn, EffectiveDeliveryPolicy). Radkawar/stackd
 * testdata/aws/sns/archive_create.json inline-attributes (12 entries, which a table of 16 would
 * order otherwise), encryption.json get-key-0, feedback_sampling.json role-only-attributes,
 * tracing.json read-tracing-standard-'active' (2026-09-22/23). A subscription's table starts at
 * 16 (http_delivery.json raw_attributes, 11 entries; archive_transitions.json denied-status;
 * cross_account_confirmation.json direct-confirmed-get-B, 2026-09). A table grows as HashMap's
 * does, doubling past a load of 3/4.
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

/** `entries` in insertion order, listed as the HashMap would iterate them. */
export function inJavaMapOrder(entries: ReadonlyArray<readonly [string, string]>, initialTable: 16 | 32): Record<string, string> {
  let table: number = initialTable;
  while (entries.length > table * 0.75) table *= 2;
  const placed = entries.map(([name, value], i) => ({ name, value, at: bucket(name, table), i }));
  placed.sort((a, b) => a.at - b.at || a.i - b.i);
  const out: Record<string, string> = {};
  for (const { name, value } of placed) out[name] = value;
  return out;
}
