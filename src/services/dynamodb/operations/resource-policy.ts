/**
 * PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy on a table or a stream. Policies
 * are stored and answered back as AWS answers them; they are not enforced (auth is off by
 * default, and no request is evaluated against them). Unlike AWS, a change is visible to the next
 * Get at once (AWS: 1-3 s later) and the next change is not held back (AWS: 15 s per table).
 *
 * Sources: native AWS, radkawar/stackd testdata/aws/dynamodb/policies.json (2026-09-17); the
 * ack-api-quirks DynamoDB findings DDB-TABLE-205 to 214, 233-236, 351-356 (AWS, 2026-10-09);
 * moto's AWS-verified tests/test_dynamodb/test_dynamodb_resource_policy.py.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html
 */
import type {
  DeleteResourcePolicyInput, DeleteResourcePolicyOutput, GetResourcePolicyInput, GetResourcePolicyOutput, PutResourcePolicyInput, PutResourcePolicyOutput,
} from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { canonicalPolicy } from '../policy-document.js';
import { policyErrors } from '../policy-errors.js';
import { findPolicyTarget, parsePolicyArn, policyLockKey } from '../policy-target.js';
import { type PolicyRecord, nextRevision, readPolicy, writePolicy } from '../resource-policies.js';

/** ExpectedRevisionId's value for "only if there is no policy yet". */
const NO_POLICY = 'NO_POLICY';

function checkConstraints(input: { ResourceArn?: string; Policy?: string; ExpectedRevisionId?: string }, withPolicy: boolean): void {
  const c = new Constraints();
  if (c.notNull('resourceArn', input.ResourceArn)) c.length('resourceArn', input.ResourceArn, 1, 1283);
  if (withPolicy) c.notNull('policy', input.Policy);
  c.length('expectedRevisionId', input.ExpectedRevisionId, 1, 255);
  c.check();
}

/** The revision check comes before anything else: even an unchanged document is refused (policies.json seq 24). */
function checkExpected(expected: string | undefined, live: PolicyRecord | undefined, named: string): void {
  if (expected === undefined) return;
  if (expected === NO_POLICY) {
    if (live) throw policyErrors.expectedNone(named, live.revisionId);
    return;
  }
  if (!live) throw policyErrors.noneToUpdate(expected, named);
  if (live.revisionId !== expected) throw policyErrors.revisionMismatch(expected, named, live.revisionId);
}

const liveOf = (record: PolicyRecord | undefined): PolicyRecord | undefined => (record?.policy === undefined ? undefined : record);

/** An equivalent document (same canonical form) keeps its RevisionId: nothing changes. */
export const putResourcePolicy: DdbHandler<PutResourcePolicyInput, PutResourcePolicyOutput> = async (deps, ctx, input) => {
  checkConstraints(input, true);
  const arn = parsePolicyArn(ctx, input.ResourceArn);
  const doc = canonicalPolicy(input.Policy, arn.streamLabel === undefined ? 'table' : 'stream');
  return deps.tables.locks.run(policyLockKey(arn), async () => {
    const target = await findPolicyTarget(deps, arn);
    const current = await readPolicy(deps.meta, target.slot);
    const live = liveOf(current);
    checkExpected(input.ExpectedRevisionId, live, target.named);
    if (live && live.identity === doc.identity) return { RevisionId: live.revisionId };
    const record: PolicyRecord = { policy: doc.text, identity: doc.identity, revisionId: nextRevision(deps.now(), current) };
    await writePolicy(deps.meta, target.slot, record);
    return { RevisionId: record.revisionId };
  });
};

export const getResourcePolicy: DdbHandler<GetResourcePolicyInput, GetResourcePolicyOutput> = async (deps, ctx, input) => {
  checkConstraints(input, false);
  const target = await findPolicyTarget(deps, parsePolicyArn(ctx, input.ResourceArn));
  const live = liveOf(await readPolicy(deps.meta, target.slot));
  if (!live) throw policyErrors.noPolicy(input.ResourceArn);
  return { Policy: live.policy!, RevisionId: live.revisionId };
};

/** Answers the deleted policy's RevisionId; without a policy, an empty answer (policies.json seq 60, 109). */
export const deleteResourcePolicy: DdbHandler<DeleteResourcePolicyInput, DeleteResourcePolicyOutput> = async (deps, ctx, input) => {
  checkConstraints(input, false);
  const arn = parsePolicyArn(ctx, input.ResourceArn);
  return deps.tables.locks.run(policyLockKey(arn), async () => {
    const target = await findPolicyTarget(deps, arn);
    const live = liveOf(await readPolicy(deps.meta, target.slot));
    checkExpected(input.ExpectedRevisionId, live, target.named);
    if (!live) return {};
    await writePolicy(deps.meta, target.slot, { revisionId: live.revisionId });
    return { RevisionId: live.revisionId };
  });
};
