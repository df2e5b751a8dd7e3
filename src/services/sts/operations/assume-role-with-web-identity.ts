/**
 * AssumeRoleWithWebIdentity (unsigned in AWS's SDKs): temporary credentials for a role from an
 * OIDC token. The token must be a JWT; its claims are read (sub, aud, iss) but its signature is
 * not verified, since no identity provider is configured in boltstack.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import type { AssumeRoleWithWebIdentityInput, AssumeRoleWithWebIdentityOutput } from '../../../model/generated/sts-types.js';
import { unsupported, type StsHandler } from '../context.js';
import { stsErrors } from '../errors.js';
import { roleIdOf } from '../role-id.js';
import { checkArn, checkDuration, checkPolicy, checkPolicyArns, checkSessionName, durationOf, packedPolicySize, parseRoleArn } from '../validate.js';
import { Violations, checkText } from '../violations.js';

const UNEMULATED = ['MinimumSessionTokenSize'] as const;

interface Claims { sub?: unknown; aud?: unknown; iss?: unknown }

function claimsOf(token: string): Claims {
  const parts = token.split('.');
  try {
    if (parts.length !== 3) throw new Error('not a JWT');
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null) throw new Error('not an object');
    return claims as Claims;
  } catch {
    throw stsErrors.invalidIdentityToken('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
}

export const assumeRoleWithWebIdentity: StsHandler<AssumeRoleWithWebIdentityInput, AssumeRoleWithWebIdentityOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'AssumeRoleWithWebIdentity', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkArn(v, input.RoleArn);
  checkSessionName(v, input.RoleSessionName);
  // Absent (reported through `absent`): the handler stops at v.check() before reading it.
  if (input.WebIdentityToken !== undefined && input.WebIdentityToken.length < 4) v.add('…', 'webIdentityToken', 'Member must have length greater than or equal to 4');
  // The model's length (4 to 2,048, botocore 1.43.11) is checked before the provider's name.
  if (input.ProviderId !== undefined) checkText(v, input.ProviderId, 'providerId', { min: 4, max: 2048 });
  checkPolicyArns(v, input.PolicyArns);
  checkPolicy(v, input.Policy);
  checkDuration(v, input.DurationSeconds, 900, 43200);
  v.check();
  const role = parseRoleArn(input.RoleArn);
  if (input.ProviderId !== undefined && !['www.amazon.com', 'graph.facebook.com'].includes(input.ProviderId)) {
    throw stsErrors.validation(`Provider ${input.ProviderId} is not supported.`);
  }
  const seconds = durationOf(input.DurationSeconds, 43200, 3600);
  const packed = packedPolicySize(input.Policy, input.PolicyArns, undefined);
  const claims = claimsOf(input.WebIdentityToken);
  const roleId = roleIdOf(input.RoleArn);
  const arn = `arn:aws:sts::${role.account}:assumed-role/${role.name}/${input.RoleSessionName}`;
  const userId = `${roleId}:${input.RoleSessionName}`;
  const Credentials = await deps.credentials.issue({ account: role.account, arn, userId }, seconds);
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  const iss = typeof claims.iss === 'string' ? claims.iss.replace(/^https:\/\//, '') : undefined;
  return {
    Credentials,
    ...(typeof claims.sub === 'string' ? { SubjectFromWebIdentityToken: claims.sub } : {}),
    AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
    ...(packed === undefined ? {} : { PackedPolicySize: packed }),
    ...(input.ProviderId ?? iss) === undefined ? {} : { Provider: input.ProviderId ?? iss },
    ...(typeof aud === 'string' ? { Audience: aud } : {}),
  };
};
