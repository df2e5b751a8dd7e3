/** Filter policy errors, prefixed as SNS prefixes them for Subscribe and for SetSubscriptionAttributes. */
import { snsErrors } from '../errors.js';
import type { AwsError } from '../../../errors/aws-error.js';
import type { JsonLocator, JsonPath, Reading } from './json-location.js';

export type PolicyError = (message: string) => AwsError;

/** Subscribe: "Invalid parameter: Attributes Reason: FilterPolicy: …"; SetSubscriptionAttributes: "Invalid parameter: FilterPolicy: …". */
export const policyError = (inSubscribe: boolean): PolicyError => (message) =>
  snsErrors.invalidParameter(`${inSubscribe ? 'Invalid parameter: Attributes Reason: ' : 'Invalid parameter: '}${message}`);

/** How a rule error is raised: with the place in the policy where SNS's parser stood (json-location.ts). */
export interface Rules { fail: PolicyError; readonly loc: JsonLocator }

export function barf(rules: Rules, message: string, at: JsonPath, reading?: Reading): AwsError {
  return rules.fail(rules.loc.at(`FilterPolicy: ${message}`, at, reading));
}
