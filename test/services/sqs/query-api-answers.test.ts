/**
 * The query API sent to a queue's URL, as AWS answers it: localstack's TestSqsQueryApi
 * (tests/aws/services/sqs/test_sqs.py as stored at localemu/localemu@3098669, tests marked
 * aws.validated: run against AWS, their assertions hold there). Those tests send signed GETs;
 * the rows send the same parameters both as a signed GET and as a signed form POST to the
 * queue's path.
 */
import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const SRC = 'localstack tests/aws/services/sqs/test_sqs.py TestSqsQueryApi (aws.validated)';

let server: Boltstack;
let queueUrl: string;
let otherUrl: string;

async function signedGet(url: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sqs', sha256: NodeSha256 });
  const request = new HttpRequest({ method: 'GET', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: u.pathname, query: params, headers: { host: u.host } });
  const signed = await signer.sign(request);
  const res = await fetch(`${u.origin}${u.pathname}?${new URLSearchParams(params).toString()}`, { headers: signed.headers });
  return { status: res.status, body: await res.text() };
}

async function create(name: string): Promise<string> {
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: name } });
  return xmlValue(answer.body, 'QueueUrl')!;
}

test.before(async () => {
  server = await startBoltstack();
  queueUrl = await create(uniqueQueue('qapi'));
  otherUrl = await create(uniqueQueue('qapi-other'));
});
test.after.always(async () => { await server?.stop(); });

interface Row {
  name: string; source: string; params: () => Record<string, string>; status: number; code: string; message: string;
}


const ROWS: Row[] = [
  { name: 'an action that does not exist', source: `${SRC} test_invalid_action_raises_exception`, params: () => ({ Action: 'FooBar', Version: '2012-11-05' }),
    status: 400, code: 'InvalidAction', message: 'The action FooBar is not valid for this endpoint.' },
  { name: 'SendMessage without MessageBody', source: `${SRC} test_valid_action_with_missing_parameter_raises_exception`, params: () => ({ Action: 'SendMessage' }),
    status: 400, code: 'MissingParameter', message: 'The request must contain the parameter MessageBody.' },
  { name: 'GetQueueAttributes of an unknown name', source: `${SRC} test_get_queue_attributes_with_invalid_arg_returns_error`,
    params: () => ({ Action: 'GetQueueAttributes', 'AttributeName.1': 'Foobar' }), status: 400, code: 'InvalidAttributeName', message: 'Unknown Attribute Foobar.' },
  { name: 'CreateQueue sent to a queue', source: `${SRC} test_get_create_queue_fails`, params: () => ({ Action: 'CreateQueue', QueueName: uniqueQueue('qapi-x') }),
    status: 400, code: 'InvalidAction', message: 'The action CreateQueue is not valid for this endpoint.' },
  { name: 'ListQueues sent to a queue', source: `${SRC} test_get_list_queues_fails`, params: () => ({ Action: 'ListQueues' }),
    status: 400, code: 'InvalidAction', message: 'The action ListQueues is not valid for this endpoint.' },
];

for (const row of ROWS) {
  for (const method of ['GET', 'POST'] as const) {
    test(`${method} to a queue URL: ${row.name} [${row.source}]`, async (t) => {
      const params = row.params();
      const answer = method === 'GET' ? await signedGet(queueUrl, params) : await queryPost(server.endpoint, { service: 'sqs', path: new URL(queueUrl).pathname, params });
      t.is(answer.status, row.status, answer.body);
      t.is(xmlValue(answer.body, 'Code'), row.code);
      t.is(xmlValue(answer.body, 'Type'), 'Sender');
      t.is(xmlValue(answer.body, 'Message'), row.message);
    });
  }
}

test(`GET to a queue URL: GetQueueUrl of another queue, and a QueueUrl parameter over the path [${SRC} test_get_queue_url_work_for_different_queue, test_overwrite_queue_url_in_params]`, async (t) => {
  const name = new URL(otherUrl).pathname.split('/').pop()!;
  const url = await signedGet(queueUrl, { Action: 'GetQueueUrl', QueueName: name, QueueOwnerAWSAccountId: '000000000000' });
  t.is(url.status, 200, url.body);
  t.is(xmlValue(url.body, 'QueueUrl'), otherUrl);
  const attrs = await signedGet(queueUrl, { Action: 'GetQueueAttributes', QueueUrl: otherUrl, 'AttributeName.1': 'QueueArn' });
  t.is(attrs.status, 200, attrs.body);
  t.true(attrs.body.includes(`<Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:us-east-1:000000000000:${name}</Value></Attribute>`), attrs.body);
});

test(`GET to a queue URL: send, an empty receive elsewhere, and the message received [${SRC} test_get_send_and_receive_messages]`, async (t) => {
  t.is((await signedGet(queueUrl, { Action: 'SendMessage', MessageBody: 'foobar' })).status, 200);
  const empty = await signedGet(otherUrl, { Action: 'ReceiveMessage' });
  t.is(empty.status, 200);
  t.false(empty.body.includes('<Message>'), empty.body);
  const got = await signedGet(queueUrl, { Action: 'ReceiveMessage' });
  t.true(got.body.includes('<Body>foobar</Body>'), got.body);
  t.true(got.body.includes('<MD5OfBody>'), got.body);
});

test(`GET to a queue URL without a query: UnknownOperationException, 404 [${SRC} test_get_without_query_returns_unknown_operation]`, async (t) => {
  const answer = await signedGet(queueUrl, {});
  t.is(answer.status, 404, answer.body);
  t.true(answer.body.includes('<UnknownOperationException'), answer.body);
});

test(`GET to a deleted queue's URL: NonExistentQueue in the query wording [${SRC} test_get_on_deleted_queue_fails]`, async (t) => {
  const url = await create(uniqueQueue('qapi-del'));
  await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'DeleteQueue', QueueUrl: url } });
  const answer = await signedGet(url, { Action: 'GetQueueAttributes', 'AttributeName.1': 'QueueArn' });
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'AWS.SimpleQueueService.NonExistentQueue');
  t.is(xmlValue(answer.body, 'Message'), 'The specified queue does not exist for this wsdl version.');
});

test(`an empty ReceiveMessage result is the self-closing element AWS writes [${SRC} test_get_send_and_receive_messages]`, async (t) => {
  const empty = await signedGet(otherUrl, { Action: 'ReceiveMessage' });
  t.true(empty.body.replace(' />', '/>').includes('<ReceiveMessageResult/>'), empty.body);
});
