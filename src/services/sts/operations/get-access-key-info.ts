/**
 * GetAccessKeyInfo: the account an access key belongs to. AWS-style key ids (AKIA…/ASIA…) carry
 * their account (access-key-id.ts), real AWS keys included; a 12-digit key is that account, as
 * everywhere in boltstack. Any other key names the default account, which is the caller's
 * account whenever the caller signs with such a key too.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
import type { GetAccessKeyInfoInput, GetAccessKeyInfoOutput } from '../../../model/generated/sts-types.js';
import { accountOfKeyId } from '../access-key-id.js';
import type { StsHandler } from '../context.js';
import { stsErrors } from '../errors.js';

export const getAccessKeyInfo: StsHandler<GetAccessKeyInfoInput, GetAccessKeyInfoOutput> = async (_deps, ctx, input) => {
  const key = input.AccessKeyId;
  if (key.length < 16) throw stsErrors.constraint(key, 'accessKeyId', 'Member must have length greater than or equal to 16');
  if (key.length > 128) throw stsErrors.constraint(key, 'accessKeyId', 'Member must have length less than or equal to 128');
  if (!/^[\w]*$/.test(key)) throw stsErrors.constraint(key, 'accessKeyId', 'Member must satisfy regular expression pattern: [\\w]*');
  return { Account: accountOfKeyId(key) ?? ctx.accountId };
};
