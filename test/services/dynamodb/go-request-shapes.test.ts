/**
 * DynamoDB as the AWS SDK for Go v2 drives it: Debian's golang-github-aws-aws-sdk-go-v2-dev
 * 1.17.1-3 (service/dynamodb 1.17.3, feature/dynamodb/attributevalue and expression), captured
 * with the client's `ClientLogMode: aws.LogRequestWithBody|aws.LogResponseWithBody` while a Go
 * program drove boltstack (2026-12-07), and replayed here raw, body bytes as Go wrote them.
 *
 * What Go needs back, and so what every row checks: `x-amz-crc32` equal to the CRC-32 of the
 * exact body bytes (the client fails the call otherwise; DisableValidateResponseChecksum is off
 * by default), JSON numbers where Go's deserializer wants numbers (CreationDateTime), and the
 * `__type` its error deserializer turns into a typed error. The expression builder writes its own
 * text ("(#1 = :1) AND (begins_with (#2, :2))", clauses ended by "\n"), which rows pin too.
 */
import test, { type ExecutionContext } from 'ava';
import { randomUUID } from 'node:crypto';
import { SigV4Signer } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { uniqueTable } from './helpers.js';
import { crc32 } from '../../helpers/crc32.js';
import { rawHttp } from '../../helpers/raw-http.js';

const GO = 'aws-sdk-go-v2 service/dynamodb 1.17.3';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; headers: Record<string, string>; raw: Buffer; json: Record<string, unknown> }

/** A call as Go sends it: its headers signed, the body bytes as given; the answer's raw bytes kept. */
async function goCall(target: string, body: string, acceptEncoding = 'identity'): Promise<Answer> {
  const url = new URL(server.endpoint);
  const headers: Record<string, string> = {
    host: url.host, 'accept-encoding': acceptEncoding, 'amz-sdk-invocation-id': randomUUID(), 'amz-sdk-request': 'attempt=1; max=3',
    'content-length': String(Buffer.byteLength(body)), 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}`,
  };
  const signer = new SigV4Signer({ region: 'us-east-1', service: 'dynamodb', credentials: CREDENTIALS });
  Object.assign(headers, signer.sign({ method: 'POST', path: '/', headers, body }));
  const answer = await rawHttp(server.endpoint, { method: 'POST', path: '/', headers, body });
  const raw = answer.body;
  return { status: answer.status, headers: answer.headers, raw, json: raw.length > 0 ? JSON.parse(raw.toString()) as Record<string, unknown> : {} };
}

/** Go's check of every answer (service/dynamodb/internal/customizations checksum.go). */
function assertCrc(t: ExecutionContext, answer: Answer): void {
  t.is(answer.headers['x-amz-crc32'], String(crc32(answer.raw)), `x-amz-crc32 of ${answer.raw.toString()}`);
}

async function createTable(t: ExecutionContext, withIndex = false): Promise<string> {
  const table = uniqueTable('go');
  const index = withIndex
    ? ',"GlobalSecondaryIndexes":[{"IndexName":"by-status","KeySchema":[{"AttributeName":"status","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]'
    : '';
  const created = await goCall('CreateTable', `{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}${withIndex ? ',{"AttributeName":"status","AttributeType":"S"}' : ''}],"BillingMode":"PAY_PER_REQUEST"${index},"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"TableName":"${table}"}`);
  t.is(created.status, 200, created.raw.toString());
  assertCrc(t, created);
  return table;
}

// attributevalue.MarshalMap of a struct with `stringset`, `numberset` and `binaryset` tags, a
// []byte, a slice of structs, a map, a bool, a *string and a time.Time (RFC 3339 text).
const ORDER_ITEM = '{"qty":{"N":"3"},"sizes":{"NS":["1","2","3"]},"blobs":{"BS":["AQI=","Aw=="]},"created":{"S":"2026-12-07T01:02:03Z"},"total":{"N":"12.5"},'
  + '"tags":{"SS":["gift","rush"]},"paid":{"BOOL":true},"note":{"S":"leave at door"},"meta":{"M":{"src":{"S":"go"}}},"pk":{"S":"c1"},"sk":{"S":"o001"},'
  + '"raw":{"B":"cmF3"},"lines":{"L":[{"M":{"sku":{"S":"a"},"price":{"N":"1.25"}}},{"M":{"sku":{"S":"b"},"price":{"N":"2"}}}]},"status":{"S":"NEW"}}';

test(`${GO} CreateTable then DescribeTable (the TableExists waiter): TableStatus ACTIVE and CreationDateTime a JSON number, as Go's epoch-seconds deserializer reads it`, async (t) => {
  const table = await createTable(t, true);
  const described = await goCall('DescribeTable', `{"TableName":"${table}"}`);
  assertCrc(t, described);
  const desc = described.json.Table as Record<string, unknown>;
  t.is(desc.TableStatus, 'ACTIVE');
  t.is(typeof desc.CreationDateTime, 'number');
  t.is((desc.GlobalSecondaryIndexes as Array<Record<string, unknown>>)[0]!.IndexStatus, 'ACTIVE');
});

test(`${GO} PutItem of attributevalue.MarshalMap(struct with sets, []byte, nested list and map, time.Time) and GetItem ConsistentRead: every type back as sent`, async (t) => {
  const table = await createTable(t);
  const put = await goCall('PutItem', `{"Item":${ORDER_ITEM},"TableName":"${table}"}`);
  t.is(put.status, 200, put.raw.toString());
  t.is(put.raw.toString(), '{}');
  assertCrc(t, put);
  const got = await goCall('GetItem', `{"ConsistentRead":true,"Key":{"pk":{"S":"c1"},"sk":{"S":"o001"}},"TableName":"${table}"}`);
  assertCrc(t, got);
  t.deepEqual(got.json.Item, JSON.parse(ORDER_ITEM));
});

// EnableAcceptEncodingGzip sends Accept-Encoding: gzip; Go checks x-amz-crc32 against the bytes
// as they arrive, so the header must match whatever encoding the body went out in.
test(`${GO} GetItem with EnableAcceptEncodingGzip (Accept-Encoding: gzip): x-amz-crc32 matches the bytes as sent`, async (t) => {
  const table = await createTable(t);
  await goCall('PutItem', `{"Item":${ORDER_ITEM},"TableName":"${table}"}`);
  const got = await goCall('GetItem', `{"Key":{"pk":{"S":"c1"},"sk":{"S":"o001"}},"TableName":"${table}"}`, 'gzip');
  t.is(got.status, 200);
  assertCrc(t, got);
  if (got.headers['content-encoding'] !== 'gzip') t.deepEqual(got.json.Item, JSON.parse(ORDER_ITEM));
});

test(`${GO} BatchWriteItem of 25 puts with ReturnConsumedCapacity TOTAL, then the expression builder's Query paginator: "(#1 = :1) AND (begins_with (#2, :2))", Limit 7, ExclusiveStartKey from LastEvaluatedKey`, async (t) => {
  const table = await createTable(t);
  const puts = Array.from({ length: 25 }, (_, i) => `{"PutRequest":{"Item":{"pk":{"S":"c2"},"sk":{"S":"o${String(i).padStart(3, '0')}"},"qty":{"N":"${i}"},"tags":{"SS":["t${i}"]}}}}`);
  const written = await goCall('BatchWriteItem', `{"RequestItems":{"${table}":[${puts.join(',')}]},"ReturnConsumedCapacity":"TOTAL"}`);
  assertCrc(t, written);
  t.deepEqual(written.json.UnprocessedItems, {});
  t.deepEqual(written.json.ConsumedCapacity, [{ TableName: table, CapacityUnits: 25 }]);
  let startKey = '';
  let items = 0;
  let pages = 0;
  while (pages < 10) {
    pages++;
    const page = await goCall('Query', `{${startKey}"ExpressionAttributeNames":{"#1":"pk","#2":"sk","#0":"qty"},"ExpressionAttributeValues":{":0":{"N":"4"},":1":{"S":"c2"},":2":{"S":"o0"}},`
      + `"FilterExpression":"#0 >= :0","KeyConditionExpression":"(#1 = :1) AND (begins_with (#2, :2))","Limit":7,"ProjectionExpression":"#1, #2, #0","TableName":"${table}"}`);
    t.is(page.status, 200, page.raw.toString());
    assertCrc(t, page);
    items += (page.json.Items as unknown[]).length;
    const last = page.json.LastEvaluatedKey;
    if (last === undefined) break;
    startKey = `"ExclusiveStartKey":${JSON.stringify(last)},`;
  }
  t.is(items, 21);
  t.is(pages, 4);
});

test(`${GO} UpdateItem from the expression builder: "ADD #1 :0, #2 :1\\nSET #3 = :2\\n" with "attribute_exists (#0)", ReturnValues ALL_NEW`, async (t) => {
  const table = await createTable(t);
  await goCall('PutItem', `{"Item":${ORDER_ITEM},"TableName":"${table}"}`);
  const updated = await goCall('UpdateItem', `{"ConditionExpression":"attribute_exists (#0)","ExpressionAttributeNames":{"#0":"pk","#1":"tags","#2":"qty","#3":"status"},`
    + `"ExpressionAttributeValues":{":0":{"SS":["vip"]},":1":{"N":"2"},":2":{"S":"PAID"}},"Key":{"pk":{"S":"c1"},"sk":{"S":"o001"}},"ReturnValues":"ALL_NEW",`
    + `"TableName":"${table}","UpdateExpression":"ADD #1 :0, #2 :1\\nSET #3 = :2\\n"}`);
  t.is(updated.status, 200, updated.raw.toString());
  assertCrc(t, updated);
  const attrs = updated.json.Attributes as Record<string, Record<string, unknown>>;
  t.deepEqual(attrs.status, { S: 'PAID' });
  t.deepEqual(attrs.qty, { N: '5' });
  t.deepEqual([...(attrs.tags!.SS as string[])].sort(), ['gift', 'rush', 'vip']);
});

test(`${GO} PutItem with a failing ConditionExpression: 400 __type ...#ConditionalCheckFailedException, Go's *types.ConditionalCheckFailedException`, async (t) => {
  const table = await createTable(t);
  await goCall('PutItem', `{"Item":${ORDER_ITEM},"TableName":"${table}"}`);
  const refused = await goCall('PutItem', `{"ConditionExpression":"attribute_not_exists(pk)","Item":${ORDER_ITEM},"TableName":"${table}"}`);
  t.is(refused.status, 400);
  assertCrc(t, refused);
  t.is(refused.json.__type, 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException');
});

// Go's idempotency middleware gives every TransactWriteItems a ClientRequestToken (a UUID).
test(`${GO} TransactWriteItems cancelled (Go's generated ClientRequestToken, ReturnValuesOnConditionCheckFailure ALL_OLD): CancellationReasons in order, the old item in the failed one`, async (t) => {
  const table = await createTable(t);
  await goCall('PutItem', `{"Item":${ORDER_ITEM},"TableName":"${table}"}`);
  const cancelled = await goCall('TransactWriteItems', `{"ClientRequestToken":"${randomUUID()}","TransactItems":[{"Put":{"Item":{"pk":{"S":"c3"},"sk":{"S":"t2"}},"TableName":"${table}"}},`
    + `{"ConditionCheck":{"ConditionExpression":"attribute_not_exists(pk)","Key":{"pk":{"S":"c1"},"sk":{"S":"o001"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD","TableName":"${table}"}}]}`);
  t.is(cancelled.status, 400);
  assertCrc(t, cancelled);
  t.is(cancelled.json.__type, 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException');
  const reasons = cancelled.json.CancellationReasons as Array<Record<string, unknown>>;
  t.deepEqual(reasons.map((r) => r.Code), ['None', 'ConditionalCheckFailed']);
  t.deepEqual(reasons[1]!.Item, JSON.parse(ORDER_ITEM));
});

test(`${GO} DeleteTable then DescribeTable (the TableNotExists waiter): 400 __type ...#ResourceNotFoundException`, async (t) => {
  const table = await createTable(t);
  const deleted = await goCall('DeleteTable', `{"TableName":"${table}"}`);
  t.is(deleted.status, 200);
  assertCrc(t, deleted);
  const gone = await goCall('DescribeTable', `{"TableName":"${table}"}`);
  t.is(gone.status, 400);
  assertCrc(t, gone);
  t.is(gone.json.__type, 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException');
});
