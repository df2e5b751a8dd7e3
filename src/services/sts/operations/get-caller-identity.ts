/**
 * GetCallerIdentity: the account of the access key and the principal behind it: the account's
 * root user for a long-term key, the assumed role (arn:aws:sts::<account>:assumed-role/<role>/<session>)
 * for credentials AssumeRole issued. Terraform calls this first (conformance §1).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
import type { GetCallerIdentityInput, GetCallerIdentityOutput } from '../../../model/generated/sts-types.js';
import { rootPrincipal, type StsHandler } from '../context.js';

export const getCallerIdentity: StsHandler<GetCallerIdentityInput, GetCallerIdentityOutput> = async (deps, ctx) => {
  const principal = await deps.credentials.principalOf(ctx.accessKeyId) ?? rootPrincipal(ctx.accountId);
  return { UserId: principal.userId, Account: principal.account, Arn: principal.arn };
};
