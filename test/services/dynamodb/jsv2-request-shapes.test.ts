/**
 * DynamoDB requests as the AWS SDK for JavaScript v2 sends them (npm aws-sdk 2.1693.0), from
 * `new AWS.DynamoDB({ endpoint })` and `new AWS.DynamoDB.DocumentClient({ service,
 * convertEmptyValues: true })`, captured with a logging proxy in front of boltstack and replayed
 * here header for header (boltstack does not verify signatures; the captured Authorization is
 * sent as it was). aws-sdk is not a dependency. No row found a defect: they pin what works.
 *
 * What v2 checks that v3 does not: `dynamoDbCrc32` (on by default) compares `x-amz-crc32` with
 * the CRC-32 of the raw body of every successful answer and, on a mismatch, fails the call with
 * CRC32CheckFailed and retries it (up to 10 times for DynamoDB). Errors are read from `__type`
 * after its "#" and from `message` or `Message`. The DocumentClient writes createSet() as
 * SS/NS/BS and, with convertEmptyValues, "" as {"NULL":true}; transactWrite sends a
 * ClientRequestToken of its own (a UUID) when none is given.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';
import type { Boltstack } from '../../../src/index.js';
import { crc32 } from '../../helpers/crc32.js';

const V2 = 'aws-sdk 2.1693.0';
const FAILURES = 'radkawar/stackd testdata/aws/dynamodb/transaction_failure_metrics.json';

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

interface Answer { status: number; crcHeader: string | undefined; raw: Buffer; json: Record<string, unknown> }

/** One v2 call, with v2's headers in v2's order and case (connection: close, as v2 sends). */
function v2Call(operation: string, body: unknown): Promise<Answer> {
  const url = new URL(server.endpoint);
  const payload = JSON.stringify(body);
  const headers = [
    'User-Agent', 'aws-sdk-nodejs/2.1693.0 linux/v20.20.2 promise', 'Content-Type', 'application/x-amz-json-1.0', 'X-Amz-Target', `DynamoDB_20120810.${operation}`,
    'X-Amz-Content-Sha256', createHash('sha256').update(payload).digest('hex'), 'Content-Length', String(Buffer.byteLength(payload)), 'Host', url.host,
    'X-Amz-Date', '20261207T183244Z',
    'Authorization', 'AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=d0ad915c71a9bc85465c061bea02bfedd7369244fa97f560f84007a19108e743',
    'Connection', 'close',
  ];
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const crcHeader = res.headers['x-amz-crc32'];
        resolve({ status: res.statusCode ?? 0, crcHeader: Array.isArray(crcHeader) ? crcHeader[0] : crcHeader, raw, json: JSON.parse(raw.toString()) as Record<string, unknown> });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(payload);
  });
}

/** What v2's checkCrc32 does with a successful answer: parseInt(header, 10) === crc32(body). */
const crcAsV2Checks = (a: Answer): boolean => a.crcHeader === undefined || parseInt(a.crcHeader, 10) === crc32(a.raw);

async function newTable(): Promise<string> {
  const TableName = uniqueTable('jsv2');
  await createKeyedTable(ddb, TableName, [['pk', 'S'], ['sk', 'N']]);
  return TableName;
}

// DynamoDB Developer Guide, "Programming with DynamoDB and the AWS SDKs" / low-level API: each
// answer carries x-amz-crc32, the CRC32 checksum of the body, which SDKs check.
test(`ddb.putItem({ ReturnConsumedCapacity: TOTAL }) (${V2}): x-amz-crc32 passes v2's check, ConsumedCapacity [DynamoDB low-level API, x-amz-crc32]`, async (t) => {
  const TableName = await newTable();
  const put = await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '1' }, b: { B: 'AQID' } }, ReturnConsumedCapacity: 'TOTAL' });
  t.is(put.status, 200);
  t.truthy(put.crcHeader);
  t.true(crcAsV2Checks(put), `${put.crcHeader} vs ${crc32(put.raw)}`);
  t.deepEqual(put.json, { ConsumedCapacity: { CapacityUnits: 1, TableName } });
});

// The DocumentClient's marshalled item (createSet as SS/NS/BS, "" as NULL under
// convertEmptyValues, also inside maps and lists) is stored and read back unchanged, with a
// valid CRC. AWS SDK for JavaScript v2 API reference, AWS.DynamoDB.DocumentClient
// (createSet, convertEmptyValues); DynamoDB API Reference AttributeValue.
test(`doc.put({ s: createSet([...]), empty: "" }) then doc.get (${V2}, convertEmptyValues: true): the item round-trips, x-amz-crc32 valid [DynamoDB API Reference AttributeValue]`, async (t) => {
  const TableName = await newTable();
  const Item = { pk: { S: 'doc' }, sk: { N: '1' }, s: { SS: ['x', 'y'] }, n: { NS: ['1', '2'] }, b: { BS: ['YQ=='] }, empty: { NULL: true }, nested: { M: { e: { NULL: true }, l: { L: [{ NULL: true }, { N: '1' }] } } } };
  const put = await v2Call('PutItem', { TableName, Item });
  t.deepEqual([put.status, put.json], [200, {}]);
  t.true(crcAsV2Checks(put));
  const got = await v2Call('GetItem', { TableName, Key: { pk: { S: 'doc' }, sk: { N: '1' } } });
  t.is(got.status, 200);
  t.true(crcAsV2Checks(got));
  t.deepEqual(got.json, { Item });
});

// ADD of a string set, DELETE from a number set and SET of a NULL (an empty string under
// convertEmptyValues), UPDATED_NEW: the changed attributes only. DynamoDB Developer Guide,
// "Update expressions" (ADD, DELETE for sets); API Reference UpdateItem ReturnValues.
test(`doc.update({ UpdateExpression: "ADD s :s DELETE n :n SET e2 = :e", ReturnValues: UPDATED_NEW }) (${V2}): the new sets and the NULL [DynamoDB API Reference UpdateItem]`, async (t) => {
  const TableName = await newTable();
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'doc' }, sk: { N: '1' }, s: { SS: ['x', 'y'] }, n: { NS: ['1', '2'] } } });
  const updated = await v2Call('UpdateItem', {
    TableName, Key: { pk: { S: 'doc' }, sk: { N: '1' } }, UpdateExpression: 'ADD s :s DELETE n :n SET e2 = :e',
    ExpressionAttributeValues: { ':s': { SS: ['z'] }, ':n': { NS: ['1'] }, ':e': { NULL: true } }, ReturnValues: 'UPDATED_NEW',
  });
  t.is(updated.status, 200);
  t.true(crcAsV2Checks(updated));
  t.deepEqual(updated.json, { Attributes: { e2: { NULL: true }, s: { SS: ['x', 'y', 'z'] }, n: { NS: ['2'] } } });
});

// v2 names the error after the "#" of __type (err.code === 'ConditionalCheckFailedException')
// and reads message or Message. stackd transaction_failure_metrics.json (us-east-1) records
// __type com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException, "The conditional
// request failed".
test(`ddb.putItem({ ConditionExpression: "attribute_not_exists(pk)" }) on an existing item (${V2}): 400 ConditionalCheckFailedException as v2 reads it [${FAILURES}]`, async (t) => {
  const TableName = await newTable();
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '1' } } });
  const refused = await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' });
  t.is(refused.status, 400);
  t.is(String(refused.json.__type).split('#').pop(), 'ConditionalCheckFailedException');
  t.is(refused.json.message ?? refused.json.Message, 'The conditional request failed');
});

// transactWrite with v2's own ClientRequestToken; one Put refused by its condition, a passing
// ConditionCheck. v2 reads the code from __type and the reasons from the body (CancellationReasons
// in order, "None" for the item that passed): stackd transaction_failure_metrics.json records the
// message "Transaction cancelled, please refer cancellation reasons for specific reasons [...]".
test(`doc.transactWrite([Put with a failing condition, ConditionCheck]) (${V2}, ClientRequestToken of its own): TransactionCanceledException [ConditionalCheckFailed, None] [${FAILURES}]`, async (t) => {
  const TableName = await newTable();
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'doc' }, sk: { N: '1' } } });
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '1' } } });
  const cancelled = await v2Call('TransactWriteItems', {
    TransactItems: [
      { Put: { TableName, Item: { pk: { S: 'doc' }, sk: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { ConditionCheck: { TableName, Key: { pk: { S: 'a' }, sk: { N: '1' } }, ConditionExpression: 'attribute_exists(pk)' } },
    ],
    ClientRequestToken: '68c16249-51f0-482f-bac2-75add9f930f0',
  });
  t.is(cancelled.status, 400);
  t.is(String(cancelled.json.__type).split('#').pop(), 'TransactionCanceledException');
  t.is(cancelled.json.message ?? cancelled.json.Message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]');
  t.deepEqual(cancelled.json.CancellationReasons, [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, { Code: 'None' }]);
});

// waitFor('tableExists') polls DescribeTable until Table.TableStatus is ACTIVE, and
// waitFor('tableNotExists') until the error code is ResourceNotFoundException (v2's
// apis/dynamodb-2012-08-10.waiters2.json). DynamoDB API Reference DescribeTable.
test(`ddb.waitFor('tableExists' / 'tableNotExists') (${V2}: DescribeTable): Table.TableStatus ACTIVE; a table that is not there is ResourceNotFoundException [v2 dynamodb waiters2.json; DynamoDB API Reference DescribeTable]`, async (t) => {
  const TableName = await newTable();
  const described = await v2Call('DescribeTable', { TableName });
  t.is(described.status, 200);
  t.true(crcAsV2Checks(described));
  t.is((described.json.Table as { TableStatus: string }).TableStatus, 'ACTIVE');
  const gone = await v2Call('DescribeTable', { TableName: uniqueTable('jsv2-never') });
  t.is(gone.status, 400);
  t.is(String(gone.json.__type).split('#').pop(), 'ResourceNotFoundException');
});

// eachPage() / the query paginator continue from LastEvaluatedKey until it is absent (v2's
// apis/dynamodb-2012-08-10.paginators.json). DynamoDB API Reference Query (Limit, LastEvaluatedKey).
test(`doc.query({ Limit: 1 }).eachPage (${V2}): LastEvaluatedKey on each full page, none after the last [DynamoDB API Reference Query]`, async (t) => {
  const TableName = await newTable();
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '1' } } });
  await v2Call('PutItem', { TableName, Item: { pk: { S: 'a' }, sk: { N: '2' } } });
  const query = { TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } }, Limit: 1 };
  const first = await v2Call('Query', query);
  t.true(crcAsV2Checks(first));
  t.deepEqual([first.json.Count, first.json.LastEvaluatedKey], [1, { pk: { S: 'a' }, sk: { N: '1' } }]);
  const second = await v2Call('Query', { ...query, ExclusiveStartKey: first.json.LastEvaluatedKey });
  t.deepEqual([second.json.Count, second.json.LastEvaluatedKey], [1, { pk: { S: 'a' }, sk: { N: '2' } }]);
  const last = await v2Call('Query', { ...query, ExclusiveStartKey: second.json.LastEvaluatedKey });
  t.deepEqual([last.json.Count, last.json.LastEvaluatedKey], [0, undefined]);
});
