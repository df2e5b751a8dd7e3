/** DynamoDB test helpers: a default-settings SDK client, its errors, and raw JSON calls. */
import { CreateTableCommand, DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { CREDENTIALS } from '../../helpers/server.js';

export function ddbClient(endpoint: string, extra: Partial<ConstructorParameters<typeof DynamoDBClient>[0]> = {}): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, ...extra });
}

/** The service error a call failed with (fails the test if it did not fail that way). */
export async function ddbErrorOf(promise: Promise<unknown>): Promise<DynamoDBServiceException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DynamoDBServiceException) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** A raw JSON 1.0 call, for asserting the exact `__type` and body. */
export async function rawCall(endpoint: string, operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await jsonOrEmpty(res) as Record<string, unknown> };
}

let counter = 0;
export const uniqueTable = (prefix = 't'): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

/** An on-demand table keyed by `keys` in order: the first the hash key, a second the range key. */
export function createKeyedTable(ddb: DynamoDBClient, TableName: string, keys: Array<[string, 'S' | 'N']>): Promise<unknown> {
  return ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keys.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
  }));
}

/** A json 1.0 answer; an operation without output (TagResource, UntagResource) answers an empty body, as AWS does. */
async function jsonOrEmpty(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? {} : JSON.parse(text);
}
