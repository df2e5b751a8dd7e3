/**
 * STS's errors: one factory each, with the code, status and message STS answers. Input
 * constraints of the model are reported as AWS's validation layer words them
 * ("1 validation error detected: Value '…' at 'roleSessionName' failed to satisfy constraint: …").
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import { AwsError } from '../../errors/aws-error.js';

const e = (code: string, status: number, message: string): AwsError => new AwsError({ code, status, message });

export const stsErrors = {
  validation: (message: string) => e('ValidationError', 400, message),
  constraint: (value: string | number, member: string, constraint: string) =>
    e('ValidationError', 400, `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`),
  accessDenied: (message: string) => e('AccessDenied', 403, message),
  invalidParameterValue: (message: string) => e('InvalidParameterValue', 400, message),
  invalidIdentityToken: (message: string) => e('InvalidIdentityToken', 400, message),
  malformedPolicyDocument: (message: string) => e('MalformedPolicyDocument', 400, message),
  packedPolicyTooLarge: (message: string) => e('PackedPolicyTooLarge', 400, message),
  invalidAuthorizationMessage: (message: string) => e('InvalidAuthorizationMessageException', 400, message),
};
