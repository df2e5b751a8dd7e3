/**
 * SQS as Ruby's fog-aws drives it (Debian ruby-fog-aws 3.15.0-1 on excon 0.88), captured through a
 * logging proxy while it ran against boltstack (2026-12-07) and replayed raw. fog signs SigV4
 * itself, sends `Host` without the port, form-encodes with %20 for a space, and posts every queue
 * call to the queue URL's path with the old SetQueueAttributes form (`Attribute.Name`,
 * `Attribute.Value`, no index), and no QueueUrl parameter. (The Ruby AWS SDK's SQS gem is not
 * packaged in Debian bookworm; fog is the Ruby client there.)
 *
 * Not replayed: fog finds the queue path by splitting the QueueUrl at ".com"
 * (lib/fog/aws/sqs.rb path_from_queue_url), so against an endpoint whose queue URLs hold no
 * ".com" (http://127.0.0.1:4566/...) it posts to "/http://127.0.0.1/000000000000/<name>" and no
 * queue call works; see docs/sqs.md.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { SigV4Signer } from '../../../src/bench/drivers/sigv4.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { xmlValue } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

/** fog's form encoding (Fog::AWS.escape): RFC 3986 unreserved kept, everything else %XX, so a space is %20. */
const fogEscape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A query POST as fog-aws sends it: Host without the port, form body sorted by name, SigV4 over content-type;host;x-amz-date. */
function fogPost(path: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(server.endpoint);
  const body = Object.keys({ ...params, Version: '2012-11-05' }).sort().map((k) => `${k}=${fogEscape({ ...params, Version: '2012-11-05' }[k]!)}`).join('&');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', host: url.hostname };
  Object.assign(headers, new SigV4Signer({ region: 'us-east-1', service: 'sqs', credentials: CREDENTIALS }).sign({ method: 'POST', path, headers, body }));
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path, headers: { 'user-agent': 'fog-core/2.3.0', ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

async function fogQueue(): Promise<string> {
  const created = await fogPost('/', { Action: 'CreateQueue', QueueName: uniqueQueue('fog') });
  const url = xmlValue(created.body, 'QueueUrl');
  if (created.status !== 200 || url === undefined) throw new Error(`CreateQueue: ${created.status} ${created.body}`);
  return new URL(url).pathname;
}

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

// Works as on AWS. fog's send_message and receive_message (AttributeName=All by default) to the
// queue path: MD5OfMessageBody and MD5OfBody are the MD5 of the body's UTF-8 bytes, not of its
// encoded form (AWS docs SendMessage: "An MD5 digest of the non-URL-encoded message body
// string"); the Ruby SDK's SQS client checks both.
test('fog Fog::AWS::SQS#send_message / #receive_message (queue path, Host without port, %20 in the body): MD5s of the UTF-8 body [AWS docs SendMessage]', async (t) => {
  const path = await fogQueue();
  const body = 'hello fog ü';
  const sent = await fogPost(path, { Action: 'SendMessage', MessageBody: body });
  t.is(sent.status, 200, sent.body);
  t.is(xmlValue(sent.body, 'MD5OfMessageBody'), md5(body));
  const got = await fogPost(path, { Action: 'ReceiveMessage', AttributeName: 'All' });
  t.is(got.status, 200, got.body);
  t.is(xmlValue(got.body, 'Body'), body);
  t.is(xmlValue(got.body, 'MD5OfBody'), md5(body));
  t.regex(got.body, /<Attribute><Name>ApproximateReceiveCount<\/Name><Value>1<\/Value><\/Attribute>/);
});

// Defect found (fixed in src/protocols/query/decode.ts, the map case): fog's
// set_queue_attributes sends `Attribute.Name=VisibilityTimeout&Attribute.Value=10`, one flattened
// map entry without its index, and boltstack answered 400 MissingParameter "Attributes". SQS takes
// it as one entry: boto 2's SQSConnection.set_queue_attribute sent exactly these two parameters
// (boto/sqs/connection.py, API version 2012-11-05) against SQS for years, as fog-aws 3.15 still
// does (lib/fog/aws/requests/sqs/set_queue_attributes.rb).
test('fog Fog::AWS::SQS#set_queue_attributes (Attribute.Name / Attribute.Value without an index): 200, the attribute set [boto 2 sqs/connection.py set_queue_attribute]', async (t) => {
  const path = await fogQueue();
  const set = await fogPost(path, { Action: 'SetQueueAttributes', 'Attribute.Name': 'VisibilityTimeout', 'Attribute.Value': '10' });
  t.is(set.status, 200, set.body);
  const got = await fogPost(path, { Action: 'GetQueueAttributes', AttributeName: 'VisibilityTimeout' });
  t.regex(got.body, /<Attribute><Name>VisibilityTimeout<\/Name><Value>10<\/Value><\/Attribute>/);
});
