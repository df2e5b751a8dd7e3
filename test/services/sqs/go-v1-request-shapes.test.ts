/**
 * SQS as the AWS SDK for Go v1 drives it: Debian's golang-github-aws-aws-sdk-go-dev 1.44.133-1
 * (query protocol), captured with `LogLevel: aws.LogLevel(aws.LogDebugWithHTTPBody)` while a Go
 * program drove boltstack (2026-12-07) and replayed here byte for byte. Its parameters are the
 * ones Go v2 1.19.12 sends (go-request-shapes.test.ts pins those); what differs is the envelope —
 * `Content-Type: application/x-www-form-urlencoded; charset=utf-8`, no amz-sdk-* headers, signed
 * content-length;content-type;host;x-amz-date — and what v1 checks: only the MD5 of each body
 * (service/sqs/checksums.go; it does not check MD5OfMessageAttributes), against the text as
 * Go's encoding/xml decodes it.
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
import { goForm } from './go-form.js';

const GO = 'aws-sdk-go 1.44.133 service/sqs';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; body: string }

/** POSTs a body as Go v1 sends it (see the header). */
async function goPost(body: string): Promise<Answer> {
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sqs', sha256: NodeSha256 });
  const request = new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', body,
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) },
  });
  const signed = await signer.sign(request);
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: { ...signed.headers, 'user-agent': 'aws-sdk-go/1.44.133 (go1.19.8; linux; amd64)', 'accept-encoding': 'gzip' }, body });
  return { status: res.status, body: await res.text() };
}

/**
 * The text of each <name> element as Go's encoding/xml hands it to the unmarshaler: a literal CR
 * or CRLF becomes LF (XML 1.0 §2.11, which Go applies), then the character references and the
 * five named entities are decoded, so only a CR written as `&#13;`/`&#xD;` survives.
 */
function goXmlTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!
    .replace(/\r\n?/g, '\n')
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

const md5Hex = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

// v1 fails ReceiveMessage with "InvalidChecksum" when md5(Body) differs from MD5OfBody
// (service/sqs/checksums.go verifyReceiveMessage), Body being what encoding/xml decoded. AWS writes
// a CR in a body as a character reference for that reason (SQS returns "&#xD;"; any escaped form
// works; a literal CR does not).
test(`${GO} SendMessage of a body with CRLF, CR, a tab and "]]>", then ReceiveMessage (MessageAttributeName.1=All): the body back intact through encoding/xml, md5 equal to MD5OfBody`, async (t) => {
  const created = await goPost(goForm({ Action: 'CreateQueue', QueueName: uniqueQueue('gov1-cr'), Version: '2012-11-05' }));
  const queueUrl = xmlValue(created.body, 'QueueUrl')!;
  const body = 'line1\r\nline2\rend\ttab ]]> &amp;';
  const sent = await goPost(goForm({
    Action: 'SendMessage', QueueUrl: queueUrl, Version: '2012-11-05', MessageBody: body,
    'MessageAttribute.1.Name': 'cr', 'MessageAttribute.1.Value.DataType': 'String', 'MessageAttribute.1.Value.StringValue': 'a\r\nb',
  }));
  t.is(sent.status, 200, sent.body);
  t.is(xmlValue(sent.body, 'MD5OfMessageBody'), md5Hex(body));
  const received = await goPost(goForm({ Action: 'ReceiveMessage', MaxNumberOfMessages: '10', 'MessageAttributeName.1': 'All', QueueUrl: queueUrl, Version: '2012-11-05' }));
  t.is(received.status, 200, received.body);
  const [decoded] = goXmlTexts(received.body, 'Body');
  t.is(decoded, body);
  t.is(xmlValues(received.body, 'MD5OfBody')[0], md5Hex(decoded!));
  t.deepEqual(goXmlTexts(received.body, 'StringValue'), ['a\r\nb']);
});
