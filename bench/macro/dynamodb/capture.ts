/**
 * The exact HTTP request `@aws-sdk/client-dynamodb` with default settings sends for a command,
 * captured once after signing (as bench/lib/sdk-request.ts does for S3) so autocannon can replay
 * it byte for byte: Authorization, X-Amz-Target, user agents, invocation id, body. The captured
 * call really goes to the server, so it also proves the request is answered.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CapturedRequest } from '../../lib/sdk-request.js';

export interface CapturedCall extends CapturedRequest { body: string }

export const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };

export function client(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any DynamoDB command
export async function captureCall(endpoint: string, command: any): Promise<{ request: CapturedCall; output: unknown }> {
  const ddb = client(endpoint);
  let captured: CapturedCall | undefined;
  ddb.middlewareStack.add((next) => async (args) => {
    const r = args.request as { method: string; path: string; headers: Record<string, string>; body: string | Uint8Array };
    const body = typeof r.body === 'string' ? r.body : Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength).toString('utf8');
    captured = { method: r.method, path: r.path, headers: { ...r.headers }, body };
    return next(args);
  }, { step: 'deserialize', priority: 'low', name: 'benchCaptureRequest' });
  try {
    const output = await ddb.send(command);
    if (captured === undefined) throw new Error('the SDK request was not captured');
    return { request: captured, output };
  } finally {
    ddb.destroy();
  }
}
