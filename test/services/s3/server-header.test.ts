/**
 * S3 sends `Server: AmazonS3` on every answer, successes and errors alike (AWS "Common response
 * headers", RESTCommonResponseHeaders.html; radkawar/stackd testdata/aws/s3/owned_binary_headers.json,
 * raw headers of 200, 204, 206, 400, 412 and 416 answers, 2026-09-13). DynamoDB, SQS and SNS
 * answers do not carry it.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test('every S3 answer names the server AmazonS3: create, put, get, range, head, 404, 412, delete', async (t) => {
  const answers = [
    await signedRequest(server.endpoint, { method: 'PUT', path: '/server-header' }),
    await signedRequest(server.endpoint, { method: 'PUT', path: '/server-header/k', body: 'hello world' }),
    await signedRequest(server.endpoint, { method: 'GET', path: '/server-header/k' }),
    await signedRequest(server.endpoint, { method: 'GET', path: '/server-header/k', headers: { range: 'bytes=0-1' } }),
    await signedRequest(server.endpoint, { method: 'HEAD', path: '/server-header/k' }),
    await signedRequest(server.endpoint, { method: 'GET', path: '/server-header/missing' }),
    await signedRequest(server.endpoint, { method: 'HEAD', path: '/server-header/missing' }),
    await signedRequest(server.endpoint, { method: 'GET', path: '/server-header/k', headers: { 'if-match': '"nope"' } }),
    await signedRequest(server.endpoint, { method: 'DELETE', path: '/server-header/k' }),
  ];
  t.deepEqual(answers.map((a) => a.status), [200, 200, 200, 206, 200, 404, 404, 412, 204]);
  for (const answer of answers) t.is(answer.headers.server, 'AmazonS3', String(answer.status));
});

test('a DynamoDB answer does not name a server', async (t) => {
  const answer = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
    body: '{}',
  });
  await answer.arrayBuffer();
  t.is(answer.headers.get('server'), null);
});
