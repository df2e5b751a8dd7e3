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
import { Violations, checkText } from '../violations.js';

export const getAccessKeyInfo: StsHandler<GetAccessKeyInfoInput, GetAccessKeyInfoOutput> = async (_deps, ctx, input, absent) => {
  const key = input.AccessKeyId;
  // accessKeyIdType (botocore 1.43.11): both its rules reported when a key breaks both (violations.ts).
  const v = new Violations(absent);
  checkText(v, key, 'accessKeyId', { pattern: { test: /^\w*$/, source: '[\\w]*' }, min: 16, max: 128 });
  v.check();
  return { Account: accountOfKeyId(key) ?? ctx.accountId };
};
