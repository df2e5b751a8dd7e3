/**
 * DynamoDB as Ruby's fog-aws drives it (Debian ruby-fog-aws 3.15.0-1 on excon 0.88), captured
 * through a logging proxy while it ran against boltstack (2026-12-07) and replayed raw. fog signs
 * SigV4 itself with the time in a `Date` header written in ISO 8601 basic form (no x-amz-date),
 * sends `Host` without the port and targets DynamoDB_20120810. (The Ruby AWS SDK's DynamoDB gem
 * is not packaged in Debian bookworm; fog is the Ruby client there.) Its create_table sends no
 * AttributeDefinitions (fog's own limit, which AWS refuses too), so the table is made here.
 */
import test from 'ava';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { amzDate, deriveSigningKey, sha256Hex } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { crc32 } from '../../helpers/crc32.js';

let server: Boltstack;
const table = 'fog-items';
test.before(async () => {
  server = await startBoltstack();
  const ddb = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  await ddb.send(new CreateTableCommand({
    TableName: table, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
  }));
});
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; headers: Record<string, string>; body: string; bytes: Buffer }

/** A DynamoDB call as Fog::AWS::DynamoDB#request makes it: Date (ISO 8601 basic) signed instead of x-amz-date. */
function fogCall(target: string, payload: unknown): Promise<Answer> {
  const url = new URL(server.endpoint);
  const body = JSON.stringify(payload);
  const stamp = amzDate(new Date());
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', date: stamp, host: url.hostname, 'x-amz-target': `DynamoDB_20120810.${target}` };
  const names = Object.keys(headers).sort();
  const canonical = `POST\n/\n\n${names.map((n) => `${n}:${headers[n]}\n`).join('')}\n${names.join(';')}\n${sha256Hex(body)}`;
  const scope = `${stamp.slice(0, 8)}/us-east-1/dynamodb/aws4_request`;
  const signature = createHmac('sha256', deriveSigningKey(CREDENTIALS.secretAccessKey, stamp.slice(0, 8), 'us-east-1', 'dynamodb'))
    .update(`AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${sha256Hex(canonical)}`).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'user-agent': 'fog-core/2.3.0', ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: bytes.toString(), bytes });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

// Works as on AWS. fog's put_item, get_item, update_item (UpdateExpression) and query, each signed
// over a `Date` header in ISO 8601 basic form: SigV4 takes the time from x-amz-date or from Date
// (AWS docs "Elements of an AWS API request signature": "the date ... in the x-amz-date header or
// the Date header"). Every answer carries x-amz-crc32, the CRC-32 of its body, which the Ruby SDK
// checks (AWS docs DynamoDB "Error handling": x-amz-crc32).
test('fog Fog::AWS::DynamoDB put_item / get_item / update_item / query (Date header in ISO 8601 basic, Host without port): 200, x-amz-crc32 of each body [AWS docs SigV4 elements; DynamoDB x-amz-crc32]', async (t) => {
  const calls: [string, unknown][] = [
    ['PutItem', { Item: { id: { S: 'a' }, n: { N: '1' } }, TableName: table }],
    ['GetItem', { Key: { id: { S: 'a' } }, TableName: table }],
    ['UpdateItem', { Key: { id: { S: 'a' } }, TableName: table, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'ALL_NEW' }],
    ['Query', { TableName: table, KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'a' } } }],
  ];
  const bodies: Record<string, unknown> = {};
  for (const [target, payload] of calls) {
    const answer = await fogCall(target, payload);
    t.is(answer.status, 200, `${target}: ${answer.body}`);
    t.is(answer.headers['x-amz-crc32'], String(crc32(answer.bytes)), target);
    bodies[target] = JSON.parse(answer.body);
  }
  t.deepEqual(bodies.GetItem, { Item: { id: { S: 'a' }, n: { N: '1' } } });
  t.deepEqual(bodies.UpdateItem, { Attributes: { id: { S: 'a' }, n: { N: '2' } } });
  t.deepEqual(bodies.Query, { Count: 1, Items: [{ id: { S: 'a' }, n: { N: '2' } }], ScannedCount: 1 });
});
