/**
 * SQS's query API asked for JSON (`Accept: application/json`) answers the XML document's JSON
 * form (src/protocols/query/answer-json.ts). Sources beside each row:
 * - LS: localstack tests/aws/services/sqs/test_sqs.py TestSqsQueryApi @0027b39, tests marked
 *   aws.validated (run against AWS; xfail on localstack only): signed GETs to the queue URL.
 * - APIGW: SQS SendMessage answers relayed verbatim by API Gateway's SQS integration, quoted in
 *   two READMEs (one with RequestId 19809b83-46cf-5917-b30d-c11fd0c2d59c, one with
 *   5cbe815f-8db4-5c39-a834-dcfbd53c1f5c): every output member, null when absent, in name order.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../helpers/node-sha256.js';
import { startBoltstack } from '../helpers/server.js';
import { queryPost, xmlValue } from '../helpers/query-client.js';
import { uniqueQueue } from '../helpers/sqs.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let queueUrl: string;

async function signedGet(url: string, params: Record<string, string>, accept?: string): Promise<{ status: number; type: string | null; body: string }> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sqs', sha256: NodeSha256 });
  const headers: Record<string, string> = { host: u.host };
  if (accept !== undefined) headers.accept = accept;
  const signed = await signer.sign(new HttpRequest({ method: 'GET', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: u.pathname, query: params, headers }));
  const query = new URLSearchParams(params).toString();
  const res = await fetch(`${u.origin}${u.pathname}${query === '' ? '' : `?${query}`}`, { headers: signed.headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

test.before(async () => {
  server = await startBoltstack();
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: uniqueQueue('qjson') } });
  queueUrl = xmlValue(answer.body, 'QueueUrl')!;
});
test.after.always(async () => { await server?.stop(); });

test('GetQueueAttributes with Accept: application/json answers the attributes as Name/Value objects (LS test_get_queue_attributes_json_format)', async (t) => {
  const res = await signedGet(queueUrl, { Action: 'GetQueueAttributes', 'AttributeName.1': 'All' }, 'application/json');
  t.is(res.status, 200);
  const doc = JSON.parse(res.body) as { GetQueueAttributesResponse: { GetQueueAttributesResult: { Attributes: Array<{ Name: string; Value: string }> }; ResponseMetadata: { RequestId: string } } };
  const attributes = doc.GetQueueAttributesResponse.GetQueueAttributesResult.Attributes;
  const arn = attributes.find((a) => a.Name === 'QueueArn');
  t.truthy(arn);
  t.true(arn!.Value.startsWith('arn:aws:sqs'));
  t.true(arn!.Value.endsWith(queueUrl.split('/').pop()!));
  t.is(typeof doc.GetQueueAttributesResponse.ResponseMetadata.RequestId, 'string');
});

test('SendMessage with Accept: application/json: every member, null when absent, keys in name order (APIGW)', async (t) => {
  const res = await signedGet(queueUrl, { Action: 'SendMessage', MessageBody: 'hello/world' }, 'application/json');
  t.is(res.status, 200);
  t.is(res.type, 'application/json');
  const doc = JSON.parse(res.body) as { SendMessageResponse: Record<string, Record<string, unknown>> };
  t.deepEqual(Object.keys(doc), ['SendMessageResponse']);
  t.deepEqual(Object.keys(doc.SendMessageResponse), ['ResponseMetadata', 'SendMessageResult']);
  const result = doc.SendMessageResponse.SendMessageResult!;
  t.deepEqual(Object.keys(result), ['MD5OfMessageAttributes', 'MD5OfMessageBody', 'MD5OfMessageSystemAttributes', 'MessageId', 'SequenceNumber']);
  t.is(result.MD5OfMessageAttributes, null);
  t.is(result.MD5OfMessageBody, createHash('md5').update('hello/world').digest('hex'));
  t.is(result.MD5OfMessageSystemAttributes, null);
  t.regex(String(result.MessageId), /^[0-9a-f-]{36}$/);
  t.is(result.SequenceNumber, null);
  t.is(typeof doc.SendMessageResponse.ResponseMetadata!.RequestId, 'string');
});

test('an error asked for in JSON is an Error object with Code and Message (LS test_get_list_queues_fails_json_format)', async (t) => {
  const res = await signedGet(queueUrl, { Action: 'ListQueues' }, 'application/json');
  t.is(res.status, 400);
  const doc = JSON.parse(res.body) as { Error: { Code: string; Message: string } };
  t.is(doc.Error.Code, 'InvalidAction');
  t.is(doc.Error.Message, 'The action ListQueues is not valid for this endpoint.');
});

test('no Action is the XML <UnknownOperationException/> even when JSON is asked for (LS test_get_without_query_json_format_returns_returns_xml)', async (t) => {
  const res = await signedGet(queueUrl, {}, 'application/json');
  t.is(res.status, 404);
  t.true(res.body.includes('<UnknownOperationException'));
});

test('without Accept: application/json the answer stays XML (LS test_get_send_and_receive_messages)', async (t) => {
  for (const accept of [undefined, '*/*', 'text/xml']) {
    const res = await signedGet(queueUrl, { Action: 'SendMessage', MessageBody: 'x' }, accept);
    t.is(res.status, 200, String(accept));
    t.true(res.body.includes('<SendMessageResponse'), String(accept));
  }
});

test('ReceiveMessage in JSON: the Messages list, its maps as Name/Value objects (LS rule of test_get_queue_attributes_json_format)', async (t) => {
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'CreateQueue', QueueName: uniqueQueue('qjson-r') } });
  const url = xmlValue(answer.body, 'QueueUrl')!;
  const sent = await signedGet(url, {
    Action: 'SendMessage', MessageBody: 'nested', 'MessageAttribute.1.Name': 'color',
    'MessageAttribute.1.Value.DataType': 'String', 'MessageAttribute.1.Value.StringValue': 'red',
  });
  t.is(sent.status, 200);
  const res = await signedGet(url, { Action: 'ReceiveMessage', 'AttributeName.1': 'SentTimestamp', 'MessageAttributeName.1': 'All' }, 'application/json');
  t.is(res.status, 200);
  const doc = JSON.parse(res.body) as { ReceiveMessageResponse: { ReceiveMessageResult: { Messages: Array<Record<string, unknown>> } } };
  const [message] = doc.ReceiveMessageResponse.ReceiveMessageResult.Messages;
  t.is(message!.Body, 'nested');
  const attributes = message!.Attributes as Array<{ Name: string; Value: string }>;
  t.deepEqual(attributes.map((a) => a.Name), ['SentTimestamp']);
  t.regex(attributes[0]!.Value, /^\d{13}$/);
  const custom = message!.MessageAttributes as Array<{ Name: string; Value: { DataType: string; StringValue: string } }>;
  t.is(custom.length, 1);
  t.is(custom[0]!.Name, 'color');
  t.is(custom[0]!.Value.DataType, 'String');
  t.is(custom[0]!.Value.StringValue, 'red');
});
