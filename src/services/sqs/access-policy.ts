/**
 * A queue's access Policy as SQS answers it: compact JSON, everything in the order given but each
 * statement's Condition block, whose operators come in the order of the Java hash map SQS keeps
 * them in (util/java-map-order.ts). Native AWS, radkawar/stackd testdata/aws/sns/regional_sqs.json
 * policy-correct-*-readback (2026-09-22): `"Condition": {"ArnEquals": …, "StringEquals": …}` is
 * answered `"Condition":{"StringEquals":…,"ArnEquals":…}`; sns/delivery.json inspect-primary-policy
 * (2026-09-14) for the compact form.
 */
import { inJavaMapOrder } from '../../util/java-map-order.js';

export function answeredAccessPolicy(value: string): string {
  const policy = JSON.parse(value) as unknown;
  const statements = (policy as { Statement?: unknown } | null)?.Statement;
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    if (typeof statement !== 'object' || statement === null) continue;
    const s = statement as { Condition?: unknown };
    if (typeof s.Condition === 'object' && s.Condition !== null && !Array.isArray(s.Condition)) {
      s.Condition = inJavaMapOrder(Object.entries(s.Condition));
    }
  }
  return JSON.stringify(policy);
}
