/**
 * GetDataProtectionPolicy / PutDataProtectionPolicy: stored with the topic and answered back;
 * messages are not inspected (no managed data identifiers in boltstack; docs/sns.md).
 */
import type {
  GetDataProtectionPolicyInput, GetDataProtectionPolicyOutput, PutDataProtectionPolicyInput, PutDataProtectionPolicyOutput,
} from '../../../model/generated/sns-types.js';
import { topicOf, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

export const getDataProtectionPolicy: SnsHandler<GetDataProtectionPolicyInput, GetDataProtectionPolicyOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.ResourceArn, 'ResourceArn');
  return topic.dataProtectionPolicy === undefined ? {} : { DataProtectionPolicy: topic.dataProtectionPolicy };
};

export const putDataProtectionPolicy: SnsHandler<PutDataProtectionPolicyInput, PutDataProtectionPolicyOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.ResourceArn, 'ResourceArn');
  try { JSON.parse(input.DataProtectionPolicy); } catch { throw snsErrors.invalid('DataProtectionPolicy', 'failed to parse JSON.'); }
  await deps.store.putTopic({ ...topic, dataProtectionPolicy: input.DataProtectionPolicy });
  return {};
};
