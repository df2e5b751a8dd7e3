/**
 * The order in which SNS lists a topic's or a subscription's attributes: that of a
 * java.util.HashMap holding them, made from the whole set at once (as `new HashMap<>(map)` is):
 * by the bucket (String.hashCode, spread as HashMap.hash does, masked by the table size) and,
 * within a bucket, in the order they were put: user-set attributes (KmsMasterKeyId, TracingConfig,
 * a feedback role) before the derived ones sharing their bucket (TopicArn, EffectiveDeliveryPolicy).
 * The table is sized as that constructor sizes it, tableSizeFor(n / 0.75 + 1): 16 for up to 11
 * entries, 32 for 12 to 23. Radkawar/stackd testdata/aws/sns (2026-09): archive_create.json
 * inline-attributes (12 entries, BeginningArchiveTime before DisplayName: a table of 32);
 * policy_context.json signature-two-topic-attributes (9 entries, SignatureVersion right after
 * Policy: a table of 16); encryption.json get-key-0, feedback_sampling.json role-only-attributes,
 * tracing.json read-tracing-standard-'active', http_delivery.json raw_attributes (11 entries),
 * archive_transitions.json denied-status, cross_account_confirmation.json direct-confirmed-get-B.
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

/** HashMap's table for `size` entries put at once: tableSizeFor((int) (size / 0.75f + 1)). */
function tableFor(size: number): number {
  const wanted = Math.floor(size / 0.75 + 1);
  let table = 1;
  while (table < wanted) table *= 2;
  return table;
}

/** `entries` in insertion order, listed as the HashMap would iterate them. */
export function inJavaMapOrder<T>(entries: ReadonlyArray<readonly [string, T]>): Record<string, T> {
  const table = tableFor(entries.length);
  const placed = entries.map(([name, value], i) => ({ name, value, at: bucket(name, table), i }));
  placed.sort((a, b) => a.at - b.at || a.i - b.i);
  const out: Record<string, T> = {};
  for (const { name, value } of placed) out[name] = value;
  return out;
}
