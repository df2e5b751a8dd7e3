/** The error a promise rejects with; fails the test (by throwing) when it resolves instead. */
import type { S3ServiceException } from '@aws-sdk/client-s3';

export async function errorOf(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (err) {
    return err as S3ServiceException;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
