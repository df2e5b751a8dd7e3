/**
 * A hostile pass over the query protocol (SNS, STS, SQS query), session 26: a missing Action, odd
 * forms and encodings. Each answer is AWS's where a source tells it (named beside the row), else
 * the closest modelled error, and never a 500, a crash or a hang.
 *
 * Regression fixed here: SNS and STS answered a request without an Action InvalidAction naming an
 * empty action ("The action  is not valid for this web service."); it is MissingAction.
 */
import test from 'ava';
import type { Boltstack } from '../../src/index.js';
import { rawHttp, type RawResponse } from '../helpers/raw-http.js';
import { startBoltstack } from '../helpers/server.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const authFor = (service: string): string => `AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=x`;
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

function post(service: string | undefined, body: string, contentType: string | undefined = FORM): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (service !== undefined) headers.authorization = authFor(service);
  return rawHttp(server.endpoint, { method: 'POST', path: '/', headers, body });
}

const text = (answer: RawResponse): string => answer.body.toString();
const xmlValue = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

// The query APIs' MissingAction (SNS and STS API references, "Common Errors": MissingAction, "The
// request is missing an action or a required parameter.", 400). No capture of AWS's exact answer
// was found: the closest modelled error.
const MISSING_ACTION = 'The request is missing an action or a required parameter.';
for (const [service, row, body] of [
  ['sns', 'no Action', 'Version=2010-03-31'],
  ['sns', 'an empty Action', 'Action=&Version=2010-03-31'],
  ['sts', 'no Action', 'Version=2011-06-15'],
  ['sts', 'an empty Action', 'Action=&Version=2011-06-15'],
  [undefined, 'no Action and no signature', 'Version=2010-03-31'],
] as const) {
  test(`${service ?? 'unsigned form'}, ${row}: 400 MissingAction [AWS Query API common errors]`, async (t) => {
    const answer = await post(service, body);
    t.is(answer.status, 400);
    t.is(xmlValue(text(answer), 'Code'), 'MissingAction');
    t.is(xmlValue(text(answer), 'Message'), MISSING_ACTION);
    t.is(xmlValue(text(answer), 'Type'), 'Sender');
  });
}

test('SNS, a multipart/form-data body: its Action is not read, so 400 MissingAction [query protocol bodies are form-urlencoded: smithy aws-query-protocol]', async (t) => {
  const body = '--XX\r\nContent-Disposition: form-data; name="Action"\r\n\r\nListTopics\r\n--XX--\r\n';
  const answer = await post('sns', body, 'multipart/form-data; boundary=XX');
  t.is(answer.status, 400);
  t.is(xmlValue(text(answer), 'Code'), 'MissingAction');
});

// SQS keeps its own answer: 404 and a bare <UnknownOperationException/> (localstack test_sqs.py
// TestSqsQueryApi test_get_without_query_returns_unknown_operation, aws.validated).
test('SQS query without an Action: 404 <UnknownOperationException/> [localstack test_get_without_query_returns_unknown_operation]', async (t) => {
  const answer = await post('sqs', 'Version=2012-11-05');
  t.is(answer.status, 404);
  t.true(text(answer).includes('<UnknownOperationException/>'));
});

test('SNS: the Action in the query string of a GET is served, as the query protocol allows', async (t) => {
  const answer = await rawHttp(server.endpoint, { method: 'GET', path: '/?Action=ListTopics&Version=2010-03-31', headers: { authorization: authFor('sns') } });
  t.is(answer.status, 200);
  t.true(text(answer).includes('<ListTopicsResponse'));
});

test('SNS: "+" and "%20" both decode to a space (application/x-www-form-urlencoded)', async (t) => {
  const created = await post('sns', 'Action=CreateTopic&Name=plus-space&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=a+b%20c&Version=2010-03-31');
  t.is(created.status, 200);
  const arn = xmlValue(text(created), 'TopicArn')!;
  const read = await post('sns', `Action=GetTopicAttributes&TopicArn=${encodeURIComponent(arn)}&Version=2010-03-31`);
  t.true(text(read).includes('<key>DisplayName</key><value>a b c</value>'), text(read));
});

// Odd forms: none of them may become a 500, a hang or a dropped connection. AWS's exact answers
// for these are in no source found; each row checks only that a query-protocol answer comes back.
const big = 'a'.repeat(5 * 1024 * 1024);
for (const [row, body] of [
  ['a parameter with an empty name', 'Action=ListTopics&=x&Version=2010-03-31'],
  ['a repeated Action', 'Action=ListTopics&Action=Nope&Version=2010-03-31'],
  ['a bad escape in a name', 'Action=ListTopics&Na%zzme=1&Version=2010-03-31'],
  ['a bad escape in a value', 'Action=CreateTopic&Name=bad%zz&Version=2010-03-31'],
  ['a truncated escape', 'Action=CreateTopic&Name=bad%2&Version=2010-03-31'],
  ['a non-UTF-8 escape', 'Action=CreateTopic&Name=bad%FF&Version=2010-03-31'],
  ['list members with a gap, index 0 and index 10000', 'Action=CreateTopic&Name=gaps&Tags.member.0.Key=z&Tags.member.0.Value=0&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.3.Key=c&Tags.member.3.Value=3&Tags.member.10000.Key=x&Tags.member.10000.Value=x&Version=2010-03-31'],
  ['a name of 100,000 dots', `Action=ListTopics&${'a.'.repeat(100_000)}b=1&Version=2010-03-31`],
  ['200,000 parameters', `Action=ListTopics&Version=2010-03-31&${Array.from({ length: 200_000 }, (_, i) => `P${i}=1`).join('&')}`],
  ['a 5 MB value', `Action=ListTopics&Version=2010-03-31&X=${big}`],
] as const) {
  test(`SNS form with ${row}: a query-protocol answer, not a 500`, async (t) => {
    const answer = await post('sns', body);
    t.true(answer.status === 200 || answer.status === 400, `status ${answer.status}`);
    t.true(/<(\w+Response|ErrorResponse) xmlns="http:\/\/sns\.amazonaws\.com\/doc\/2010-03-31\/">/.test(text(answer)), text(answer).slice(0, 200));
  });
}
