/**
 * AssumeRole: temporary credentials for a role, in the role's account (the key id carries it,
 * so every service sees requests signed with them as that account). There is no IAM in
 * boltstack: every role exists and trusts every caller; ExternalId and MFA are not checked.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import type { AssumeRoleInput, AssumeRoleOutput } from '../../../model/generated/sts-types.js';
import { unsupported, type StsHandler } from '../context.js';
import { roleIdOf } from '../role-id.js';
import { stsErrors } from '../errors.js';
import {
  chainTransitiveTags, checkArn, checkDuration, checkExternalId, checkPolicy, checkPolicyArns, checkSerialNumber, checkSessionName, checkSessionTags, checkTags,
  checkTokenCode, checkTransitiveTagKeys, durationOf, packedPolicySize, parseRoleArn,
} from '../validate.js';
import { Violations } from '../violations.js';

/** Not emulated: trusted-context assertions (Identity Center) and the token-size request. */
const UNEMULATED = ['ProvidedContexts', 'MinimumSessionTokenSize'] as const;

export const assumeRole: StsHandler<AssumeRoleInput, AssumeRoleOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'AssumeRole', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkArn(v, input.RoleArn);
  checkSessionName(v, input.RoleSessionName);
  checkPolicyArns(v, input.PolicyArns);
  checkPolicy(v, input.Policy);
  checkDuration(v, input.DurationSeconds, 900, 43200);
  checkTags(v, input.Tags);
  checkTransitiveTagKeys(v, input.TransitiveTagKeys);
  checkExternalId(v, input.ExternalId);
  checkSerialNumber(v, input.SerialNumber);
  checkTokenCode(v, input.TokenCode);
  if (input.SourceIdentity !== undefined) checkSessionName(v, input.SourceIdentity, 'sourceIdentity');
  v.check();
  const role = parseRoleArn(input.RoleArn);
  const seconds = durationOf(input.DurationSeconds, 43200, 3600);
  const packed = packedPolicySize(input.Policy, input.PolicyArns, input.Tags);
  checkSessionTags(input.Tags, input.TransitiveTagKeys);
  if ((input.SerialNumber === undefined) !== (input.TokenCode === undefined)) {
    throw stsErrors.accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  }
  // Only a session boltstack issued (an ASIA key) can carry transitive tags from its own AssumeRole.
  const caller = ctx.accessKeyId?.startsWith('ASIA') === true ? await deps.credentials.principalOf(ctx.accessKeyId) : undefined;
  const transitiveTagKeys = chainTransitiveTags(caller?.transitiveTagKeys, input.Tags, input.TransitiveTagKeys);
  const roleId = roleIdOf(input.RoleArn);
  const arn = `arn:aws:sts::${role.account}:assumed-role/${role.name}/${input.RoleSessionName}`;
  const userId = `${roleId}:${input.RoleSessionName}`;
  const Credentials = await deps.credentials.issue({
    account: role.account, arn, userId,
    ...(transitiveTagKeys === undefined ? {} : { transitiveTagKeys }),
    ...(input.SourceIdentity === undefined ? {} : { sourceIdentity: input.SourceIdentity }),
  }, seconds);
  return {
    Credentials,
    AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
    ...(packed === undefined ? {} : { PackedPolicySize: packed }),
    ...(input.SourceIdentity === undefined ? {} : { SourceIdentity: input.SourceIdentity }),
  };
};
