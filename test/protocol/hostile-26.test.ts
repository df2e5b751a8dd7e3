/**
 * A hostile pass over the JSON and query wire layers (session 26): raw requests a client or an
 * attacker can send, each answered as AWS answers it, never with a 500, a crash or a silent
 * success. The source of each answer is named beside its row.
 *
 * Regressions fixed here:
 * - an operation name that is a property of Object.prototype (X-Amz-Target
 *   DynamoDB_20120810.toString, Action=constructor) was looked up through the prototype: toString
 *   ran as a handler (200, empty body), __proto__ and constructor were a 501 NotImplemented;
 * - DynamoDB named an unknown target with a message AWS does not send;
 * - DynamoDB took any method and any media type; its front end answers 404
 *   <UnknownOperationException/> to a non-POST or to a body that is not JSON 1.0 or application/json,
 *   before it reads the target;
 * - bytes that are not UTF-8 became U+FFFD and were stored (a key nobody sent).
 */
import test from 'ava';
import { gzipSync } from 'node:zlib';
import type { Boltstack } from '../../src/index.js';
import { rawHttp, type RawResponse } from '../helpers/raw-http.js';
import { startBoltstack } from '../helpers/server.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const authFor = (service: string): string => `AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=x`;
const JSON_1_0 = 'application/x-amz-json-1.0';

function json(target: string, body: string | Buffer, extra: Record<string, string | undefined> = {}, method = 'POST'): Promise<RawResponse> {
  // The length always: node's client sends a DELETE's body unframed otherwise.
  const headers: Record<string, string> = { 'x-amz-target': target, 'content-type': JSON_1_0, authorization: authFor(target.startsWith('AmazonSQS') ? 'sqs' : 'dynamodb'), 'content-length': String(Buffer.byteLength(body)) };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return rawHttp(server.endpoint, { method, path: '/', headers, body });
}

function form(service: string | undefined, body: string): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
  if (service !== undefined) headers.authorization = authFor(service);
  return rawHttp(server.endpoint, { method: 'POST', path: '/', headers, body });
}

const xmlValue = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

// dynalite's assertUnknownOp: the bare Coral error, no message (architect/dynalite
// test/connection.js, "should return UnknownOperationException if incorrect target operation",
// written against DynamoDB).
const DYNAMODB_UNKNOWN_OPERATION = { __type: 'com.amazon.coral.service#UnknownOperationException' };

for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
  test(`DynamoDB target ${name}, a property of every object: 400 UnknownOperationException, as any unknown operation [dynalite connection.js, incorrect target operation]`, async (t) => {
    const answer = await json(`DynamoDB_20120810.${name}`, '{}');
    t.is(answer.status, 400);
    t.deepEqual(JSON.parse(answer.body.toString()), DYNAMODB_UNKNOWN_OPERATION);
  });

  test(`DynamoDB Streams target ${name}: 400 UnknownOperationException [the same Coral service as DynamoDB: dynalite connection.js]`, async (t) => {
    const answer = await json(`DynamoDBStreams_20120810.${name}`, '{}');
    t.is(answer.status, 400);
    t.deepEqual(JSON.parse(answer.body.toString()), DYNAMODB_UNKNOWN_OPERATION);
  });

  // SQS's JSON answer to an unknown target: Coral's UnknownOperationException; its exact message
  // is not in any source found, so only the type is checked (the closest modelled error).
  test(`SQS JSON target ${name}: 400 UnknownOperationException, not a handler run or a 501`, async (t) => {
    const answer = await json(`AmazonSQS.${name}`, '{}');
    t.is(answer.status, 400);
    t.is(JSON.parse(answer.body.toString()).__type, 'com.amazon.coral.service#UnknownOperationException');
  });

  // SNS and STS: the query protocol's InvalidAction, 400 (AWS "Common Errors" of the Query APIs:
  // InvalidAction, "The action or operation requested is invalid", 400).
  for (const service of ['sns', 'sts']) {
    test(`${service.toUpperCase()} Action=${name}: 400 InvalidAction [AWS Query API common errors]`, async (t) => {
      const answer = await form(service, `Action=${encodeURIComponent(name)}&Version=2010-03-31`);
      t.is(answer.status, 400);
      t.is(xmlValue(answer.body.toString(), 'Code'), 'InvalidAction');
    });
  }

  // SQS: "The action X is not valid for this endpoint." (localstack tests/aws/services/sqs/
  // test_sqs.py TestSqsQueryApi test_invalid_action_raises_exception, aws.validated).
  test(`SQS query Action=${name}: 400 InvalidAction "not valid for this endpoint" [localstack test_invalid_action_raises_exception]`, async (t) => {
    const answer = await form('sqs', `Action=${encodeURIComponent(name)}&Version=2012-11-05`);
    t.is(answer.status, 400);
    t.is(xmlValue(answer.body.toString(), 'Code'), 'InvalidAction');
    t.is(xmlValue(answer.body.toString(), 'Message'), `The action ${name} is not valid for this endpoint.`);
  });

  test(`an unsigned form with Action=${name} names no service: 400 InvalidAction, not a handler run`, async (t) => {
    const answer = await form(undefined, `Action=${encodeURIComponent(name)}`);
    t.is(answer.status, 400);
    t.is(xmlValue(answer.body.toString(), 'Code'), 'InvalidAction');
  });
}

for (const [row, target] of [
  ['a target of no service', 'whatever'], // dynalite connection.js, "incorrect target"
  ['an operation DynamoDB lacks', 'DynamoDB_20120810.ListTable'], // dynalite, "incorrect target operation"
  ['the operation in the wrong case', 'DynamoDB_20120810.listTables'], // no source: the same
  ['the prefix alone', 'DynamoDB_20120810.'], // no source: the same
] as const) {
  test(`DynamoDB, ${row}: 400 UnknownOperationException without a message [dynalite connection.js]`, async (t) => {
    const answer = await json(target, '{}');
    t.is(answer.status, 400);
    t.deepEqual(JSON.parse(answer.body.toString()), DYNAMODB_UNKNOWN_OPERATION);
  });
}

// dynalite's assert404: 404, `<UnknownOperationException/>\n`, x-amz-crc32 3552371480, 29 bytes
// (architect/dynalite test/connection.js, written against DynamoDB).
async function assertNotFound(t: import('ava').ExecutionContext, answer: RawResponse): Promise<void> {
  t.is(answer.status, 404);
  t.is(answer.body.toString(), '<UnknownOperationException/>\n');
  t.is(answer.headers['x-amz-crc32'], '3552371480');
  t.is(answer.headers['content-length'], '29');
  t.truthy(answer.headers['x-amzn-requestid']);
}

for (const method of ['PUT', 'DELETE', 'GET']) {
  test(`DynamoDB ${method} with a target: 404 <UnknownOperationException/> [dynalite connection.js, "should return 404 if a PUT / a DELETE"]`, async (t) => {
    await assertNotFound(t, await json('DynamoDB_20120810.ListTables', method === 'GET' ? '' : '{}', {}, method));
  });
}

for (const [row, contentType] of [
  ['no content-type', undefined], // dynalite, "should return 404 if body but no content-type"
  ['content-type whatever', 'whatever'], // dynalite, "body but incorrect content-type"
  ['application/x-amz-json-1.1', 'application/x-amz-json-1.1'], // dynalite, "body and application/x-amz-json-1.1"
  ['application/jsonasdf', 'application/jsonasdf'], // dynalite, "body but slightly different content-type"
  ['a form', 'application/x-www-form-urlencoded'], // no source: a media type DynamoDB does not take, as above
] as const) {
  test(`DynamoDB body with ${row}: 404 <UnknownOperationException/>, the JSON unread [dynalite connection.js]`, async (t) => {
    await assertNotFound(t, await json('DynamoDB_20120810.ListTables', '{}', { 'content-type': contentType }));
  });
}

test('DynamoDB: an empty body needs no content-type (the JSON check comes first) [dynalite index.js order, connection.js]', async (t) => {
  const answer = await json('DynamoDB_20120810.ListTables', '', { 'content-type': undefined });
  t.is(answer.status, 400);
  t.deepEqual(JSON.parse(answer.body.toString()), { __type: 'com.amazon.coral.service#SerializationException' });
});

for (const contentType of ['application/json', 'application/json;', '  application/json  ;   asfd', 'application/json;blahblah', 'application/x-amz-json-1.0;blahblah']) {
  test(`DynamoDB body "hi" as ${JSON.stringify(contentType)}: 400 SerializationException without a message [dynalite connection.js, JSON rows]`, async (t) => {
    const answer = await json('DynamoDB_20120810.ListTables', 'hi', { 'content-type': contentType });
    t.is(answer.status, 400);
    t.deepEqual(JSON.parse(answer.body.toString()), { __type: 'com.amazon.coral.service#SerializationException' });
  });
}

test('DynamoDB application/json;charset=asfdsaf with a good body is served [dynalite connection.js, "body is application/json;charset=asfdsaf"]', async (t) => {
  const answer = await json('DynamoDB_20120810.ListTables', '{}', { 'content-type': 'application/json;charset=asfdsaf' });
  t.is(answer.status, 200);
  t.true(Array.isArray(JSON.parse(answer.body.toString()).TableNames));
});

test('SQS JSON keeps taking a body without a content-type: no source tells its front end, so it is not narrowed', async (t) => {
  const answer = await json('AmazonSQS.ListQueues', '{}', { 'content-type': undefined });
  t.is(answer.status, 200);
});

// Bodies that are JSON but not an object, and nesting deep enough to exhaust a recursive walk:
// each a 400 SerializationException, never a 500 or a dropped connection. Coral's words for the
// top-level kinds are type-mismatch.ts's (its sources); the depth refusal has no AWS source
// (DynamoDB caps documents at 32 levels, a ValidationException once decoded; the decoder refuses
// before that to keep its stack) and is the closest modelled error.
const deepMap = (levels: number): string => {
  let value = '{"S":"x"}';
  for (let i = 0; i < levels; i++) value = `{"M":{"a":${value}}}`;
  return value;
};
for (const [row, body] of [
  ['null', 'null'],
  ['[]', '[]'],
  ['1', '1'],
  ['"s"', '"s"'],
  ['10,000 levels of M', `{"TableName":"t","Item":{"k":${deepMap(10_000)}}}`],
  ['10,000 levels of [', `{"TableName":"t","Item":{"k":{"L":${'['.repeat(10_000)}${']'.repeat(10_000)}}}}`],
  ['1,000,000 levels of [', `{"TableName":"t","Item":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`],
] as const) {
  test(`DynamoDB PutItem body ${row}: 400 SerializationException, the server still serving`, async (t) => {
    const answer = await json('DynamoDB_20120810.PutItem', body);
    t.is(answer.status, 400);
    t.is(JSON.parse(answer.body.toString()).__type, 'com.amazon.coral.service#SerializationException');
    const after = await json('DynamoDB_20120810.ListTables', '{}');
    t.is(after.status, 200);
  });
}

test('DynamoDB body past 16 MiB: a bare 413 [radkawar/stackd testdata/aws/dynamodb/batch_request_size.json; dynalite connection.js, "should return 413 if request too large"]', async (t) => {
  const answer = await json('DynamoDB_20120810.PutItem', `{"TableName":"t","Item":{"k":{"S":"${'x'.repeat(20 * 1024 * 1024)}"}}}`);
  t.is(answer.status, 413);
  t.is(answer.body.length, 0);
});

test('DynamoDB body sent chunked (no Content-Length) is read whole', async (t) => {
  const answer = await rawHttp(server.endpoint, {
    method: 'POST', path: '/', body: '{}',
    headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': JSON_1_0, 'transfer-encoding': 'chunked', authorization: authFor('dynamodb') },
  });
  t.is(answer.status, 200);
});

// Invalid UTF-8 inside a JSON string: the bytes are not JSON (RFC 8259 §8.1), so 400
// SerializationException, as for any body that does not parse (dynalite connection.js); no
// source gives AWS's own words for it, so the closest modelled error. Before, the bytes became
// U+FFFD and the item was stored with a key nobody sent.
const invalidUtf8 = (prefix: string, suffix: string): Buffer => Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe]), Buffer.from(suffix)]);
test('DynamoDB body with invalid UTF-8 in a string: 400 SerializationException, nothing stored', async (t) => {
  const table = 'hostile-utf8-26';
  const create = await json('DynamoDB_20120810.CreateTable', JSON.stringify({ TableName: table, AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
  t.is(create.status, 200);
  const put = await json('DynamoDB_20120810.PutItem', invalidUtf8(`{"TableName":"${table}","Item":{"k":{"S":"a`, '"}}}'));
  t.is(put.status, 400);
  t.deepEqual(JSON.parse(put.body.toString()), { __type: 'com.amazon.coral.service#SerializationException' });
  const scanned = await json('DynamoDB_20120810.Scan', JSON.stringify({ TableName: table }));
  t.is(JSON.parse(scanned.body.toString()).Count, 0);
  // A U+FFFD the client really sent (valid UTF-8) is taken as sent.
  const real = await json('DynamoDB_20120810.PutItem', JSON.stringify({ TableName: table, Item: { k: { S: 'a\uFFFDb' } } }));
  t.is(real.status, 200);
  const read = await json('DynamoDB_20120810.GetItem', JSON.stringify({ TableName: table, Key: { k: { S: 'a\uFFFDb' } } }));
  t.is(JSON.parse(read.body.toString()).Item.k.S, 'a\uFFFDb');
});

test('SQS JSON body with invalid UTF-8: 400 SerializationException', async (t) => {
  const answer = await json('AmazonSQS.CreateQueue', invalidUtf8('{"QueueName":"q', '"}'));
  t.is(answer.status, 400);
  t.is(JSON.parse(answer.body.toString()).__type, 'com.amazon.coral.service#SerializationException');
});

// DynamoDB checks the method and the media type before the target (architect/dynalite index.js,
// whose order its connection.js rows pin against DynamoDB): an unknown target does not change
// the 404.
for (const [row, target] of [['a target of no service', 'whatever'], ['an operation DynamoDB lacks', 'DynamoDB_20120810.ListTable']] as const) {
  test(`DynamoDB, ${row}, as JSON 1.1: 404 <UnknownOperationException/>, the media type checked first [dynalite index.js]`, async (t) => {
    await assertNotFound(t, await json(target, '{}', { 'content-type': 'application/x-amz-json-1.1' }));
  });
  test(`DynamoDB, ${row}, as a PUT: 404 <UnknownOperationException/> [dynalite index.js]`, async (t) => {
    await assertNotFound(t, await json(target, '{}', {}, 'PUT'));
  });
}

// A gzip body: DynamoDB's API has no request compression (@aws-sdk/client-dynamodb carries no
// request-compression middleware, as clients of operations with Smithy's requestCompression trait
// do), so the bytes are not JSON: 400 SerializationException, the closest modelled error.
test('DynamoDB body sent with Content-Encoding: gzip: 400 SerializationException', async (t) => {
  const answer = await json('DynamoDB_20120810.ListTables', gzipSync('{}'), { 'content-encoding': 'gzip' });
  t.is(answer.status, 400);
  t.deepEqual(JSON.parse(answer.body.toString()), { __type: 'com.amazon.coral.service#SerializationException' });
});

// DynamoDB labels its JSON answer with the media type it was asked in: application/json unless the
// request was application/x-amz-json-1.0 (parameters or not). Source: architect/dynalite
// test/connection.js, assertSerialization / assertUnknownOp and their contentType argument.
for (const [row, contentType, body, status, answered] of [
  ['a good body as application/json', 'application/json', '{}', 200, 'application/json'],
  ['"hi" as application/json', 'application/json', 'hi', 400, 'application/json'],
  ['"hi" as application/json;charset=asfdsaf', 'application/json;charset=asfdsaf', 'hi', 400, 'application/json'],
  ['"hi" as application/x-amz-json-1.0;blahblah', 'application/x-amz-json-1.0;blahblah', 'hi', 400, JSON_1_0],
  ['no body and no content-type', undefined, '', 400, 'application/json'],
  ['a good body as application/x-amz-json-1.0', JSON_1_0, '{}', 200, JSON_1_0],
] as const) {
  test(`DynamoDB ${row}: answered as ${answered} [dynalite connection.js]`, async (t) => {
    const answer = await json('DynamoDB_20120810.ListTables', body, { 'content-type': contentType });
    t.is(answer.status, status);
    t.is(answer.headers['content-type'], answered);
  });
}

test('DynamoDB, an unknown target as application/json: the UnknownOperationException is application/json [dynalite connection.js, "body is application/json"]', async (t) => {
  const answer = await json('whatever', '{}', { 'content-type': 'application/json' });
  t.is(answer.status, 400);
  t.is(answer.headers['content-type'], 'application/json');
  t.deepEqual(JSON.parse(answer.body.toString()), DYNAMODB_UNKNOWN_OPERATION);
});

test('SQS JSON keeps answering application/x-amz-json-1.0 to application/json: no source for it', async (t) => {
  const answer = await json('AmazonSQS.ListQueues', '{}', { 'content-type': 'application/json' });
  t.is(answer.status, 200);
  t.is(answer.headers['content-type'], JSON_1_0);
});
