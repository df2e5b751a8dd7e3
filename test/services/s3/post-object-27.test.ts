/**
 * POST Object with two form fields of one name. AWS documents the answer: "If you have multiple
 * fields with the same name, the values must be separated by commas. For example, if you have two
 * fields named "x-amz-meta-tag" and the first one has a value of "Ninja" and second has a value of
 * "Stallman", you would set the policy document to Ninja,Stallman" (Amazon S3 Developer Guide,
 * "HTML Forms (AWS Signature Version 2)", Conditions; awsdocs/amazon-s3-developer-guide
 * doc_source/HTTPPOSTForms.md). boltstack reads such a form as one field whose value is the
 * values joined by commas in form order (post-object/fields.ts); these rows pin the documented
 * example so the join cannot silently change.
 */
import test from 'ava';
import { CreateBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  bucket = uniqueBucket('post27');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { s3?.destroy(); await server?.stop(); });

/** A signed form for Key whose policy requires x-amz-meta-tag to equal `expected`, sent with two x-amz-meta-tag fields. */
async function postTwoTags(Key: string, expected: string): Promise<Response> {
  const post = await createPresignedPost(s3, { Bucket: bucket, Key, Expires: 300, Conditions: [{ 'x-amz-meta-tag': expected }] });
  const data = new FormData();
  for (const [name, value] of Object.entries(post.fields)) data.append(name, value);
  data.append('x-amz-meta-tag', 'Ninja');
  data.append('x-amz-meta-tag', 'Stallman');
  data.append('file', new Blob(['body']), 'upload.bin');
  return fetch(post.url, { method: 'POST', body: data, redirect: 'manual' });
}

test('two x-amz-meta-tag fields match a policy naming "Ninja,Stallman", and the object carries that value [HTTPPOSTForms, Conditions note]', async (t) => {
  const res = await postTwoTags('two-tags.txt', 'Ninja,Stallman');
  t.is(res.status, 204, await res.text());
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'two-tags.txt' }))).Metadata?.tag, 'Ninja,Stallman');
});

test('two x-amz-meta-tag fields do not match a policy naming only the first value: 403, nothing stored [HTTPPOSTForms, Conditions note]', async (t) => {
  const res = await postTwoTags('one-tag.txt', 'Ninja');
  t.is(res.status, 403);
  t.regex(await res.text(), /<Code>AccessDenied<\/Code>/);
  await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'one-tag.txt' })));
});
