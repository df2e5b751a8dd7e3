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
  chainTransitiveTags, checkExternalId, checkSerialNumber, checkTokenCode, checkSessionName, checkSessionPolicy, checkSessionTags, durationOf, parseRoleArn,
} from '../validate.js';

/** Not emulated: trusted-context assertions (Identity Center) and the token-size request. */
const UNEMULATED = ['ProvidedContexts', 'MinimumSessionTokenSize'] as const;

export const assumeRole: StsHandler<AssumeRoleInput, AssumeRoleOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'AssumeRole', input, UNEMULATED);
  const role = parseRoleArn(input.RoleArn);
  checkSessionName(input.RoleSessionName);
  const seconds = durationOf(input.DurationSeconds, 900, 43200, 3600);
  const packed = checkSessionPolicy(input.Policy, input.PolicyArns, input.Tags);
  checkSessionTags(input.Tags, input.TransitiveTagKeys);
  checkExternalId(input.ExternalId);
  checkSerialNumber(input.SerialNumber);
  if ((input.SerialNumber === undefined) !== (input.TokenCode === undefined)) {
    throw stsErrors.accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  }
  checkTokenCode(input.TokenCode);
  if (input.SourceIdentity !== undefined) checkSessionName(input.SourceIdentity, 'sourceIdentity');
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
