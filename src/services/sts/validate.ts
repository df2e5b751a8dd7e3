/**
 * The input constraints STS checks on the assume-role family, in its words: role ARN,
 * session name, duration, session policy, tags. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { stsErrors } from './errors.js';

const SESSION_NAME = /^[\w+=,.@-]*$/;
const ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]+)$/;

export interface RoleName { account: string; name: string }

/** The role's account and name (the path is not part of an assumed-role ARN). */
export function parseRoleArn(roleArn: string): RoleName {
  if (roleArn.length < 20) throw stsErrors.constraint(roleArn, 'roleArn', 'Member must have length greater than or equal to 20');
  if (roleArn.length > 2048) throw stsErrors.constraint(roleArn, 'roleArn', 'Member must have length less than or equal to 2048');
  const m = ARN.exec(roleArn);
  if (!m) throw stsErrors.validation(`${roleArn} is invalid`);
  return { account: m[1]!, name: m[2]! };
}

/** A session, source identity or federated user name: 2 to `max` characters of `[\w+=,.@-]`. */
export function checkSessionName(name: string, member = 'roleSessionName', max = 64): void {
  if (name.length < 2) throw stsErrors.constraint(name, member, 'Member must have length greater than or equal to 2');
  if (name.length > max) throw stsErrors.constraint(name, member, `Member must have length less than or equal to ${max}`);
  if (!SESSION_NAME.test(name)) throw stsErrors.constraint(name, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
}

/** `DurationSeconds` within [min, max], or the default when absent. */
export function durationOf(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw stsErrors.constraint(value, 'durationSeconds', `Member must have value greater than or equal to ${min}`);
  if (value > max) {
    // Above the role's maximum session duration (no IAM here: every role has the largest, 12 h).
    throw max === 43200
      ? stsErrors.validation(`The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`)
      : stsErrors.constraint(value, 'durationSeconds', `Member must have value less than or equal to ${max}`);
  }
  return value;
}

// tagKeyType and tagValueType (botocore 1.43.11); AWS words the member by its 1-based place in
// the list ('tags.1.member.key': ballerina-platform module-ballerinax-aws.sns tests, against AWS).
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** One session tag's key (1 to 128 characters) and value (at most 256), each of the model's characters. */
function checkTag(tag: { Key: string; Value: string }, place: number): void {
  const key = `tags.${place}.member.key`;
  const value = `tags.${place}.member.value`;
  if (tag.Key.length < 1) throw stsErrors.constraint(tag.Key, key, 'Member must have length greater than or equal to 1');
  if (tag.Key.length > 128) throw stsErrors.constraint(tag.Key, key, 'Member must have length less than or equal to 128');
  if (!TAG_KEY.test(tag.Key)) throw stsErrors.constraint(tag.Key, key, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+');
  if (tag.Value.length > 256) throw stsErrors.constraint(tag.Value, value, 'Member must have length less than or equal to 256');
  if (!TAG_VALUE.test(tag.Value)) throw stsErrors.constraint(tag.Value, value, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*');
}

const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;

/**
 * AssumeRole's ExternalId: externalIdType (botocore 1.43.11), 2 to 1,224 characters of
 * [\w+=,.@:\/-]; AWS quotes the pattern as the model writes it, the slash escaped (an AWS SDK for
 * Java exception quoted on a blog: "Value 'XMode Social' at 'externalId' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w+=,.@:\/-]*").
 */
export function checkExternalId(id: string | undefined): void {
  if (id === undefined) return;
  if (id.length < 2) throw stsErrors.constraint(id, 'externalId', 'Member must have length greater than or equal to 2');
  if (id.length > 1224) throw stsErrors.constraint(id, 'externalId', 'Member must have length less than or equal to 1224');
  if (!EXTERNAL_ID.test(id)) throw stsErrors.constraint(id, 'externalId', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*');
}

/**
 * An MFA TokenCode: tokenCodeType (botocore 1.43.11), exactly 6 characters of [\d]. The length is
 * answered first: '12345' satisfies the pattern, so the constraint it fails is the length.
 */
export function checkTokenCode(code: string | undefined): void {
  if (code === undefined) return;
  if (code.length < 6) throw stsErrors.constraint(code, 'tokenCode', 'Member must have length greater than or equal to 6');
  if (code.length > 6) throw stsErrors.constraint(code, 'tokenCode', 'Member must have length less than or equal to 6');
  if (!/^\d*$/.test(code)) throw stsErrors.constraint(code, 'tokenCode', 'Member must satisfy regular expression pattern: [\\d]*');
}

const SERIAL_NUMBER = /^[\w+=/:,.@-]*$/;

/** An MFA device's SerialNumber: serialNumberType (botocore 1.43.11), 9 to 256 characters of [\w+=/:,.@-]. */
export function checkSerialNumber(serial: string | undefined): void {
  if (serial === undefined) return;
  if (serial.length < 9) throw stsErrors.constraint(serial, 'serialNumber', 'Member must have length greater than or equal to 9');
  if (serial.length > 256) throw stsErrors.constraint(serial, 'serialNumber', 'Member must have length less than or equal to 256');
  if (!SERIAL_NUMBER.test(serial)) throw stsErrors.constraint(serial, 'serialNumber', 'Member must satisfy regular expression pattern: [\\w+=/:,.@-]*');
}

const SESSION_POLICY_CHARACTERS = /^[\t\n\r\u0020-\u00FF]+$/;

/** A session policy must be JSON of at most 2,048 characters; returns its packed size in percent. */
export function checkSessionPolicy(policy: string | undefined, policyArns: readonly { arn?: string }[] | undefined, tags: readonly { Key: string; Value: string }[] | undefined): number | undefined {
  if (policy === undefined && policyArns === undefined && tags === undefined) return undefined;
  let size = 0;
  if (policy !== undefined) {
    if (policy.length > 2048) throw stsErrors.constraint('…', 'policy', 'Member must have length less than or equal to 2048');
    // The model's sessionPolicyDocumentType (botocore 1.43.11): at least one character, each a tab,
    // a line break or from U+0020 to U+00FF (hostile pass 20: '' was MalformedPolicyDocument, CJK
    // and emoji were accepted).
    if (policy.length === 0) throw stsErrors.constraint('', 'policy', 'Member must have length greater than or equal to 1');
    if (!SESSION_POLICY_CHARACTERS.test(policy)) throw stsErrors.constraint(policy, 'policy', 'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+');
    try { size += JSON.stringify(JSON.parse(policy)).length; } catch { throw stsErrors.malformedPolicyDocument('The policy is not in the valid JSON format.'); }
  }
  if (policyArns !== undefined) {
    if (policyArns.length > 10) throw stsErrors.constraint('[…]', 'policyArns', 'Member must have length less than or equal to 10');
    policyArns.forEach((p, i) => {
      const arn = p.arn ?? '';
      // arnType (botocore 1.43.11): 20 to 2,048 characters.
      if (arn.length < 20) throw stsErrors.constraint(arn, `policyArns.${i + 1}.member.arn`, 'Member must have length greater than or equal to 20');
      if (arn.length > 2048) throw stsErrors.constraint(arn, `policyArns.${i + 1}.member.arn`, 'Member must have length less than or equal to 2048');
      size += arn.length;
    });
  }
  if (tags !== undefined) {
    if (tags.length > 50) throw stsErrors.constraint('[…]', 'tags', 'Member must have length less than or equal to 50');
    tags.forEach((tag, i) => {
      checkTag(tag, i + 1);
      size += tag.Key.length + tag.Value.length;
    });
  }
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
  // tagKeyListType (botocore 1.43.11): at most 50 keys; the model is checked before the keys' meaning.
  if (transitive !== undefined && transitive.length > 50) throw stsErrors.constraint('[…]', 'transitiveTagKeys', 'Member must have length less than or equal to 50');
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
