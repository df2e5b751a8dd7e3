/**
 * Regression (found by fuzzing): the response-* overrides of GetObject and HeadObject were written
 * into the response headers verbatim. A CR LF in one split the response (uws: the request could add
 * headers of its own to the answer), and a control character left the request unanswered under
 * node:http, which refuses to write it. S3 refuses a value it cannot write as a header with
 * InvalidArgument naming the parameter ("Header value cannot be represented using ISO-8859-1.").
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
const bucket = 'response-overrides';
test.before(async () => {
  server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'hello' }));
});
test.after.always(async () => { await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number }; ArgumentName?: string }

test('GetObject: a CR LF or NUL in a response-* override is InvalidArgument naming the parameter', async (t) => {
  const s3 = s3Client(server.endpoint);
  const split = await t.throwsAsync(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ResponseContentType: 'text/plain\r\nX-Injected: 1' }))) as unknown as SdkError;
  t.is(split.name, 'InvalidArgument');
  t.is(split.$metadata.httpStatusCode, 400);
  t.is(split.message, 'Header value cannot be represented using ISO-8859-1.');
  t.is(split.ArgumentName, 'response-content-type');
  const nul = await t.throwsAsync(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ResponseContentDisposition: 'attachment\u0000' }))) as unknown as SdkError;
  t.is(nul.name, 'InvalidArgument');
  t.is(nul.ArgumentName, 'response-content-disposition');
  const wide = await t.throwsAsync(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ResponseContentDisposition: 'attachment; filename="中.txt"' }))) as unknown as SdkError;
  t.is(wide.name, 'InvalidArgument');
});

test('HeadObject refuses such an override too; a plain one still applies', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', ResponseCacheControl: 'no-cache\n' } as never))) as unknown as SdkError;
  t.is(err.$metadata.httpStatusCode, 400);
  const ok = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ResponseContentType: 'text/plain; charset=utf-8', ResponseCacheControl: 'max-age=60' }));
  t.is(ok.ContentType, 'text/plain; charset=utf-8');
  t.is(ok.CacheControl, 'max-age=60');
  t.is(await ok.Body!.transformToString(), 'hello');
});
