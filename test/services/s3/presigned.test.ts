/**
 * Presigned URLs as applications hand them to browsers and curl: a PUT and a GET made with
 * @aws-sdk/s3-request-presigner, used with plain fetch (no SDK, no Authorization header); the
 * region and service come from X-Amz-Credential in the query.
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { md5Hex, patternBuffer } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test('a presigned PUT and GET work with plain HTTP', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket();
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const key = 'uploads/ünï code & spaces.bin';
  const body = patternBuffer(200_000, 4);
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'application/x-test' }), { expiresIn: 300 });
  t.regex(putUrl, /X-Amz-Credential=/);
  const put = await fetch(putUrl, { method: 'PUT', body, headers: { 'content-type': 'application/x-test' } });
  t.is(put.status, 200, await put.clone().text());
  t.is(put.headers.get('etag'), `"${md5Hex(body)}"`);
  const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: 'attachment; filename="x.bin"' }), { expiresIn: 300 });
  const got = await fetch(getUrl);
  t.is(got.status, 200);
  t.is(got.headers.get('content-type'), 'application/x-test');
  t.is(got.headers.get('content-disposition'), 'attachment; filename="x.bin"');
  t.true(Buffer.from(await got.arrayBuffer()).equals(body));
  const head = await fetch(getUrl.replace(/\?.*/, ''), { method: 'HEAD' });
  t.is(head.status, 200, 'unsigned requests are accepted too: signatures are read, not verified');
});
