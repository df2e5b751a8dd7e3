import { isAwsError } from '../../../../src/errors/aws-error.js';

/** The ValidationException message `run` throws (fails loudly on any other outcome). */
export function validationMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAwsError(error) && error.code === 'ValidationException' && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('expected a ValidationException, got none');
}
