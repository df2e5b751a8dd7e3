/**
 * Regression: request documents whose values do not fit the schema reached the handlers
 * (<PartNumber>0x10</PartNumber> became part 16, <PartNumber>99999999999</PartNumber> an
 * InvalidPart, a <Tag> without <Value> was stored, an <Object> without <Key> was a per-key
 * error in a 200). S3 validates a document against its published schema first: MalformedXML.
 * Query integers that are not int32 (max-keys=99999999999) are InvalidArgument.
 * Raw requests: the SDK never sends values of the wrong type.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { startBoltstack } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' };

function send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...AUTH, 'content-length': String(Buffer.byteLength(body ?? '')) };
    // DeleteObjects and the tagging operations need a body checksum (S3 refuses them without one).
    if (body !== undefined) headers['content-md5'] = createHash('md5').update(body).digest('base64');
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const MALFORMED = '<Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not validate against our published schema</Message>';

test('values of the wrong type and missing required elements are MalformedXML', async (t) => {
  t.is((await send('PUT', '/wrong-types')).status, 200);
  t.is((await send('PUT', '/wrong-types/k', 'x')).status, 200);
  const upload = await send('POST', '/wrong-types/mp?uploads');
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(upload.body)![1]!;
  const part = await send('PUT', `/wrong-types/mp?uploadId=${uploadId}&partNumber=16`, 'p');
  t.is(part.status, 200);

  const cases: [string, string, string][] = [
    ['POST', '/wrong-types?delete', '<Delete><Quiet>maybe</Quiet><Object><Key>k</Key></Object></Delete>'],
    ['POST', '/wrong-types?delete', '<Delete><Object></Object></Delete>'],
    ['PUT', '/wrong-types/k?tagging', '<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>'],
    ...['abc', '1.5', '1e3', '0x10', '99999999999', ''].map((n): [string, string, string] => ['POST', `/wrong-types/mp?uploadId=${uploadId}`,
      `<CompleteMultipartUpload><Part><PartNumber>${n}</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>`]),
  ];
  for (const [method, path, body] of cases) {
    const reply = await send(method, path, body);
    t.is(reply.status, 400, body);
    t.true(reply.body.includes(MALFORMED), `${body} → ${reply.body}`);
  }
  // Nothing was deleted, tagged or completed by any of them.
  t.is((await send('GET', '/wrong-types/k')).body, 'x');
  t.false((await send('GET', '/wrong-types/k?tagging')).body.includes('<Key>a</Key>'));
  t.is((await send('GET', `/wrong-types/mp?uploadId=${uploadId}`)).status, 200);
  // Whitespace around a value is collapsed, as XML Schema does: still a valid document.
  const quiet = await send('POST', '/wrong-types?delete', '<Delete><Quiet> true </Quiet><Object><Key>gone</Key></Object></Delete>');
  t.is(quiet.status, 200);
});

test('query integers that are not int32 are InvalidArgument naming the parameter', async (t) => {
  await send('PUT', '/wrong-query');
  for (const value of ['abc', '1.5', '0x10', '99999999999']) {
    const reply = await send('GET', `/wrong-query?list-type=2&max-keys=${value}`);
    t.is(reply.status, 400, value);
    t.true(reply.body.includes('<Code>InvalidArgument</Code><Message>Provided max-keys not an integer or within integer range</Message>'), reply.body);
    t.true(reply.body.includes(`<ArgumentName>max-keys</ArgumentName><ArgumentValue>${value}</ArgumentValue>`), reply.body);
  }
  // An int32 below zero is S3's other answer, naming "maxKeys" (brekkylab/backlot#192, S3 measured 2026-09-11).
  const negative = await send('GET', '/wrong-query?list-type=2&max-keys=-1');
  t.is(negative.status, 400);
  t.true(negative.body.includes('<Code>InvalidArgument</Code><Message>Argument maxKeys must be an integer between 0 and 2147483647</Message>'), negative.body);
  t.true(negative.body.includes('<ArgumentName>maxKeys</ArgumentName><ArgumentValue>-1</ArgumentValue>'), negative.body);
  const uploads = await send('GET', '/wrong-query?uploads&max-uploads=2147483648');
  t.is(uploads.status, 400);
  t.regex(uploads.body, /Provided max-uploads not an integer or within integer range/);
});
