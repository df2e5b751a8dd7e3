/**
 * The input constraints STS checks on the assume-role family, in its words: role ARN,
 * session name, duration, session policy, tags. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { stsErrors } from './errors.js';
import { checkText, type Violations } from './violations.js';

/**
 * Each `check…` adds what breaks the model to the request's Violations (violations.ts), in the
 * operation's member order, for the caller to throw at once; the other functions are the checks
 * STS makes after the model's, each throwing its own answer.
 */

const SESSION_NAME = { test: /^[\w+=,.@-]*$/, source: '[\\w+=,.@-]*' };
const ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]+)$/;

export interface RoleName { account: string; name: string }

/** An ARN member (arnType, botocore 1.43.11: 20 to 2,048 characters, no pattern). */
export function checkArn(v: Violations, arn: string | undefined, member = 'roleArn'): void {
  checkText(v, arn, member, { min: 20, max: 2048 });
}

/** The role's account and name (the path is not part of an assumed-role ARN); after checkArn. */
export function parseRoleArn(roleArn: string): RoleName {
  const m = ARN.exec(roleArn);
  if (!m) throw stsErrors.validation(`${roleArn} is invalid`);
  return { account: m[1]!, name: m[2]! };
}

/** A session, source identity or federated user name: 2 to `max` characters of `[\w+=,.@-]`. */
export function checkSessionName(v: Violations, name: string | undefined, member = 'roleSessionName', max = 64): void {
  checkText(v, name, member, { pattern: SESSION_NAME, min: 2, max });
}

/** The largest DurationSeconds a role allows (12 h): above it is the role's answer, not the model's. */
const ROLE_MAX_SECONDS = 43200;

/** `DurationSeconds` within the model's [min, max] (a role's maximum: durationOf). */
export function checkDuration(v: Violations, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min) v.add(value, 'durationSeconds', `Member must have value greater than or equal to ${min}`);
  else if (value > max && max !== ROLE_MAX_SECONDS) v.add(value, 'durationSeconds', `Member must have value less than or equal to ${max}`);
}

/** The session's seconds (`fallback` when absent), after checkDuration. */
export function durationOf(value: number | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  // Above the role's maximum session duration (no IAM here: every role has the largest, 12 h).
  if (value > max) throw stsErrors.validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  return value;
}

// tagKeyType and tagValueType (botocore 1.43.11); AWS words the member by its 1-based place in
// the list ('tags.1.member.key': ballerina-platform module-ballerinax-aws.sns tests, against AWS).
const TAG_KEY = { test: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, source: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' };
const TAG_VALUE = { test: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, source: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' };

/** Session tags: at most 50; each key 1 to 128 characters, each value at most 256, of the model's characters. */
export function checkTags(v: Violations, tags: readonly { Key: string; Value: string }[] | undefined): void {
  if (tags === undefined) return;
  if (tags.length > 50) v.add('[…]', 'tags', 'Member must have length less than or equal to 50');
  tags.forEach((tag, i) => {
    checkText(v, tag.Key, `tags.${i + 1}.member.key`, { pattern: TAG_KEY, min: 1, max: 128 });
    checkText(v, tag.Value, `tags.${i + 1}.member.value`, { pattern: TAG_VALUE, max: 256 });
  });
}

/** tagKeyListType (botocore 1.43.11): at most 50 keys; the model is checked before the keys' meaning. */
export function checkTransitiveTagKeys(v: Violations, keys: readonly string[] | undefined): void {
  if (keys !== undefined && keys.length > 50) v.add('[…]', 'transitiveTagKeys', 'Member must have length less than or equal to 50');
}

/**
 * AssumeRole's ExternalId: externalIdType (botocore 1.43.11), 2 to 1,224 characters of
 * [\w+=,.@:\/-]; AWS quotes the pattern as the model writes it, the slash escaped (an AWS SDK for
 * Java exception quoted on a blog: "Value 'XMode Social' at 'externalId' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w+=,.@:\/-]*").
 */
export function checkExternalId(v: Violations, id: string | undefined): void {
  if (id !== undefined) checkText(v, id, 'externalId', { pattern: { test: /^[\w+=,.@:/-]*$/, source: '[\\w+=,.@:\\/-]*' }, min: 2, max: 1224 });
}

/** An MFA TokenCode: tokenCodeType (botocore 1.43.11), exactly 6 characters of [\d]. */
export function checkTokenCode(v: Violations, code: string | undefined): void {
  if (code !== undefined) checkText(v, code, 'tokenCode', { pattern: { test: /^\d*$/, source: '[\\d]*' }, min: 6, max: 6 });
}

/** An MFA device's SerialNumber: serialNumberType (botocore 1.43.11), 9 to 256 characters of [\w+=/:,.@-]. */
export function checkSerialNumber(v: Violations, serial: string | undefined): void {
  if (serial !== undefined) checkText(v, serial, 'serialNumber', { pattern: { test: /^[\w+=/:,.@-]*$/, source: '[\\w+=/:,.@-]*' }, min: 9, max: 256 });
}

// The model's sessionPolicyDocumentType (botocore 1.43.11): 1 to 2,048 characters, each a tab, a
// line break or from U+0020 to U+00FF (hostile pass 20: '' was MalformedPolicyDocument, CJK and
// emoji were accepted). A policy over the limit is shown as '…'.
const SESSION_POLICY = { test: /^[\t\n\r\u0020-\u00FF]+$/, source: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };

/** An inline session policy's characters and length. */
export function checkPolicy(v: Violations, policy: string | undefined): void {
  if (policy === undefined) return;
  const shown = policy.length > 2048 ? '…' : policy;
  if (!SESSION_POLICY.test.test(policy)) v.add(shown, 'policy', `Member must satisfy regular expression pattern: ${SESSION_POLICY.source}`);
  if (policy.length < 1) v.add(shown, 'policy', 'Member must have length greater than or equal to 1');
  if (policy.length > 2048) v.add(shown, 'policy', 'Member must have length less than or equal to 2048');
}

/** Managed session policies: at most 10, each ARN of arnType (20 to 2,048 characters). */
export function checkPolicyArns(v: Violations, policyArns: readonly { arn?: string }[] | undefined): void {
  if (policyArns === undefined) return;
  if (policyArns.length > 10) v.add('[…]', 'policyArns', 'Member must have length less than or equal to 10');
  policyArns.forEach((p, i) => checkArn(v, p.arn ?? '', `policyArns.${i + 1}.member.arn`));
}

/**
 * After the model's checks: the policy must be JSON, and policies and tags must fit; returns their
 * packed size in percent (undefined when the request has none of them).
 */
export function packedPolicySize(policy: string | undefined, policyArns: readonly { arn?: string }[] | undefined, tags: readonly { Key: string; Value: string }[] | undefined): number | undefined {
  if (policy === undefined && policyArns === undefined && tags === undefined) return undefined;
  let size = 0;
  if (policy !== undefined) {
    try { size += JSON.stringify(JSON.parse(policy)).length; } catch { throw stsErrors.malformedPolicyDocument('The policy is not in the valid JSON format.'); }
  }
  for (const p of policyArns ?? []) size += (p.arn ?? '').length;
  for (const tag of tags ?? []) size += tag.Key.length + tag.Value.length;
  // AWS packs policies and tags into a binary form of its own; boltstack reports the share of
  // the 2,048-character plain-text budget the request used, which grows the same way.
  const percent = Math.ceil((size / 2048) * 100);
  if (percent > 100) throw stsErrors.packedPolicyTooLarge(`Packed size of consumed session policies and tags exceeds 2048 bytes by ${size - 2048} bytes.`);
  return percent;
}

/**
 * Session tags: keys are case-insensitive, so two that differ only in case are a duplicate, and
 * every transitive key must be one of the tags. Both are InvalidParameterValue (AWS's answers in
 * localstack tests/aws/services/sts/test_sts.snapshot.json, test_assume_role_tag_validation, 2025-04-10).
 */
export function checkSessionTags(tags: readonly { Key: string }[] | undefined, transitive: readonly string[] | undefined): void {
  const keys = new Set<string>();
  for (const tag of tags ?? []) {
    const key = tag.Key.toLowerCase();
    if (keys.has(key)) throw stsErrors.invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    keys.add(key);
  }
  for (const key of transitive ?? []) {
    if (!keys.has(key.toLowerCase())) throw stsErrors.invalidParameterValue('The specified transitive tag key must be included in the requested tags.');
  }
}

/**
 * Role chaining: a session's transitive tags pass on to the sessions it assumes, and a request
 * from it may not set a tag of one of those keys again (case-insensitively). InvalidParameterValue,
 * AWS's answer in localstack tests/aws/services/sts/test_sts.snapshot.json,
 * test_iam_role_chaining_override_transitive_tags (2025-04-10). The keys the new session carries
 * on are returned, lower-cased; undefined when there are none.
 */
export function chainTransitiveTags(inherited: readonly string[] | undefined, tags: readonly { Key: string }[] | undefined,
  transitive: readonly string[] | undefined): string[] | undefined {
  if (inherited !== undefined && tags !== undefined && tags.some((tag) => inherited.includes(tag.Key.toLowerCase()))) {
    throw stsErrors.invalidParameterValue("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
  }
  const keys = new Set([...(inherited ?? []), ...(transitive ?? []).map((key) => key.toLowerCase())]);
  return keys.size === 0 ? undefined : [...keys];
}
