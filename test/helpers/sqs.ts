/** SQS test helpers: an SDK client with default settings, unique queue names. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS } from './server.js';

export function sqsClient(endpoint: string, accessKeyId = CREDENTIALS.accessKeyId, region = 'us-east-1'): SQSClient {
  return new SQSClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey: 'secret' } });
}

let counter = 0;
export const uniqueQueue = (prefix = 'q'): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

export interface SqsError { name: string; message: string; Code?: string; $metadata: { httpStatusCode?: number } }

export async function sqsErrorOf(promise: Promise<unknown>): Promise<SqsError> {
  try {
    await promise;
  } catch (err) {
    return err as SqsError;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
