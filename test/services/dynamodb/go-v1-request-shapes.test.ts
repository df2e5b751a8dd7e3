/**
 * DynamoDB as the AWS SDK for Go v1 drives it: Debian's golang-github-aws-aws-sdk-go-dev
 * 1.44.133-1 (service/dynamodb, dynamodbattribute, expression), captured with
 * `LogLevel: aws.LogLevel(aws.LogDebugWithHTTPBody)` while a Go program drove boltstack
 * (2026-12-07), and replayed here raw, body bytes as Go wrote them. Go v1 forces
 * `Accept-Encoding: identity` (customizations.go disableCompression), sends no amz-sdk-* headers
 * and checks `x-amz-crc32` on every successful answer (validateCRC32: a mismatch is a retried
 * CRC32CheckFailed), as Go v2 does (go-request-shapes.test.ts). Pinned here is only what Go v1
 * writes differently: dynamodbattribute's empty string and empty set as `{"NULL":true}`, and
 * expression-builder texts Go v2's rows do not cover.
 */
import test, { type ExecutionContext } from 'ava';
import { SigV4Signer } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { uniqueTable } from './helpers.js';
import { crc32 } from '../../helpers/crc32.js';
import { rawHttp } from '../../helpers/raw-http.js';

const GO = 'aws-sdk-go 1.44.133 service/dynamodb';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; headers: Record<string, string>; raw: Buffer; json: Record<string, unknown> }

/** A call as Go v1 sends it (see the header), the answer's raw bytes kept. */
async function goCall(target: string, body: string): Promise<Answer> {
  const url = new URL(server.endpoint);
  const headers: Record<string, string> = {
    host: url.host, 'accept-encoding': 'identity', 'content-length': String(Buffer.byteLength(body)),
    'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}`,
  };
  const signer = new SigV4Signer({ region: 'us-east-1', service: 'dynamodb', credentials: CREDENTIALS });
  Object.assign(headers, signer.sign({ method: 'POST', path: '/', headers, body }));
  headers['user-agent'] = 'aws-sdk-go/1.44.133 (go1.19.8; linux; amd64)';
  const answer = await rawHttp(server.endpoint, { method: 'POST', path: '/', headers, body });
  const raw = answer.body;
  return { status: answer.status, headers: answer.headers, raw, json: raw.length > 0 ? JSON.parse(raw.toString()) as Record<string, unknown> : {} };
}

/** Go v1's check of every successful answer (service/dynamodb/customizations.go validateCRC32). */
function assertOk(t: ExecutionContext, answer: Answer): void {
  t.is(answer.status, 200, answer.raw.toString());
  t.is(answer.headers['x-amz-crc32'], String(crc32(answer.raw)), `x-amz-crc32 of ${answer.raw.toString()}`);
}

async function createTable(t: ExecutionContext, key: 'S' | 'N' = 'S'): Promise<string> {
  const table = uniqueTable('gov1');
  const name = key === 'S' ? 'pk' : 'id';
  assertOk(t, await goCall('CreateTable', `{"AttributeDefinitions":[{"AttributeName":"${name}","AttributeType":"${key}"}],"BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"${name}","KeyType":"HASH"}],"TableName":"${table}"}`));
  return table;
}

// Go v1's encoder turns an empty string and a nil or empty slice into NULL by default
// (dynamodbattribute/encode.go: NullEmptyString defaults to true, EnableEmptyCollections to
// false), where Go v2 writes {"S":""}; UnmarshalMap reads NULL back as the zero value.
test(`${GO} PutItem of dynamodbattribute.MarshalMap(struct with "" and a nil stringset): {"NULL":true} members stored, GetItem answers them NULL`, async (t) => {
  const table = await createTable(t, 'N');
  const put = await goCall('PutItem', `{"Item":{"e":{"NULL":true},"es":{"NULL":true},"id":{"N":"1"},"m":{"M":{"k":{"S":"v"}}},"name":{"S":"n1"},"score":{"N":"0.5"},"tags":{"SS":["t","t1"]}},"TableName":"${table}"}`);
  assertOk(t, put);
  const got = await goCall('GetItem', `{"ConsistentRead":true,"Key":{"id":{"N":"1"}},"TableName":"${table}"}`);
  assertOk(t, got);
  const item = got.json.Item as Record<string, unknown>;
  t.deepEqual(item.e, { NULL: true });
  t.deepEqual(item.es, { NULL: true });
  t.deepEqual(item.tags, { SS: ['t', 't1'] });
});

// expression.Set/Add/Remove/Delete/ListAppend on one builder, clauses sorted by keyword and ended
// by "\n" (expression/update.go), with a condition "(attribute_exists (#0)) AND (#1 < :0)".
test(`${GO} UpdateItem from the expression builder: "ADD #1 :1\\nDELETE #2 :2\\nREMOVE #3\\nSET #4 = :3, #5 = list_append(#5, :4)\\n", ReturnValues ALL_NEW`, async (t) => {
  const table = await createTable(t);
  assertOk(t, await goCall('PutItem', `{"Item":{"count":{"N":"3"},"list":{"L":[{"S":"s"},{"N":"2"}]},"nothing":{"NULL":true},"pk":{"S":"p1"},"status":{"S":"new"},"tags":{"SS":["a","b"]}},"TableName":"${table}"}`));
  const updated = await goCall('UpdateItem', '{"ConditionExpression":"(attribute_exists (#0)) AND (#1 < :0)","ExpressionAttributeNames":{"#0":"pk","#1":"count","#2":"tags","#3":"nothing","#4":"status","#5":"list"},'
    + '"ExpressionAttributeValues":{":0":{"N":"10"},":1":{"N":"2"},":2":{"SS":["a"]},":3":{"S":"updated"},":4":{"L":[{"S":"appended"}]}},"Key":{"pk":{"S":"p1"}},"ReturnValues":"ALL_NEW",'
    + `"TableName":"${table}","UpdateExpression":"ADD #1 :1\\nDELETE #2 :2\\nREMOVE #3\\nSET #4 = :3, #5 = list_append(#5, :4)\\n"}`);
  assertOk(t, updated);
  t.deepEqual(updated.json.Attributes, {
    count: { N: '5' }, list: { L: [{ S: 's' }, { N: '2' }, { S: 'appended' }] }, pk: { S: 'p1' }, status: { S: 'updated' }, tags: { SS: ['b'] },
  });
});

// The builder's condition functions as it spells them — "contains (", "BETWEEN", "IN (",
// "size (", "attribute_type (" on a nested "#3.#4", "NOT (attribute_exists (" — each operand
// parenthesized, and a projection of a top-level and a nested path (expression/condition.go).
test(`${GO} Scan with the expression builder's filter (contains, BETWEEN, IN, size, attribute_type on #3.#4, NOT attribute_exists, begins_with) and projection "#6, #3.#4": Count 5 of 6, only id and m.k`, async (t) => {
  const table = await createTable(t, 'N');
  for (let i = 1; i <= 6; i++) {
    assertOk(t, await goCall('PutItem', `{"Item":{"e":{"NULL":true},"es":{"NULL":true},"id":{"N":"${i}"},"m":{"M":{"k":{"S":"v"},"x":{"S":"y"}}},"name":{"S":"n${i}"},"score":{"N":"${i / 2}"},"tags":{"SS":["t","t${i}"]}},"TableName":"${table}"}`));
  }
  const scanned = await goCall('Scan', '{"ExpressionAttributeNames":{"#0":"tags","#1":"score","#2":"name","#3":"m","#4":"k","#5":"missing","#6":"id"},'
    + '"ExpressionAttributeValues":{":0":{"S":"t3"},":1":{"N":"2"},":2":{"N":"2.5"},":3":{"S":"n1"},":4":{"S":"n6"},":5":{"N":"2"},":6":{"S":"S"},":7":{"S":"n"}},'
    + '"FilterExpression":"((((((contains (#0, :0)) OR (#1 BETWEEN :1 AND :2)) OR (#2 IN (:3, :4))) AND (size (#2) = :5)) AND (attribute_type (#3.#4, :6))) AND (NOT (attribute_exists (#5)))) AND (begins_with (#2, :7))",'
    + `"ProjectionExpression":"#6, #3.#4","TableName":"${table}"}`);
  assertOk(t, scanned);
  t.is(scanned.json.Count, 5);
  t.is(scanned.json.ScannedCount, 6);
  const items = (scanned.json.Items as Array<Record<string, { N?: string }>>).sort((a, b) => Number(a.id!.N) - Number(b.id!.N));
  t.deepEqual(items.map((i) => i.id!.N), ['1', '3', '4', '5', '6']);
  t.deepEqual(items[0], { id: { N: '1' }, m: { M: { k: { S: 'v' } } } });
});
