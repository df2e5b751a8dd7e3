/**
 * Each service's request id has the shape AWS gives it (src/gateway/request-id.ts), on answers
 * and on errors, including errors met before the operation is known.
 */
import test from 'ava';
import { startBoltstack } from '../helpers/server.js';

const DYNAMODB_ID = /^[0-9A-V]{52}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function post(endpoint: string, target: string, body: string): Promise<{ status: number; id: string | null }> {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' }, body });
  await res.arrayBuffer();
  return { status: res.status, id: res.headers.get('x-amzn-requestid') };
}

test('DynamoDB answers carry 52-character base32hex request ids with a fixed tail; SQS keeps UUIDs', async (t) => {
  const server = await startBoltstack();
  try {
    const listed = await post(server.endpoint, 'DynamoDB_20120810.ListTables', '{}');
    const invalid = await post(server.endpoint, 'DynamoDB_20120810.DescribeTable', '{"TableName":"x"}');
    const unknown = await post(server.endpoint, 'DynamoDB_20120810.NoSuchOperation', '{}');
    t.deepEqual([listed.status, invalid.status, unknown.status], [200, 400, 400]);
    for (const { id } of [listed, invalid, unknown]) t.regex(id ?? '', DYNAMODB_ID);
    t.is(listed.id!.slice(26), invalid.id!.slice(26));
    t.not(listed.id, invalid.id);
    const queues = await post(server.endpoint, 'AmazonSQS.ListQueues', '{}');
    t.is(queues.status, 200);
    t.regex(queues.id ?? '', UUID);
  } finally {
    await server.stop();
  }
});
