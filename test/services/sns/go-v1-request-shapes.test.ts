/**
 * SNS as the AWS SDK for Go v1 drives it: Debian's golang-github-aws-aws-sdk-go-dev 1.44.133-1
 * (query protocol), captured with `LogLevel: aws.LogLevel(aws.LogDebugWithHTTPBody)` while a Go
 * program drove boltstack (2026-12-07). Its SNS parameters are the ones Go v2 1.18.3 sends
 * (go-request-shapes.test.ts pins those); only the envelope differs (`Content-Type:
 * application/x-www-form-urlencoded; charset=utf-8`, no amz-sdk-* headers). Pinned here is the
 * one delivery Go v1 checks on the SQS side: a raw delivery's body against its MD5OfBody
 * (service/sqs/checksums.go), read through Go's encoding/xml.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import { xmlValue, xmlValues } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const GO = 'aws-sdk-go 1.44.133 service/sns';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

/** Go's encoding of one value (net/url QueryEscape): a space is "+", only A-Za-z0-9 -_.~ stay. */
const goEscape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
const goForm = (params: Record<string, string>): string => Object.keys(params).sort().map((k) => `${k}=${goEscape(params[k]!)}`).join('&');

/** POSTs form parameters as Go v1 sends them (see the header); the answer's text. */
async function goPost(service: 'sns' | 'sqs', params: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(server.endpoint);
  const body = goForm(params);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service, sha256: NodeSha256 });
  const request = new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', body,
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) },
  });
  const signed = await signer.sign(request);
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: { ...signed.headers, 'user-agent': 'aws-sdk-go/1.44.133 (go1.19.8; linux; amd64)', 'accept-encoding': 'gzip' }, body });
  return { status: res.status, body: await res.text() };
}

async function ok(service: 'sns' | 'sqs', params: Record<string, string>, element: string): Promise<string> {
  const answer = await goPost(service, params);
  const value = xmlValue(answer.body, element);
  if (answer.status !== 200 || value === undefined) throw new Error(answer.body);
  return value;
}

/** Each <name> text as Go's encoding/xml decodes it: literal CR/CRLF fold to LF, then references. */
function goXmlTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!
    .replace(/\r\n?/g, '\n')
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

// A raw delivery hands SQS the Message as the body (SNS docs, "Amazon SNS raw message delivery");
// Go v1's ReceiveMessage then fails with InvalidChecksum unless md5(Body as decoded) is MD5OfBody.
test(`${GO} Publish of a Message with CRLF and CR to a RawMessageDelivery sqs subscription, then sqs ReceiveMessage: the body intact through encoding/xml, md5 equal to MD5OfBody`, async (t) => {
  const topicArn = await ok('sns', { Action: 'CreateTopic', Name: `gov1-cr-${process.pid}-${Date.now().toString(36)}`, Version: '2010-03-31' }, 'TopicArn');
  const queueUrl = await ok('sqs', { Action: 'CreateQueue', QueueName: uniqueQueue('gov1-sns-cr'), Version: '2012-11-05' }, 'QueueUrl');
  const queueArn = await ok('sqs', { Action: 'GetQueueAttributes', 'AttributeName.1': 'QueueArn', QueueUrl: queueUrl, Version: '2012-11-05' }, 'Value');
  await ok('sns', {
    Action: 'Subscribe', 'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true',
    Endpoint: queueArn, Protocol: 'sqs', TopicArn: topicArn, Version: '2010-03-31',
  }, 'SubscriptionArn');
  const message = 'line1\r\nline2\rend\ttab ]]> &amp;';
  await ok('sns', { Action: 'Publish', Message: message, TopicArn: topicArn, Version: '2010-03-31' }, 'MessageId');
  const received = await goPost('sqs', { Action: 'ReceiveMessage', MaxNumberOfMessages: '10', QueueUrl: queueUrl, Version: '2012-11-05', WaitTimeSeconds: '2' });
  t.is(received.status, 200, received.body);
  const [decoded] = goXmlTexts(received.body, 'Body');
  t.is(decoded, message);
  t.is(xmlValues(received.body, 'MD5OfBody')[0], createHash('md5').update(decoded!, 'utf8').digest('hex'));
});
