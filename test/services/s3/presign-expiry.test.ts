/**
 * Presigned URLs expire as S3's do (src/gateway/presign-expiry.ts has the recorded answers):
 * 403 AccessDenied "Request has expired" with X-Amz-Expires (SigV4), Expires and ServerTime; a
 * week at most for SigV4; a URL dated ahead of the clock is "Request is not yet valid". Checked
 * before anything else: an expired URL to a missing bucket is the expiry, not NoSuchBucket.
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const field = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

async function bucketWithObject(): Promise<string> {
  const bucket = uniqueBucket('presign');
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'hello' }));
  return bucket;
}

test('SigV4: a GET signed an hour ago for 60 s is 403 "Request has expired" with S3\'s fields; a HEAD the bare 403', async (t) => {
  const bucket = await bucketWithObject();
  const signed = Date.now() - 3_600_000;
  const url = await getSignedUrl(s3Client(server.endpoint), new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60, signingDate: new Date(signed) });
  const before = Date.now();
  const got = await fetch(url);
  const xml = await got.text();
  t.is(got.status, 403);
  t.regex(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?<Error><Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>60<\/X-Amz-Expires><Expires>[^<]+<\/Expires><ServerTime>[^<]+<\/ServerTime><RequestId>/);
  t.is(field(xml, 'Expires'), iso(signed + 60_000));
  const serverTime = Date.parse(field(xml, 'ServerTime')!);
  t.true(serverTime >= Math.floor(before / 1000) * 1000 - 1000 && serverTime <= Date.now(), field(xml, 'ServerTime'));
  const head = await fetch(url.replace('x-id=GetObject', 'x-id=HeadObject'), { method: 'HEAD' });
  t.is(head.status, 403);
  t.is(await head.text(), '');
});

test('SigV4: a valid URL works, an expired PUT stores nothing, an expired URL to a missing bucket is the expiry', async (t) => {
  const bucket = await bucketWithObject();
  const s3 = s3Client(server.endpoint);
  const fresh = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 604_800 });
  const ok = await fetch(fresh);
  t.is(ok.status, 200);
  t.is(await ok.text(), 'hello');
  const old = new Date(Date.now() - 120_000);
  const put = await fetch(await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'late' }), { expiresIn: 60, signingDate: old }), { method: 'PUT', body: 'late' });
  t.is(put.status, 403);
  await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'late' })), { name: 'NotFound' });
  const missing = await fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket: `${bucket}-none`, Key: 'k' }), { expiresIn: 60, signingDate: old }));
  t.is(missing.status, 403);
  t.regex(await missing.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
});

test('SigV4: more than a week is AuthorizationQueryParametersError; 604800 s is accepted', async (t) => {
  const bucket = await bucketWithObject();
  // The SDK refuses to sign more than a week; S3 sees such URLs from other signers (the AWS CLI).
  const url = await getSignedUrl(s3Client(server.endpoint), new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 604_800 });
  const over = await fetch(url.replace('X-Amz-Expires=604800', 'X-Amz-Expires=604801'));
  t.is(over.status, 400);
  t.regex(await over.text(), /<Code>AuthorizationQueryParametersError<\/Code><Message>X-Amz-Expires must be less than a week \(in seconds\); that is, the given X-Amz-Expires must be less than 604800 seconds<\/Message><RequestId>/);
});

test('SigV4: dated an hour ahead is "Request is not yet valid" with X-Amz-Date in ms; five minutes ahead is within the skew S3 allows', async (t) => {
  const bucket = await bucketWithObject();
  const s3 = s3Client(server.endpoint);
  const ahead = Math.floor((Date.now() + 3_600_000) / 1000) * 1000;
  const early = await fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60, signingDate: new Date(ahead) }));
  const xml = await early.text();
  t.is(early.status, 403);
  t.regex(xml, /<Code>AccessDenied<\/Code><Message>Request is not yet valid<\/Message><X-Amz-Date>\d+<\/X-Amz-Date><Expires>[^<]+<\/Expires><ServerTime>/);
  t.is(field(xml, 'X-Amz-Date'), String(ahead));
  t.is(field(xml, 'Expires'), iso(ahead + 60_000));
  const skewed = await fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60, signingDate: new Date(Date.now() + 300_000) }));
  t.is(skewed.status, 200);
});

test('SigV2 (AWSAccessKeyId, Expires, Signature): past its Expires is 403 with Expires and ServerTime, no X-Amz-Expires', async (t) => {
  const bucket = await bucketWithObject();
  const past = Math.floor(Date.now() / 1000) - 30;
  const expired = await fetch(`${server.endpoint}/${bucket}/k?AWSAccessKeyId=test&Expires=${past}&Signature=c2lnbmF0dXJl`);
  const xml = await expired.text();
  t.is(expired.status, 403);
  t.regex(xml, /<Error><Code>AccessDenied<\/Code><Message>Request has expired<\/Message><Expires>[^<]+<\/Expires><ServerTime>[^<]+<\/ServerTime><RequestId>/);
  t.is(field(xml, 'Expires'), iso(past * 1000));
  const valid = await fetch(`${server.endpoint}/${bucket}/k?AWSAccessKeyId=test&Expires=${past + 3600}&Signature=c2lnbmF0dXJl`);
  t.is(valid.status, 200);
  // Without the other SigV2 parameters, Expires is not a presign's.
  t.is((await fetch(`${server.endpoint}/${bucket}/k?Expires=${past}`)).status, 200);
});
