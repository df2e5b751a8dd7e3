/** Filter policy errors, prefixed as SNS prefixes them for Subscribe and for SetSubscriptionAttributes. */
import { snsErrors } from '../errors.js';
import type { AwsError } from '../../../errors/aws-error.js';

export type PolicyError = (message: string) => AwsError;

/** Subscribe: "Invalid parameter: Attributes Reason: FilterPolicy: …"; SetSubscriptionAttributes: "Invalid parameter: FilterPolicy: …". */
export const policyError = (inSubscribe: boolean): PolicyError => (message) =>
  snsErrors.invalidParameter(`${inSubscribe ? 'Invalid parameter: Attributes Reason: ' : 'Invalid parameter: '}${message}`);
