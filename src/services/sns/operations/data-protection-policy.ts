/**
 * GetDataProtectionPolicy / PutDataProtectionPolicy: stored with the topic and answered back;
 * messages are not inspected (no managed data identifiers in boltstack; docs/sns.md). Standard
 * topics only; "" removes the policy, and a topic without one answers "" (native AWS, radkawar/stackd
 * testdata/aws/sns/data_protection.json, 2026-09-22).
 */
import type {
  GetDataProtectionPolicyInput, GetDataProtectionPolicyOutput, PutDataProtectionPolicyInput, PutDataProtectionPolicyOutput,
} from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import { inTopicTurn, topicOf, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { TopicRecord } from '../records.js';

/**
 * The standard topic `arn` names. A FIFO topic's ARN is refused before the topic is looked for:
 * AWS answers the same for a FIFO ARN no topic has (data_protection.json
 * get-initially-unset-fifo-policy, put-valid-policy-on-fifo, get-policy-after-deleting-fifo_topic).
 */
function standardTopicOf(deps: SnsDeps, ctx: { region: string }, arn: string, operation: string): TopicRecord {
  if (parseTopicArn(arn)?.name.endsWith('.fifo') === true) throw snsErrors.invalidAction(`Operation (${operation}) is not supported on FIFO topics`);
  return topicOf(deps, ctx, arn, 'ResourceArn');
}

export const getDataProtectionPolicy: SnsHandler<GetDataProtectionPolicyInput, GetDataProtectionPolicyOutput> = async (deps, ctx, input) => {
  const topic = standardTopicOf(deps, ctx, input.ResourceArn, 'GetDataProtectionPolicy');
  // The member is there even when no policy is: <DataProtectionPolicy/> (get-initially-unset-policy).
  return { DataProtectionPolicy: topic.dataProtectionPolicy ?? '' };
};

export const putDataProtectionPolicy: SnsHandler<PutDataProtectionPolicyInput, PutDataProtectionPolicyOutput> = inTopicTurn((input) => input.ResourceArn, async (deps, ctx, input) => {
  const topic = standardTopicOf(deps, ctx, input.ResourceArn, 'PutDataProtectionPolicy');
  const { dataProtectionPolicy: _old, ...without } = topic;
  // "" is the documented removal (API reference, PutDataProtectionPolicy).
  if (input.DataProtectionPolicy === '') {
    await deps.store.putTopic(without);
    return {};
  }
  try { JSON.parse(input.DataProtectionPolicy); } catch { throw snsErrors.invalid('DataProtectionPolicy', 'failed to parse JSON.'); }
  await deps.store.putTopic({ ...without, dataProtectionPolicy: input.DataProtectionPolicy });
  return {};
});
