/**
 * Hostile pass 27 on the query API's JSON answers (src/protocols/query/answer-json.ts): every
 * spelling of an Accept header that names application/json gets JSON, one that does not gets
 * XML, and the error paths answer in JSON too, but for SQS's bare <UnknownOperationException/>
 * when there is no Action (localstack tests/aws/services/sqs/test_sqs.py TestSqsQueryApi,
 * test_get_without_query_json_format_returns_returns_xml, aws.validated). These held; pinned.
 */
import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const VERSIONS = { sqs: '2012-11-05', sts: '2011-06-15' } as const;

/** A signed query POST with the given Accept header (queryPost sends none). */
async function ask(service: 'sqs' | 'sts', params: Record<string, string>, accept: string): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(server.endpoint);
  const body = new URLSearchParams({ ...params, Version: VERSIONS[service] }).toString();
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service, sha256: NodeSha256 });
  const signed = await signer.sign(new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept }, body,
  }));
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: signed.headers, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

for (const accept of ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/xml, application/json', 'text/html,application/json;q=0.5', 'application/json;q=0.001', 'application/json;charset=utf-8;q=1']) {
  test(`Accept "${accept}": SQS and STS answer in JSON`, async (t) => {
    const sqs = await ask('sqs', { Action: 'ListQueues' }, accept);
    t.is(sqs.type, 'application/json');
    t.truthy((JSON.parse(sqs.body) as Record<string, unknown>).ListQueuesResponse);
    const sts = await ask('sts', { Action: 'GetCallerIdentity' }, accept);
    t.is(sts.type, 'application/json');
    t.is((JSON.parse(sts.body) as { GetCallerIdentityResponse: { GetCallerIdentityResult: { Account: string } } }).GetCallerIdentityResponse.GetCallerIdentityResult.Account, '000000000000');
  });
}

for (const accept of ['*/*', 'application/*', 'text/xml', 'application/jsonx']) {
  test(`Accept "${accept}" names no application/json: XML`, async (t) => {
    const sqs = await ask('sqs', { Action: 'ListQueues' }, accept);
    t.is(sqs.type, 'text/xml');
    t.regex(sqs.body, /^<ListQueuesResponse /);
  });
}

// RFC 9110 §12.4.2: q=0 is "not acceptable". No source shows SQS's answer; XML, the protocol's
// own, is what every query client reads (before the fix: JSON).
for (const accept of ['application/json;q=0', 'application/json; q=0.000', 'application/json;Q=0, text/xml']) {
  test(`Accept "${accept}" refuses JSON: XML`, async (t) => {
    const sqs = await ask('sqs', { Action: 'ListQueues' }, accept);
    t.is(sqs.type, 'text/xml');
    const sts = await ask('sts', { Action: 'GetCallerIdentity' }, accept);
    t.is(sts.type, 'text/xml');
  });
}

test('the error paths answer in JSON: unknown action, a missing queue, a missing parameter, STS validation and a missing action', async (t) => {
  const rows: [service: 'sqs' | 'sts', params: Record<string, string>, status: number, code: string][] = [
    ['sqs', { Action: 'Bogus' }, 400, 'InvalidAction'],
    ['sqs', { Action: 'GetQueueUrl', QueueName: 'hostile27-none' }, 400, 'AWS.SimpleQueueService.NonExistentQueue'],
    ['sqs', { Action: 'SetQueueAttributes', QueueUrl: `${server.endpoint}/000000000000/hostile27-none` }, 400, 'MissingParameter'],
    ['sts', { Action: 'AssumeRole', RoleArn: 'x', RoleSessionName: 'a b', DurationSeconds: '1' }, 400, 'ValidationError'],
    ['sts', {}, 400, 'MissingAction'],
  ];
  for (const [service, params, status, code] of rows) {
    const res = await ask(service, params, 'application/json');
    t.is(res.status, status, JSON.stringify(params));
    t.is(res.type, 'application/json');
    t.is((JSON.parse(res.body) as { Error: { Code: string } }).Error.Code, code);
  }
  const sts = await ask('sts', { Action: 'AssumeRole', RoleArn: 'x', RoleSessionName: 'a b', DurationSeconds: '1' }, 'application/json');
  t.regex((JSON.parse(sts.body) as { Error: { Message: string } }).Error.Message, /^3 validation errors detected: /);
});

test('SQS without an Action stays the bare XML document whatever Accept says [localstack TestSqsQueryApi]', async (t) => {
  const res = await ask('sqs', {}, 'application/json');
  t.is(res.status, 404);
  t.is(res.body, '<UnknownOperationException/>');
});
