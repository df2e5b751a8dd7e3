/**
 * AssumeRoot: short-term credentials of a member account's root user, scoped by one of the five
 * AWS managed root-task policies. GetCallerIdentity answers them as that account's root user.
 * There is no IAM or Organizations in boltstack: every caller may target every account (AWS
 * requires a management or delegated-administrator account and refuses root callers).
 * Validation answers are AWS's, recorded in radkawar/stackd testdata/aws/iam/root_access.json.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
 */
import type { AssumeRootInput, AssumeRootOutput } from '../../../model/generated/sts-types.js';
import { rootPrincipal, unsupported, type StsHandler } from '../context.js';
import { stsErrors } from '../errors.js';
import { checkDuration, durationOf } from '../validate.js';
import { Violations, checkText } from '../violations.js';

const UNEMULATED = ['MinimumSessionTokenSize'] as const;

/** The AWS managed policies AssumeRoot accepts (IAM User Guide, security-iam-awsmanpol.html). */
const TASK_POLICIES = new Set([
  'IAMAuditRootUserCredentials', 'IAMCreateRootUserPassword', 'IAMDeleteRootUserCredentials', 'S3UnlockBucketPolicy', 'SQSUnlockQueuePolicy',
]);
const TASK_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/root-task\/([A-Za-z0-9]+)$/;
/** An account id, or its root user's ARN. */
const TARGET = /^(?:(\d{12})|arn:aws[a-z-]*:iam::(\d{12}):root)$/;

/** The target's account; after the model's checks. */
function targetAccount(target: string): string {
  const m = TARGET.exec(target);
  if (!m) throw stsErrors.validation('Request must contain a valid target principal');
  return (m[1] ?? m[2])!;
}

export const assumeRoot: StsHandler<AssumeRootInput, AssumeRootOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'AssumeRoot', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkText(v, input.TargetPrincipal, 'targetPrincipal', { min: 12, max: 2048 });
  checkDuration(v, input.DurationSeconds, 0, 900);
  v.check();
  const account = targetAccount(input.TargetPrincipal);
  const task = TASK_POLICY_ARN.exec(input.TaskPolicyArn.arn ?? '');
  if (!task || !TASK_POLICIES.has(task[1]!)) throw stsErrors.validation('Request must contain valid AWS managed task policy ARN');
  // 0 to 900 seconds, 900 by default: a higher value fails (API reference, DurationSeconds).
  const seconds = durationOf(input.DurationSeconds, 900, 900);
  const caller = await deps.credentials.principalOf(ctx.accessKeyId);
  const Credentials = await deps.credentials.issue(rootPrincipal(account), seconds);
  return { Credentials, ...(caller?.sourceIdentity === undefined ? {} : { SourceIdentity: caller.sourceIdentity }) };
};
