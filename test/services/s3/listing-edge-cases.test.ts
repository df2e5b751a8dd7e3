/**
 * Regressions of the listing operations against S3's answers:
 * - max-keys=0 answered a truncated page with no next token, so a paginator looped forever;
 *   S3 answers an empty page that is not truncated.
 * - keys, prefixes, delimiters and markers come back raw (a newline stays a newline through the
 *   XML), and percent-encoded only when encoding-type=url was asked.
 * - an empty continuation token is 400 InvalidArgument, as S3 answers it.
 */
import test from 'ava';
import {
  CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
const bucket = 'listing-edges';
const KEYS = ['a\nb/one', 'a\nb/two', 'plain', 'sp ace/x', 'é/y'];
test.before(async () => {
  server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const Key of KEYS) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }));
});
test.after.always(async () => { await server?.stop(); });

test('max-keys=0: an empty page that is not truncated (v2 and v1)', async (t) => {
  const s3 = s3Client(server.endpoint);
  const v2 = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 0 }));
  t.is(v2.IsTruncated, false);
  t.is(v2.KeyCount, 0);
  t.is(v2.MaxKeys, 0);
  t.is(v2.Contents, undefined);
  t.is(v2.NextContinuationToken, undefined);
  const v1 = await s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 0, Delimiter: '/' }));
  t.is(v1.IsTruncated, false);
  t.is(v1.NextMarker, undefined);
  t.is(v1.Contents, undefined);
  t.is(v1.CommonPrefixes, undefined);
});

test('a paginator with max-keys=0 ends after one page', async (t) => {
  const s3 = s3Client(server.endpoint);
  let pages = 0;
  for await (const _ of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, MaxKeys: 0 })) {
    if (++pages > 3) break;
  }
  t.is(pages, 1);
});

test('a prefix holding a newline comes back as a newline; keys are raw without encoding-type', async (t) => {
  const s3 = s3Client(server.endpoint);
  const v2 = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', Prefix: 'a\n' }));
  t.is(v2.Prefix, 'a\n');
  t.deepEqual(v2.CommonPrefixes, [{ Prefix: 'a\nb/' }]);
  const all = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'a\nb/one' }));
  t.is(all.StartAfter, 'a\nb/one');
  t.deepEqual(all.Contents!.map((c) => c.Key), ['a\nb/two', 'plain', 'sp ace/x', 'é/y']);
  const v1 = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: 'a\nb/one', Delimiter: '/', MaxKeys: 1 }));
  t.is(v1.Marker, 'a\nb/one');
  t.deepEqual(v1.Contents?.map((c) => c.Key), ['plain']);
  t.is(v1.NextMarker, 'plain');
});

test('encoding-type=url percent-encodes keys, prefixes, delimiter and markers on the wire', async (t) => {
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'delimiter=%2F&encoding-type=url&list-type=2&prefix=a%0A' });
  t.is(res.status, 200);
  const xml = res.body.toString();
  t.true(xml.includes('<Prefix>a%0A</Prefix>'), xml);
  t.true(xml.includes('<CommonPrefixes><Prefix>a%0Ab/</Prefix></CommonPrefixes>'), xml);
  t.true(xml.includes('<Delimiter>/</Delimiter>'), xml);
  t.true(xml.includes('<EncodingType>url</EncodingType>'), xml);
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'list-type=2&prefix=sp%20' });
  t.true(raw.body.toString().includes('<Key>sp ace/x</Key>'));
});

test('an empty continuation token is 400 InvalidArgument', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: '' })));
  t.is(err.name, 'InvalidArgument');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'The continuation token provided is incorrect');
  t.is((err as unknown as Record<string, unknown>).ArgumentName, 'continuation-token');
});
