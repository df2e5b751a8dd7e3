/**
 * Upload and part listings as native AWS S3 answered them (radkawar/stackd
 * testdata/aws/s3/multipart_raw_replay.json, 2026): a non-numeric max-uploads, max-parts or
 * part-number-marker, and an upload-id-marker naming an upload aborted since.
 */
import test from 'ava';
import { AbortMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-mpu-read-list';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_raw_replay.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const element = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

test(`a non-numeric max-uploads, max-parts or part-number-marker is 400 InvalidArgument naming it [${SRC} seq 20 uploads-max-abc, 21 parts-max-abc, 26 parts-marker-abc]`, async (t) => {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'a same' }));
  const id = encodeURIComponent(UploadId!);
  for (const [path, query, name] of [
    [`/${Bucket}/`, 'uploads=&max-uploads=abc', 'max-uploads'], [`/${Bucket}/a%20same`, `uploadId=${id}&max-parts=abc`, 'max-parts'],
    [`/${Bucket}/a%20same`, `uploadId=${id}&part-number-marker=abc`, 'part-number-marker'],
  ] as const) {
    const res = await signedRequest(server.endpoint, { method: 'GET', path, query });
    const xml = res.body.toString();
    t.is(res.status, 400, xml);
    t.is(element(xml, 'Code'), 'InvalidArgument', name);
    t.is(element(xml, 'ArgumentName'), name);
    t.is(element(xml, 'ArgumentValue'), 'abc');
  }
  await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'a same', UploadId }));
});

test(`an upload-id-marker naming an upload aborted since still pages from where it stood [${SRC} seq 30 upload-marker-1, 31 abort-middle-upload, 32 upload-marker-deleted]`, async (t) => {
  const create = async (Key: string) => (await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }))).UploadId!;
  const [a4, a5, a6] = [await create('m/a same'), await create('m/a same'), await create('m/a same')];
  const rest = [await create('m/dir space/plus+name'), await create('m/dir space/üé'), await create('m/dir space/nested/leaf'), await create('m/z last')];
  const list = () => s3.send(new ListMultipartUploadsCommand({ Bucket, Prefix: 'm/', KeyMarker: 'm/a same', UploadIdMarker: a5 }));
  const expected = [['m/a same', a6], ['m/dir space/nested/leaf', rest[2]], ['m/dir space/plus+name', rest[0]], ['m/dir space/üé', rest[1]], ['m/z last', rest[3]]];
  for (const when of ['before', 'after']) {
    const out = await list();
    t.deepEqual(out.Uploads?.map((u) => [u.Key, u.UploadId]), expected, when);
    t.is(out.NextKeyMarker, 'm/z last');
    t.is(out.NextUploadIdMarker, rest[3]);
    t.false(out.IsTruncated);
    t.is(out.UploadIdMarker, a5);
    if (when === 'before') await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'm/a same', UploadId: a5 }));
  }
  t.truthy(a4);
});
