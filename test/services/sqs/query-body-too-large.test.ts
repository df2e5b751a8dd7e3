/**
 * Regression (found by fuzzing): a signed query-protocol POST past the 16 MiB body limit was
 * answered with S3's <Error> XML, because the body is read to resolve the Action and its refusal
 * escaped before the protocol was known. A query client reads only <ErrorResponse>; the answer is
 * now RequestEntityTooLarge in the query protocol of the service the request is signed for.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test('a query body past the limit: 413 RequestEntityTooLarge as a query ErrorResponse', async (t) => {
  const reply = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'SendMessage', QueueUrl: `${server.endpoint}/000000000000/q`, MessageBody: 'x'.repeat(16 * 1024 * 1024) } });
  t.is(reply.status, 413);
  t.true(reply.body.startsWith('<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">'), reply.body);
  t.is(xmlValue(reply.body, 'Code'), 'RequestEntityTooLarge');
  t.is(xmlValue(reply.body, 'Type'), 'Sender');
});
