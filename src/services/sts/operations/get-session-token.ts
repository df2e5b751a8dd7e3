/**
 * GetSessionToken: temporary credentials for the caller itself (the same principal, the same
 * account). Refused for session credentials, as AWS refuses it. MFA parameters are checked for
 * shape; the code itself is not verified (boltstack has no MFA devices).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
import type { GetSessionTokenInput, GetSessionTokenOutput } from '../../../model/generated/sts-types.js';
import { rootPrincipal, unsupported, type StsHandler } from '../context.js';
import { isSessionKey } from '../credentials.js';
import { stsErrors } from '../errors.js';
import { checkDuration, checkSerialNumber, checkTokenCode, durationOf } from '../validate.js';
import { Violations } from '../violations.js';

const UNEMULATED = ['MinimumSessionTokenSize'] as const;

export const getSessionToken: StsHandler<GetSessionTokenInput, GetSessionTokenOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'GetSessionToken', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkDuration(v, input.DurationSeconds, 900, 129600);
  checkSerialNumber(v, input.SerialNumber);
  checkTokenCode(v, input.TokenCode);
  v.check();
  const seconds = durationOf(input.DurationSeconds, 129600, 43200);
  // Any session's key, not only one issued here: a session from another data directory was
  // answered root credentials (hostile-expired-credentials-22.test.ts).
  if (isSessionKey(ctx.accessKeyId)) {
    throw stsErrors.accessDenied('Cannot call GetSessionToken with session credentials');
  }
  return { Credentials: await deps.credentials.issue(rootPrincipal(ctx.accountId), seconds) };
};
