/**
 * GetFederationToken: temporary credentials for a federated user of the caller's account
 * (arn:aws:sts::<account>:federated-user/<Name>), which GetCallerIdentity answers as that user.
 * Refused for session credentials, as AWS refuses it. Every long-term key in boltstack stands
 * for its account's root user, and AWS holds a root user's federation sessions to one hour.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
import type { GetFederationTokenInput, GetFederationTokenOutput } from '../../../model/generated/sts-types.js';
import { unsupported, type StsHandler } from '../context.js';
import { isSessionKey } from '../credentials.js';
import { stsErrors } from '../errors.js';
import { checkDuration, checkPolicy, checkPolicyArns, checkSessionName, checkSessionTags, checkTags, durationOf, packedPolicySize } from '../validate.js';
import { Violations } from '../violations.js';

const UNEMULATED = ['MinimumSessionTokenSize'] as const;

/** "Sessions obtained using root user credentials are restricted to a maximum of 3,600 seconds". */
const ROOT_MAX_SECONDS = 3600;

export const getFederationToken: StsHandler<GetFederationTokenInput, GetFederationTokenOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'GetFederationToken', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkSessionName(v, input.Name, 'name', 32);
  checkPolicy(v, input.Policy);
  checkPolicyArns(v, input.PolicyArns);
  checkDuration(v, input.DurationSeconds, 900, 129600);
  checkTags(v, input.Tags);
  v.check();
  const seconds = durationOf(input.DurationSeconds, 129600, 43200);
  const packed = packedPolicySize(input.Policy, input.PolicyArns, input.Tags);
  checkSessionTags(input.Tags, undefined);
  // Any session's key, not only one issued here: a session from another data directory was
  // answered root credentials (hostile-expired-credentials-22.test.ts).
  if (isSessionKey(ctx.accessKeyId)) {
    throw stsErrors.accessDenied('Cannot call GetFederationToken with session credentials');
  }
  const account = ctx.accountId;
  const federatedUserId = `${account}:${input.Name}`;
  const arn = `arn:aws:sts::${account}:federated-user/${input.Name}`;
  const Credentials = await deps.credentials.issue({ account, arn, userId: federatedUserId }, Math.min(seconds, ROOT_MAX_SECONDS));
  // AWS answers PackedPolicySize even without a policy or tags: 0 (localstack test_sts.snapshot.json).
  return { Credentials, FederatedUser: { FederatedUserId: federatedUserId, Arn: arn }, PackedPolicySize: packed ?? 0 };
};
