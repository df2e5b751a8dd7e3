/** Errors every service shares. One factory per error, so the codes and messages live in one place. */
import { AwsError } from './aws-error.js';

export const notImplemented = (service: string, operation: string, detail?: string): AwsError =>
  new AwsError({
    code: 'NotImplemented',
    status: 501,
    fault: 'Receiver',
    message: detail
      ? `boltstack does not implement ${detail} of ${service} ${operation} (strict mode; see docs/feature-gates.md)`
      : `boltstack does not implement the ${service} operation ${operation} yet`,
  });

export const internalFailure = (message = 'We encountered an internal error. Please try again.'): AwsError =>
  new AwsError({ code: 'InternalFailure', status: 500, fault: 'Receiver', message });

export const requestEntityTooLarge = (limit: number): AwsError =>
  new AwsError({
    code: 'RequestEntityTooLarge',
    status: 413,
    message: `Request body exceeds the ${limit} byte limit`,
  });
