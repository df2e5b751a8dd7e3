/**
 * Checks a POST form against its policy's conditions, as S3 does: names case-insensitively,
 * values case-sensitively (test_s3.py::test_post_object_policy_conditions_validation_eq), on the
 * field values after `${filename}` is expanded (sigv4-HTTPPOSTConstructPolicy: "All variables
 * within the form are expanded prior to validating the POST policy"). A condition on a field the
 * form lacks fails, even `starts-with ""` (waynehoover/s3_direct_upload#29, 2012). Then every
 * field must be named by some condition, except the exempt ones ("Extra input fields").
 * Returns the content-length-range the file must fall in, checked while it streams.
 */
import type { Condition } from './policy.js';
import { postErrors } from './errors.js';
import type { Fields } from './fields.js';

export interface LengthRange { min: number; max: number }

/**
 * Fields no condition needs to name: SigV4 "except x-amz-signature, file, policy, and field names
 * that have an x-ignore- prefix"; SigV2 "except AWSAccessKeyId, signature, file, policy".
 */
const EXEMPT: ReadonlySet<string> = new Set(['policy', 'x-amz-signature', 'file', 'awsaccesskeyid', 'signature']);

export function checkConditions(conditions: readonly Condition[], fields: Fields, bucket: string): LengthRange | undefined {
  const covered = new Set<string>();
  let range: LengthRange | undefined;
  for (const condition of conditions) {
    if (condition.kind === 'content-length-range') {
      range = { min: condition.min, max: condition.max };
      continue;
    }
    covered.add(condition.field);
    // The bucket is the one posted to, whether or not the form also names it (s3-tests test_post_object_wrong_bucket).
    const value = condition.field === 'bucket' ? bucket : fields.value(condition.field);
    if (!holds(condition, value)) throw postErrors.conditionFailed(condition.printed);
  }
  const extra = fields.names().filter((name) => {
    const lower = name.toLowerCase();
    return !EXEMPT.has(lower) && !lower.startsWith('x-ignore-') && !covered.has(lower);
  });
  if (extra.length > 0) throw postErrors.extraFields(extra);
  return range;
}

function holds(condition: Condition, value: string | undefined): boolean {
  if (value === undefined) return false;
  switch (condition.kind) {
    case 'eq': return value === condition.value;
    case 'starts-with':
      // "Content-Types values for a starts-with condition that include commas are interpreted as
      // lists. Each value in the list must meet the condition" (sigv4-HTTPPOSTConstructPolicy).
      if (condition.field === 'content-type') return value.split(',').every((v) => v.trim().startsWith(condition.value));
      return value.startsWith(condition.value);
    default: return false;
  }
}
