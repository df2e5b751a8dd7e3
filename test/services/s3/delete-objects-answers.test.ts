/**
 * DeleteObjects' 200 answers as XML on the wire, against the sources that describe S3's: a key
 * that does not exist is reported Deleted, and Quiet mode lists only the keys that failed (an
 * all-successful quiet delete is an empty <DeleteResult>). The error answers are rows of
 * error-exactness.test.ts (error-exactness-rows6.ts).
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

const QUIET_DOC = 'AWS S3 developer guide, awsdocs/amazon-s3-developer-guide doc_source/DeletingMultipleObjects.md';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function bucketWith(keys: string[]): Promise<string> {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('delobj');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  return bucket;
}

async function deleteObjects(bucket: string, keys: string[], quiet = false): Promise<{ status: number; xml: string }> {
  const body = `<Delete>${quiet ? '<Quiet>true</Quiet>' : ''}${keys.map((k) => `<Object><Key>${k}</Key></Object>`).join('')}</Delete>`;
  const res = await signedRequest(server.endpoint, {
    method: 'POST', path: `/${bucket}`, query: 'delete=', body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
  });
  return { status: res.status, xml: res.body.toString('utf8') };
}

const all = (xml: string, element: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}>(.*?)</${element}>`, 'gs'))].map((m) => m[1]!);

// ceph/s3-tests test_s3.py::test_multi_object_delete: the same three keys deleted twice are
// reported Deleted both times, with no Errors.
test('keys that do not exist are reported Deleted, with no Errors [test_multi_object_delete]', async (t) => {
  const keys = ['key0', 'key1', 'key2'];
  const bucket = await bucketWith(keys);
  for (let round = 0; round < 2; round++) {
    const { status, xml } = await deleteObjects(bucket, keys);
    t.is(status, 200, xml);
    t.deepEqual(all(xml, 'Deleted').map((d) => all(d, 'Key')[0]), keys, xml);
    t.false(xml.includes('<Error>'), xml);
  }
});

// QUIET_DOC: "In quiet mode, the response includes only keys for which the delete operation
// encountered an error. If all keys are successfully deleted ..., Amazon S3 returns an empty response."
test('Quiet mode lists no Deleted keys, only the failures', async (t) => {
  const bucket = await bucketWith(['q1']);
  const ok = await deleteObjects(bucket, ['q1', 'never-there'], true);
  t.is(ok.status, 200, ok.xml);
  t.regex(ok.xml, /<DeleteResult[^>]*(\/>|><\/DeleteResult>)\s*$/, `${QUIET_DOC}: ${ok.xml}`);

  // An object key is at most 1,024 bytes: this one fails, and only it is listed.
  const long = 'k'.repeat(1100);
  const mixed = await deleteObjects(bucket, ['q2', long], true);
  t.is(mixed.status, 200, mixed.xml);
  t.is(all(mixed.xml, 'Deleted').length, 0, mixed.xml);
  t.deepEqual(all(mixed.xml, 'Error').map((e) => all(e, 'Key')[0]), [long], mixed.xml);
});
