/**
 * DynamoDB's `x-amz-crc32` (src/protocols/json/crc32-header.ts): every DynamoDB and DynamoDB
 * Streams answer, success or error, carries the CRC-32 of its exact body bytes as an unsigned
 * decimal; SQS's json answers do not. Checked on the raw wire (fetch), through SDK v3 clients
 * with a middleware that checks the header against the raw body as botocore and the Go v2 /
 * Java v2 SDKs do (SDK v3 itself does not check it), and through the AWS CLI, whose botocore
 * fails the call when the value is wrong.
 * The CRC here is a table implementation of its own, not node:zlib's, so the test does not
 * check the server's arithmetic against the same code.
 */
import test, { type ExecutionContext } from 'ava';
import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  CreateTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand, TagResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import type { HttpResponse } from '@smithy/protocol-http';
import type { Boltstack } from '../../../src/index.js';
import { bodyCrc32, hasherCrc32 } from '../../../src/protocols/json/crc32-header.js';
import { cliTestFor } from '../../helpers/aws-cli.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';
import { crc32 } from '../../helpers/crc32.js';

/** Accents, CJK, an astral emoji, a no-break space, JSON escapes: multi-byte UTF-8 of every length. */
const NON_ASCII = 'héllo wörld ✓ 日本語のテキスト 😀 \u00a0"quoted" \\ tab\t';

test('bodyCrc32 is the CRC-32 of the UTF-8 bytes node sends for the string, through zlib and through the hasher used without it', (t) => {
  const samples = ['', '{}', '{"TableNames":["Images","Logs"]}', NON_ASCII, 'x'.repeat(70_000), `${NON_ASCII}`.repeat(3000), 'lone \ud800 and \udfff surrogates'];
  for (const body of samples) {
    const expected = String(crc32(Buffer.from(body, 'utf8')));
    t.is(bodyCrc32(body), expected, body.slice(0, 40));
    t.is(hasherCrc32(body), expected, body.slice(0, 40));
  }
  t.is(bodyCrc32(''), '0');
  t.is(bodyCrc32('{"TableNames":["Images","Logs"]}'), '1952885991');
});

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface RawAnswer { status: number; headers: Headers; bytes: Buffer }

async function raw(target: string, input: unknown): Promise<RawAnswer> {
  const res = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify(input),
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The header is there, a plain unsigned decimal, and the CRC-32 of exactly the bytes received. */
function assertBodyCrc(t: ExecutionContext, answer: RawAnswer, label: string): void {
  const header = answer.headers.get('x-amz-crc32');
  t.regex(header ?? '(missing)', /^(0|[1-9][0-9]{0,9})$/, `${label}: x-amz-crc32 is an unsigned decimal`);
  t.is(Number(header), crc32(answer.bytes), `${label}: x-amz-crc32 is the CRC-32 of the body`);
  t.true(Number(header) <= 0xffffffff, label);
  t.is(answer.headers.get('content-length'), String(answer.bytes.length), `${label}: the bytes checked are the whole body`);
}

interface Seen { status: number; header: string | undefined; bytes: Buffer }

/**
 * Checks every answer's x-amz-crc32 against its raw body before the SDK parses it, as botocore,
 * the Go v2 and the Java v2 SDKs do for DynamoDB: a wrong value fails the call; a missing one
 * is recorded (the tests assert it is there). Runs inside the deserializer (priority low), so it
 * sees the body as it came off the socket and hands the parser the same bytes.
 */
function checkCrc32(client: DynamoDBClient | DynamoDBStreamsClient): Seen[] {
  const seen: Seen[] = [];
  // The two clients' stacks differ only in their input/output types; the middleware touches neither.
  (client.middlewareStack as DynamoDBClient['middlewareStack']).add((next) => async (args) => {
    const out = await next(args);
    const response = out.response as HttpResponse;
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    response.body = Readable.from([bytes]);
    const header = response.headers['x-amz-crc32'];
    seen.push({ status: response.statusCode, header, bytes });
    if (header !== undefined && Number(header) !== crc32(bytes)) throw new Error(`x-amz-crc32 ${header} is not the body's CRC-32 ${crc32(bytes)}`);
    return out;
  }, { step: 'deserialize', priority: 'low', name: 'checkCrc32' });
  return seen;
}

// AWS sends it on every DynamoDB answer, its value zlib's CRC-32 of the body: an UpdateItem 200
// (vanhoangkha/000060-DynamoDBBasic .../3.2.4-updatedata/_index.md, boto3 output 2022-02-09:
// 156 bytes, 3767510606, reproduced from the printed item). Non-ASCII text is sent as UTF-8.
test('GetItem of a non-ASCII item: x-amz-crc32 is the CRC-32 of the UTF-8 body (raw, SDK)', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const seen = checkCrc32(ddb);
  const TableName = uniqueTable('crc');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const Item = { pk: { S: 'k' }, text: { S: NON_ASCII }, n: { N: '-1.5e3' }, b: { B: new Uint8Array([0, 255, 128]) }, l: { L: [{ S: 'ü' }, { BOOL: true }] } };
  await ddb.send(new PutItemCommand({ TableName, Item }));

  const got = await raw('DynamoDB_20120810.GetItem', { TableName, Key: { pk: { S: 'k' } } });
  t.is(got.status, 200);
  // The text is in the body as UTF-8, not as \u escapes: the CRC covers multi-byte sequences.
  t.true(got.bytes.includes(Buffer.from('日本語のテキスト 😀')));
  assertBodyCrc(t, got, 'GetItem');

  const viaSdk = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'k' } } }));
  t.is(viaSdk.Item?.text?.S, NON_ASCII);
  t.true(seen.length >= 3, 'CreateTable, PutItem and GetItem were all checked');
  for (const s of seen) t.not(s.header, undefined, `status ${s.status}: x-amz-crc32 is there`);
});

// aws/aws-sdk-net, sdk/test/IntegrationTests/Tests/General.cs (TestResponseMocking): raw DynamoDB
// answers of 2015-07-28, headers included. boltstack's bodies for the same calls are the same
// bytes, so the header must be AWS's value.
test('ListTables and a missing table answer the bytes AWS answered, with AWS\'s x-amz-crc32 (aws-sdk-net capture)', async (t) => {
  // An account of its own (a 12-digit key is that account), so only these two tables are listed.
  const ddb = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
  const seen = checkCrc32(ddb);
  for (const TableName of ['Images', 'Logs']) await createKeyedTable(ddb, TableName, [['id', 'S']]);
  t.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, ['Images', 'Logs']);
  const listed = seen.at(-1)!;
  t.is(listed.bytes.toString(), '{"TableNames":["Images","Logs"]}');
  t.is(listed.header, '1952885991');

  const missing = await ddbErrorOf(ddb.send(new DescribeTableCommand({ TableName: 'FakeTable' })));
  t.is(missing.name, 'ResourceNotFoundException');
  const refused = seen.at(-1)!;
  t.is(refused.status, 400);
  t.is(refused.bytes.toString(), '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: FakeTable not found"}');
  t.is(refused.header, '4224273561');
});

// The captured 400s carry it: ResourceNotFoundException (aws-sdk-net General.cs, 2015-07-28) and
// MissingAuthenticationTokenException (a curl -i of dynamodb.us-east-2, 2026-09-16), each value the
// CRC-32 of its body.
test('errors carry it too: ValidationException, ResourceNotFoundException, SerializationException (raw, SDK)', async (t) => {
  const validation = await raw('DynamoDB_20120810.CreateTable', { TableName: 'ü', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [], KeySchema: [] });
  t.is(validation.status, 400);
  t.regex(validation.bytes.toString(), /ValidationException/);
  t.true(validation.bytes.includes(Buffer.from('ü')), 'the message quotes the non-ASCII name');
  assertBodyCrc(t, validation, 'ValidationException');

  const notFound = await raw('DynamoDB_20120810.GetItem', { TableName: uniqueTable('absent'), Key: { pk: { S: 'k' } } });
  t.is(notFound.status, 400);
  t.regex(notFound.bytes.toString(), /ResourceNotFoundException/);
  assertBodyCrc(t, notFound, 'ResourceNotFoundException');

  const serialization = await raw('DynamoDB_20120810.GetItem', { TableName: 'tbl', Key: 'not a map' });
  t.is(serialization.status, 400);
  t.regex(serialization.bytes.toString(), /SerializationException/);
  assertBodyCrc(t, serialization, 'SerializationException');

  const ddb = ddbClient(server.endpoint);
  const seen = checkCrc32(ddb);
  const err = await ddbErrorOf(ddb.send(new GetItemCommand({ TableName: uniqueTable('gone'), Key: { pk: { S: 'k' } } })));
  t.is(err.name, 'ResourceNotFoundException');
  t.is(seen.length, 1);
  t.is(seen[0]!.status, 400);
  t.not(seen[0]!.header, undefined);
});

// "If the action is successful, the service sends back an HTTP 200 response with an empty HTTP
// body" (API_TagResource, AWS docs). No capture of the header on these was found: "0" is the
// CRC-32 of no bytes, what every checker computes for them (crc32-header.ts).
test('TagResource and UntagResource answer an empty body with x-amz-crc32 "0", the CRC-32 of no bytes (raw, SDK)', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const seen = checkCrc32(ddb);
  const TableName = uniqueTable('tags');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const ResourceArn = created.TableDescription!.TableArn!;
  const tagged = await raw('DynamoDB_20120810.TagResource', { ResourceArn, Tags: [{ Key: 'k', Value: 'ü' }] });
  t.is(tagged.status, 200);
  t.is(tagged.bytes.length, 0);
  t.is(tagged.headers.get('x-amz-crc32'), '0');
  assertBodyCrc(t, tagged, 'TagResource');
  const untagged = await raw('DynamoDB_20120810.UntagResource', { ResourceArn, TagKeys: ['k'] });
  t.is(untagged.status, 200);
  t.is(untagged.headers.get('x-amz-crc32'), '0');
  assertBodyCrc(t, untagged, 'UntagResource');

  await ddb.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'k2', Value: 'v' }] }));
  const last = seen.at(-1)!;
  t.is(last.bytes.length, 0);
  t.is(last.header, '0');
});

// The Streams API reference shows the header on its answers (awsdocs/amazon-dynamodb-developer-
// guide doc_source/API_streams_ListStreams.md, sample response); one Coral service with DynamoDB.
test('DynamoDB Streams answers carry it: ListStreams, and an error (raw, SDK)', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = uniqueTable('streamed');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const listed = await raw('DynamoDBStreams_20120810.ListStreams', { TableName });
  t.is(listed.status, 200);
  t.regex(listed.bytes.toString(), /"StreamArn"/);
  assertBodyCrc(t, listed, 'ListStreams');

  const bogus = await raw('DynamoDBStreams_20120810.DescribeStream', { StreamArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}/stream/2020-01-01T00:00:00.000` });
  t.is(bogus.status, 400);
  assertBodyCrc(t, bogus, 'DescribeStream error');

  const streams = new DynamoDBStreamsClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  const seen = checkCrc32(streams);
  const out = await streams.send(new ListStreamsCommand({ TableName }));
  t.is(out.Streams?.length, 1);
  t.is(seen.length, 1);
  t.not(seen[0]!.header, undefined);
});

// AWS's "Interpreting Amazon SQS JSON API responses" (SQSDeveloperGuide/sqs-json-api-responses.html)
// lists x-amzn-RequestId, Content-Length, Date, Content-Type and, on errors, x-amzn-query-error.
test('SQS json answers are unchanged: no x-amz-crc32 on success, empty or error answers', async (t) => {
  const sqs = (operation: string, input: unknown): Promise<RawAnswer> => raw(`AmazonSQS.${operation}`, input);
  const created = await sqs('CreateQueue', { QueueName: `crc-${process.pid}-${Date.now().toString(36)}` });
  t.is(created.status, 200);
  const QueueUrl = (JSON.parse(created.bytes.toString()) as { QueueUrl: string }).QueueUrl;
  const sent = await sqs('SendMessage', { QueueUrl, MessageBody: NON_ASCII });
  t.is(sent.status, 200);
  const emptied = await sqs('PurgeQueue', { QueueUrl });
  t.is(emptied.status, 200);
  t.is(emptied.bytes.length, 0);
  const missing = await sqs('GetQueueUrl', { QueueName: 'no-such-queue-crc' });
  t.is(missing.status, 400);
  for (const [label, answer] of [['CreateQueue', created], ['SendMessage', sent], ['PurgeQueue', emptied], ['GetQueueUrl error', missing]] as const) {
    t.is(answer.headers.get('x-amz-crc32'), null, label);
  }
});

const run = promisify(execFile);
const cliTest = cliTestFor('crc32-header.test');

// botocore checks x-amz-crc32 on every DynamoDB answer (botocore/retryhandler.py CRC32Checker,
// data/_retry.json "crc32body"): in its legacy retry mode, the AWS CLI v1's default, a mismatch
// on the last attempt is a ChecksumError (checked with a CRC off by one: "Checksum crc32 failed",
// exit 255, after 10 attempts and 26 s by default; in standard mode it retries, then takes the
// answer). One attempt here, so a wrong value fails the command at once; --debug says when the
// check was skipped because the header was missing.
cliTest('aws dynamodb put-item / get-item / tag-resource with a non-ASCII item: botocore checks x-amz-crc32 and accepts it', async (t) => {
  t.timeout(120_000);
  const env = {
    ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '', AWS_RETRY_MODE: 'legacy', AWS_MAX_ATTEMPTS: '1',
  };
  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout, stderr } = await run('aws', ['--debug', '--endpoint-url', server.endpoint, '--output', 'json', 'dynamodb', ...args], { env, maxBuffer: 1 << 26 });
    t.false(stderr.includes('crc32 check skipped'), `${args[0]}: botocore found no x-amz-crc32 to check`);
    return stdout.trim() === '' ? {} : JSON.parse(stdout) as Record<string, unknown>;
  };
  const name = uniqueTable('cli-crc');
  const created = await aws('create-table', '--table-name', name, '--billing-mode', 'PAY_PER_REQUEST',
    '--attribute-definitions', 'AttributeName=pk,AttributeType=S', '--key-schema', 'AttributeName=pk,KeyType=HASH');
  const arn = (created.TableDescription as { TableArn: string }).TableArn;
  const item = { pk: { S: 'ключ' }, text: { S: NON_ASCII } };
  await aws('put-item', '--table-name', name, '--item', JSON.stringify(item));
  const got = await aws('get-item', '--table-name', name, '--key', JSON.stringify({ pk: { S: 'ключ' } }));
  t.deepEqual(got.Item, item);
  await aws('tag-resource', '--resource-arn', arn, '--tags', 'Key=k,Value=v');
  const missing = await t.throwsAsync(aws('describe-table', '--table-name', uniqueTable('cli-missing')), { message: /ResourceNotFoundException/ });
  // The error's message holds the command's stderr: the 400 was checked too.
  t.false(missing?.message.includes('crc32 check skipped'), 'describe-table error: botocore found no x-amz-crc32 to check');
});
