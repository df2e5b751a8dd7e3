// AWS query round trips through the real SNS and STS clients.
import test from 'ava';
import * as sns from '@aws-sdk/client-sns';
import * as sts from '@aws-sdk/client-sts';
import { AwsError } from '../../src/errors/aws-error.js';
import { loadModel } from '../../src/model/generated/index.js';
import type { ServiceName } from '../../src/model/types.js';
import { getProtocol, queryAction, queryParams } from '../../src/protocols/index.js';
import type { WireRequest } from '../../src/protocols/types.js';
import type { ProtocolContext } from '../../src/protocols/types.js';
import { capture, captureHandler, clientConfig, respondHandler } from './sdk-harness.js';

const query = getProtocol('query');

async function ctx(service: ServiceName, operation: string): Promise<ProtocolContext> {
  const model = await loadModel(service);
  return { model, operation: model.operations[operation]!, requestId: 'REQ-Q' };
}

test('SNS Publish: form body with entry.N maps decodes', async (t) => {
  const client = new sns.SNSClient({ ...clientConfig, requestHandler: captureHandler });
  const input = {
    TopicArn: 'arn:aws:sns:us-east-1:000000000000:t', Message: 'hello & bye', Subject: 's',
    MessageAttributes: {
      color: { DataType: 'String', StringValue: 'red' },
      bin: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) },
    },
  };
  const wire = await capture(() => client.send(new sns.PublishCommand(input)));
  t.is(queryParams(wire).get('Action'), 'Publish');
  t.deepEqual(query.decode(await ctx('sns', 'Publish'), wire, {}), {
    ...input, MessageAttributes: { ...input.MessageAttributes, bin: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2]) } },
  });
});

test('SNS lists (member.N), empty lists and nested structures decode', async (t) => {
  const client = new sns.SNSClient({ ...clientConfig, requestHandler: captureHandler });
  const input = {
    PublishBatchRequestEntries: [
      { Id: '1', Message: 'a', MessageAttributes: { k: { DataType: 'Number', StringValue: '5' } } },
      { Id: '2', Message: 'b' },
    ],
    TopicArn: 'arn',
  };
  const wire = await capture(() => client.send(new sns.PublishBatchCommand(input)));
  t.deepEqual(query.decode(await ctx('sns', 'PublishBatch'), wire, {}), input);
  const tags = await capture(() => client.send(new sns.TagResourceCommand({ ResourceArn: 'arn', Tags: [] })));
  t.deepEqual(query.decode(await ctx('sns', 'TagResource'), tags, {}), { ResourceArn: 'arn', Tags: [] });
});

test('SNS Publish result encodes with resultWrapper and request id', async (t) => {
  const wire = query.encode(await ctx('sns', 'Publish'), { MessageId: 'mid-1' });
  t.is(wire.body, '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>mid-1</MessageId>' +
    '</PublishResult><ResponseMetadata><RequestId>REQ-Q</RequestId></ResponseMetadata></PublishResponse>');
  const out = await new sns.SNSClient({ ...clientConfig, requestHandler: respondHandler(wire) })
    .send(new sns.PublishCommand({ TopicArn: 'arn', Message: 'x' }));
  t.is(out.MessageId, 'mid-1');
  t.is(out.$metadata.requestId, 'REQ-Q');
});

test('a result with no members is one self-closing element, as AWS writes <ReceiveMessageResult/>', async (t) => {
  const wire = query.encode(await ctx('sns', 'ListTopics'), {});
  t.is(wire.body, '<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult/>' +
    '<ResponseMetadata><RequestId>REQ-Q</RequestId></ResponseMetadata></ListTopicsResponse>');
  const out = await new sns.SNSClient({ ...clientConfig, requestHandler: respondHandler(wire) }).send(new sns.ListTopicsCommand({}));
  t.is(out.Topics, undefined);
  t.is(out.$metadata.requestId, 'REQ-Q');
});

test('SNS list and map outputs encode (member, entry)', async (t) => {
  const wire = query.encode(await ctx('sns', 'GetTopicAttributes'), { Attributes: { Policy: '{"a":1}', Owner: '0' } });
  const out = await new sns.SNSClient({ ...clientConfig, requestHandler: respondHandler(wire) })
    .send(new sns.GetTopicAttributesCommand({ TopicArn: 'arn' }));
  t.deepEqual(out.Attributes, { Policy: '{"a":1}', Owner: '0' });
  const list = query.encode(await ctx('sns', 'ListTopics'), { Topics: [{ TopicArn: 'a1' }, { TopicArn: 'a2' }], NextToken: 'n' });
  const topics = await new sns.SNSClient({ ...clientConfig, requestHandler: respondHandler(list) }).send(new sns.ListTopicsCommand({}));
  t.deepEqual(topics.Topics, [{ TopicArn: 'a1' }, { TopicArn: 'a2' }]);
  t.is(topics.NextToken, 'n');
});

test('SNS error: ErrorResponse parsed by the SDK', async (t) => {
  const c = await ctx('sns', 'Publish');
  const wire = query.encodeError({ ...c, method: 'POST' }, new AwsError({ code: 'NotFound', status: 404, message: 'Topic does not exist' }));
  t.is(wire.body, '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>NotFound</Code>' +
    '<Message>Topic does not exist</Message></Error><RequestId>REQ-Q</RequestId></ErrorResponse>');
  const err = await t.throwsAsync(new sns.SNSClient({ ...clientConfig, requestHandler: respondHandler(wire) })
    .send(new sns.PublishCommand({ TopicArn: 'arn', Message: 'x' })));
  t.is(err?.name, 'NotFoundException');
  t.is(err?.message, 'Topic does not exist');
  const meta = (err as unknown as { $metadata: { httpStatusCode: number; requestId: string } }).$metadata;
  t.is(meta.httpStatusCode, 404);
  t.is(meta.requestId, 'REQ-Q');
});

test('STS GetCallerIdentity round trip', async (t) => {
  const client = new sts.STSClient({ ...clientConfig, requestHandler: captureHandler });
  const wire = await capture(() => client.send(new sts.GetCallerIdentityCommand({})));
  const params = queryParams(wire);
  t.is(params.get('Action'), 'GetCallerIdentity');
  t.is(params.get('Version'), '2011-06-15');
  const c = await ctx('sts', 'GetCallerIdentity');
  t.deepEqual(query.decode(c, wire, {}), {});
  const encoded = query.encode(c, { UserId: 'AKIA', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
  t.regex(String(encoded.body), /^<GetCallerIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><GetCallerIdentityResult>/);
  const out = await new sts.STSClient({ ...clientConfig, requestHandler: respondHandler(encoded) }).send(new sts.GetCallerIdentityCommand({}));
  t.is(out.Account, '000000000000');
  t.is(out.Arn, 'arn:aws:iam::000000000000:root');
  t.is(out.UserId, 'AKIA');
});

test('STS AssumeRole: timestamps encode as ISO 8601', async (t) => {
  const expiration = new Date('2030-01-01T00:00:00.000Z');
  const c = await ctx('sts', 'AssumeRole');
  const encoded = query.encode(c, {
    Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: expiration },
    AssumedRoleUser: { AssumedRoleId: 'id', Arn: 'arn' },
  });
  const out = await new sts.STSClient({ ...clientConfig, requestHandler: respondHandler(encoded) })
    .send(new sts.AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));
  t.deepEqual(out.Credentials?.Expiration, expiration);
  t.is(out.AssumedRoleUser?.Arn, 'arn');
});

test('SQS query errors use the legacy code and an empty Detail', async (t) => {
  const c = await ctx('sqs', 'GetQueueUrl');
  const wire = query.encodeError({ ...c, method: 'POST' }, new AwsError({
    code: 'QueueDoesNotExist', queryCode: 'AWS.SimpleQueueService.NonExistentQueue', status: 400, message: 'The specified queue does not exist.',
  }));
  t.is(wire.body, '<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type>' +
    '<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message><Detail/></Error>' +
    '<RequestId>REQ-Q</RequestId></ErrorResponse>');
});

test('a bad integer in a query request is a client error', async (t) => {
  const model = await loadModel('sqs');
  const op = model.operations.ReceiveMessage!;
  const err = t.throws(() => query.decode({ model, operation: op, requestId: 'r' },
    { method: 'POST', path: '/', query: '', headers: {}, body: Buffer.from('Action=ReceiveMessage&QueueUrl=q&MaxNumberOfMessages=abc') }, {})) as AwsError;
  t.is(err.status, 400);
  t.is(err.code, 'InvalidParameterValue');
});
test('an integer written as hex, exponent, fraction or padded is refused, not read as a number', async (t) => {
  // Found by fuzzing: Number() read DelaySeconds=0x10 as 16, and SendMessage accepted it.
  const model = await loadModel('sqs');
  const op = model.operations.SendMessage!;
  for (const text of ['0x10', '1e1', '1.5', ' 7', '7 ', 'Infinity']) {
    const body = Buffer.from(`Action=SendMessage&QueueUrl=q&MessageBody=m&DelaySeconds=${encodeURIComponent(text)}`);
    const err = t.throws(() => query.decode({ model, operation: op, requestId: 'r' }, { method: 'POST', path: '/', query: '', headers: {}, body }, {}), undefined, text) as AwsError;
    t.is(err.code, 'InvalidParameterValue', text);
    t.is(err.message, `Invalid value for parameter DelaySeconds: ${text}`);
  }
  const ok = query.decode({ model, operation: op, requestId: 'r' }, { method: 'POST', path: '/', query: '', headers: {}, body: Buffer.from('Action=SendMessage&QueueUrl=q&MessageBody=m&DelaySeconds=%2B10') }, {});
  t.is(ok.DelaySeconds, 10);
});


test('queryAction finds the Action as queryParams does, without parsing the whole form', (t) => {
  const wire = (query: string, body?: string): WireRequest => ({ method: 'POST', path: '/', query, headers: {}, ...(body === undefined ? {} : { body: Buffer.from(body) }) });
  const cases: Array<[string, string | undefined]> = [
    ['', 'Action=SendMessage&QueueUrl=x'],
    ['Action=FromQuery', 'QueueUrl=x&Action=FromBody&Action=Second'],
    ['Action=FromQuery', 'QueueUrl=x'],
    ['Action=FromQuery', undefined],
    ['', 'Act%69on=Encoded+Name&x=1'],
    ['', 'Action+=NotIt&Action=It'],
    ['', 'Action&x=1'],
    ['', 'Action=&x=1'],
    ['', 'A=1&&Action=Send%4Dessage'],
    ['', 'Actions=No&XAction=No'],
    ['', 'Action=%E0%A4%A'],
    ['', ''],
  ];
  for (const [query, body] of cases) {
    const request = wire(query, body);
    t.is(queryAction(request), queryParams(request).get('Action'), `${query} | ${body}`);
  }
});
