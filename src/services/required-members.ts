/**
 * Required members of a decoded input, checked as AWS's validation layer does for the query
 * services built on it (SNS, STS): before the operation runs, every absent required member of the
 * input, and of the structures inside its lists, is a ValidationError naming the member's path in
 * AWS's words ('name', 'tags.1.member.key'):
 *   1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null
 * The query decoder only sets members the request names, so without this a request that leaves one
 * out reached the handler with `undefined` where the model promises a value (an InternalFailure).
 * SQS answers MissingParameter instead and checks in its handlers (sqs/context.ts `required`).
 *
 * Each operation's input shape is compiled once into a plan holding only the members that matter
 * (required ones, and lists/structures with required members inside), so a call costs a few
 * property reads, not a walk of the model (Publish: one member).
 */
import { AwsError } from '../errors/aws-error.js';
import type { ServiceModel, Shape } from '../model/types.js';

interface MemberPlan { name: string; wire: string; required: boolean; inner?: Plan }
/** A structure's members to check, or, for a list, the plan of its items. */
type Plan = { kind: 'structure'; members: MemberPlan[] } | { kind: 'list'; item: Plan };

const resolve = (model: ServiceModel, s: Shape): Shape => (s.shape === undefined ? s : { ...model.shapes[s.shape], ...s, shape: undefined });
/** AWS names members in these messages with a lower-case first letter ('roleSessionName'). */
const wireName = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

function compile(model: ServiceModel, given: Shape, depth: number): Plan | undefined {
  if (depth > 8) return undefined; // recursive shapes: AWS's inputs nest far less deep
  const shape = resolve(model, given);
  if (shape.type === 'list' && shape.member !== undefined) {
    const item = compile(model, shape.member, depth + 1);
    return item && { kind: 'list', item };
  }
  if (shape.type !== 'structure' || shape.members === undefined) return undefined;
  const members: MemberPlan[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    const required = shape.required?.includes(name) ?? false;
    const inner = compile(model, member, depth + 1);
    if (required || inner) members.push({ name, wire: wireName(name), required, ...(inner && { inner }) });
  }
  return members.length === 0 ? undefined : { kind: 'structure', members };
}

/** Whether anything is missing: the common answer is no, found without building any path. */
function lacks(plan: Plan, value: unknown): boolean {
  if (plan.kind === 'list') {
    if (Array.isArray(value)) for (const item of value) if (lacks(plan.item, item)) return true;
    return false;
  }
  const struct = value !== null && typeof value === 'object' ? value as Record<string, unknown> : {};
  for (const m of plan.members) {
    const v = struct[m.name];
    if (v === undefined ? m.required : m.inner !== undefined && lacks(m.inner, v)) return true;
  }
  return false;
}

/** The paths of the missing members, in AWS's words. */
function collect(plan: Plan, value: unknown, path: string, out: string[]): void {
  if (plan.kind === 'list') {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) collect(plan.item, value[i], `${path}.${i + 1}.member`, out);
    return;
  }
  const struct = value !== null && typeof value === 'object' ? value as Record<string, unknown> : {};
  for (const m of plan.members) {
    const v = struct[m.name];
    const at = path === '' ? m.wire : `${path}.${m.wire}`;
    if (v === undefined) { if (m.required) out.push(at); } else if (m.inner) collect(m.inner, v, at, out);
  }
}

/** ValidationError for the absent required members of an operation's input, or undefined. */
export type RequiredMembersCheck = (operation: string, input: unknown) => AwsError | undefined;

/** The check for one service's model; plans are compiled on an operation's first call. */
export function requiredMembersCheck(model: ServiceModel): RequiredMembersCheck {
  const plans = new Map<string, Plan | undefined>();
  return (operation, input) => {
    let plan = plans.get(operation);
    if (plan === undefined && !plans.has(operation)) {
      const shape = model.operations[operation]?.input;
      plan = shape && compile(model, shape, 0);
      plans.set(operation, plan);
    }
    if (plan === undefined || !lacks(plan, input)) return undefined;
    const missing: string[] = [];
    collect(plan, input, '', missing);
    const each = missing.map((at) => `Value null at '${at}' failed to satisfy constraint: Member must not be null`);
    const count = missing.length === 1 ? '1 validation error detected' : `${missing.length} validation errors detected`;
    return new AwsError({ code: 'ValidationError', status: 400, message: `${count}: ${each.join('; ')}` });
  };
}
