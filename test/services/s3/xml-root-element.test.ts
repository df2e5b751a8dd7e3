/**
 * A request document whose root element is not the one S3's schema names is MalformedXML, "The
 * XML you provided was not well-formed or did not validate against our published schema" (S3
 * validates every document against its schema: the message says so, and real answers to
 * documents that parse but break the schema carry it: andrewrk/node-s3-client#25, a <Delete>
 * with no <Object>; aws/aws-sdk-js#382). Regression: the root's name was never read, so
 * `<Foo><Object><Key>a</Key></Object></Foo>` sent as DeleteObjects deleted `a`.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket('xml-root');
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // One object per test: ava runs a file's tests concurrently.
  for (const Key of ['a', 'b', 'c']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }));
});
test.after.always(async () => { await server?.stop(); });

const md5 = (body: string): string => createHash('md5').update(body).digest('base64');
const MALFORMED = '<Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not validate against our published schema</Message>';

test('DeleteObjects with another root element: 400 MalformedXML, nothing deleted', async (t) => {
  const body = '<Foo><Object><Key>a</Key></Object></Foo>';
  const answer = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}`, query: 'delete=', body, headers: { 'content-md5': md5(body) } });
  t.is(answer.status, 400);
  t.true(answer.body.toString().includes(MALFORMED), answer.body.toString());
  t.truthy(await s3Client(server.endpoint).send(new HeadObjectCommand({ Bucket: bucket, Key: 'a' })));
});

test('PutObjectTagging with another root element: 400 MalformedXML, no tags set', async (t) => {
  const body = '<Tags><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tags>';
  const answer = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/b`, query: 'tagging=', body, headers: { 'content-md5': md5(body) } });
  t.is(answer.status, 400);
  t.true(answer.body.toString().includes(MALFORMED), answer.body.toString());
  const tags = await s3Client(server.endpoint).send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'b' }));
  t.deepEqual(tags.TagSet, []);
});

test('the right root element, with the namespace the SDKs write or none, still works', async (t) => {
  for (const body of ['<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>', '<Tagging><TagSet/></Tagging>']) {
    const answer = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/c`, query: 'tagging=', body, headers: { 'content-md5': md5(body) } });
    t.is(answer.status, 200, answer.body.toString());
  }
});
