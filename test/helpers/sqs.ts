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

export interface SqsJsonAnswer { status: number; queryError: string | null; body: Record<string, unknown> }

/** A raw json 1.0 SQS call, for rows that compare the wire answer (`__type`, x-amzn-query-error). */
export async function sqsJson(endpoint: string, operation: string, input: unknown): Promise<SqsJsonAnswer> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': `AmazonSQS.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify(input),
  });
  // An operation without output answers an empty body, as AWS does (json-empty-answers.test.ts).
  const text = await res.text();
  return { status: res.status, queryError: res.headers.get('x-amzn-query-error'), body: text === '' ? {} : JSON.parse(text) as Record<string, unknown> };
}

/** The body of a successful raw json call; throws with the answer when it failed. */
export async function sqsJsonOk(endpoint: string, operation: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = await sqsJson(endpoint, operation, input);
  if (answer.status !== 200) throw new Error(`${operation}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
