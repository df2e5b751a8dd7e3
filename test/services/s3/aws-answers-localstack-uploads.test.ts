/**
 * ListMultipartUploads' listing answers as LocalStack's AWS-validated snapshots record them
 * (localstack/localstack tests/aws/services/s3/test_s3_list_operations.py, validated against AWS
 * on the date cited), through the SDK v3 default client, or raw where the XML matters. The rest
 * of the listing answers are in aws-answers-localstack-listing.test.ts.
 */
import test from 'ava';
import { CreateBucketCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

const LIST = 'localstack/localstack tests/aws/services/s3/test_s3_list_operations.py';
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function bucketWith(): Promise<{ s3: S3Client; bucket: string }> {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsu');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return { s3, bucket };
}
const prefixesOf = (out: { CommonPrefixes?: { Prefix?: string }[] }): string[] | undefined => out.CommonPrefixes?.map((c) => c.Prefix!);
/** The text of an element, '' for an empty one (<X/> or <X></X>), undefined when absent. */
const element = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:/>|>([^<]*)</${name}>)`).exec(xml);
  return m ? (m[1] ?? '') : undefined;
};
const FOLDER = ['folder/aSubfolder/subFile1', 'folder/aSubfolder/subFile2', 'folder/file1', 'folder/file2'];

// ---- ListMultipartUploads ----
// src/services/s3/operations/list-multipart-uploads.ts: S3 always sends NextKeyMarker and
// NextUploadIdMarker (empty unless the page ends on an upload, truncated or not), sends Prefix
// only when asked, ignores an upload-id marker without a key marker (echoing ""), refuses an
// upload-id marker of another key, and lists Initiated in whole seconds.

test(`ListMultipartUploads of a bucket without uploads: empty markers and next markers, no Prefix [${LIST}::TestS3ListMultipartUploads::test_list_multiparts_next_marker (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  const out = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  t.is(out.Bucket, bucket);
  t.is(out.KeyMarker, '');
  t.is(out.UploadIdMarker, '');
  t.is(out.NextKeyMarker, '');
  t.is(out.NextUploadIdMarker, '');
  t.is(out.MaxUploads, 1000);
  t.is(out.IsTruncated, false);
  t.is(out.Prefix, undefined);
  t.is(out.Uploads, undefined);
});

test(`ListMultipartUploads markers: by key then initiation; next markers name the last upload even when not truncated [${LIST}::TestS3ListMultipartUploads::test_list_multiparts_next_marker (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  const ids: string[] = [];
  for (const Key of ['test_c', 'test_b', 'test_a', 'test_a', 'test_a']) {
    ids.push((await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))).UploadId!);
  }
  const list = (extra: { MaxUploads?: number; KeyMarker?: string; UploadIdMarker?: string } = {}) => s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, ...extra }));
  const all = await list();
  t.deepEqual(all.Uploads?.map((u) => [u.Key, u.UploadId]), [['test_a', ids[2]], ['test_a', ids[3]], ['test_a', ids[4]], ['test_b', ids[1]], ['test_c', ids[0]]]);
  t.is(all.IsTruncated, false);
  t.is(all.NextKeyMarker, 'test_c');
  t.is(all.NextUploadIdMarker, ids[0]);
  const one = await list({ MaxUploads: 1 });
  t.deepEqual(one.Uploads?.map((u) => u.UploadId), [ids[2]]);
  t.is(one.IsTruncated, true);
  t.is(one.NextKeyMarker, 'test_a');
  t.is(one.NextUploadIdMarker, ids[2]);
  const keyOnly = await list({ MaxUploads: 1, KeyMarker: 'test_a' });
  t.deepEqual(keyOnly.Uploads?.map((u) => [u.Key, u.UploadId]), [['test_b', ids[1]]]);
  t.is(keyOnly.UploadIdMarker, '');
  t.is(keyOnly.NextKeyMarker, 'test_b');
  const past = await list({ MaxUploads: 1, KeyMarker: 'test_c' });
  t.is(past.Uploads, undefined);
  t.is(past.IsTruncated, false);
  t.is(past.NextKeyMarker, '');
  t.is(past.NextUploadIdMarker, '');
  // An upload-id marker without a key marker is ignored, and not echoed.
  const idOnly = await list({ MaxUploads: 1, UploadIdMarker: ids[2] });
  t.deepEqual(idOnly.Uploads?.map((u) => u.UploadId), [ids[2]]);
  t.is(idOnly.UploadIdMarker, '');
  t.is(idOnly.KeyMarker, '');
  const both = await list({ MaxUploads: 1, KeyMarker: 'test_a', UploadIdMarker: ids[2] });
  t.deepEqual(both.Uploads?.map((u) => u.UploadId), [ids[3]]);
  t.is(both.UploadIdMarker, ids[2]);
  t.is(both.NextUploadIdMarker, ids[3]);
  const lastOfKey = await list({ MaxUploads: 1, KeyMarker: 'test_a', UploadIdMarker: ids[4] });
  t.deepEqual(lastOfKey.Uploads?.map((u) => [u.Key, u.UploadId]), [['test_b', ids[1]]]);
  t.is(lastOfKey.IsTruncated, true);
  const final = await list({ MaxUploads: 1, KeyMarker: 'test_b', UploadIdMarker: ids[1] });
  t.deepEqual(final.Uploads?.map((u) => u.UploadId), [ids[0]]);
  t.is(final.IsTruncated, false);
  t.is(final.NextKeyMarker, 'test_c');
  t.is(final.NextUploadIdMarker, ids[0]);
  const emptyMarker = await list({ MaxUploads: 1, KeyMarker: '' });
  t.deepEqual(emptyMarker.Uploads?.map((u) => u.UploadId), [ids[2]]);
  t.is(emptyMarker.IsTruncated, true);
});

test(`ListMultipartUploads by prefix and delimiter: only common prefixes, empty next markers [${LIST}::TestS3ListMultipartUploads::test_list_multiparts_with_prefix_and_delimiter (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  const ids: string[] = [];
  for (const Key of ['test/foo/bar/123', 'test/foo/bar/456', 'test/bar/foo/123']) ids.push((await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))).UploadId!);
  for (const [Prefix, prefixes] of [['test/', ['test/bar/', 'test/foo/']], ['test/foo/', ['test/foo/bar/']], ['test/foo/bar', ['test/foo/bar/']]] as const) {
    const out = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix, Delimiter: '/', EncodingType: 'url' }));
    t.deepEqual(prefixesOf(out), [...prefixes], Prefix);
    t.is(out.Uploads, undefined);
    t.is(out.Prefix, Prefix);
    t.is(out.NextKeyMarker, '', Prefix);
    t.is(out.NextUploadIdMarker, '', Prefix);
  }
  const xml = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'prefix=test%2Ffoo&uploads=' })).body.toString();
  t.is(element(xml, 'Prefix'), 'test/foo');
  t.is(element(xml, 'KeyMarker'), '');
  t.is(element(xml, 'UploadIdMarker'), '');
  t.is(element(xml, 'NextKeyMarker'), 'test/foo/bar/456');
  t.is(element(xml, 'NextUploadIdMarker'), ids[1]);
  t.is(element(xml, 'EncodingType'), undefined);
});

test(`ListMultipartUploads: a page ending on a common prefix has empty next markers; a key marker inside a prefix skips it [${LIST}::TestS3ListMultipartUploads::test_list_multipart_uploads_marker_common_prefixes (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  const ids: string[] = [];
  for (const Key of FOLDER) ids.push((await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))).UploadId!);
  const page = (KeyMarker?: string) =>
    s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'folder/', Delimiter: '/', MaxUploads: 1, ...(KeyMarker === undefined ? {} : { KeyMarker }) }));
  const start = await page();
  t.deepEqual(prefixesOf(start), ['folder/aSubfolder/']);
  t.is(start.IsTruncated, true);
  t.is(start.NextKeyMarker, '');
  t.is(start.NextUploadIdMarker, '');
  for (const marker of ['folder/aSubfolder/', 'folder/aSubfolder/subFile1']) {
    const out = await page(marker);
    t.deepEqual(out.Uploads?.map((u) => [u.Key, u.UploadId]), [['folder/file1', ids[2]]], marker);
    t.is(out.CommonPrefixes, undefined, marker);
    t.is(out.IsTruncated, true, marker);
    t.is(out.NextKeyMarker, 'folder/file1', marker);
    t.is(out.NextUploadIdMarker, ids[2], marker);
  }
});

test(`ListMultipartUploads Initiated on the wire: seconds and ".000Z" [${LIST}::TestS3ListMultipartUploads::test_s3_list_multiparts_timestamp_precision (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'test-list-part-empty-marker' }));
  const xml = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'uploads=' })).body.toString();
  t.regex(element(xml, 'Initiated') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
});

test(`ListMultipartUploads upload-id-marker of another key: 400 InvalidArgument naming it [${LIST}::TestS3ListMultipartUploads::test_list_multiparts_next_marker (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith();
  const ids: string[] = [];
  for (const Key of ['test_c', 'test_b']) ids.push((await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))).UploadId!);
  const err = await errorOf(s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, MaxUploads: 1, KeyMarker: 'test_c', UploadIdMarker: ids[1] })));
  t.is(err.name, 'InvalidArgument');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'Invalid uploadId marker');
  t.is((err as unknown as Record<string, unknown>).ArgumentName, 'upload-id-marker');
  t.is((err as unknown as Record<string, unknown>).ArgumentValue, ids[1]);
});

// S3's answer byte for byte, measured by brekkylab/backlot tests/test_s3.py
// ::test_list_multipart_uploads_is_the_empty_page_real_serves_byte_for_byte and
// ::test_list_multipart_uploads_echoes_what_was_sent_in_reals_order (ap-northeast-2, 2026-09-10).
test('ListMultipartUploads: the empty page and the echoed parameters in S3\'s element order [brekkylab/backlot tests/test_s3.py (S3 measured 2026-09-10)]', async (t) => {
  const { bucket } = await bucketWith();
  const body = (query: string) => signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query }).then((r) => r.body.toString());
  const head = `<Bucket>${bucket}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>`;
  t.is(await body('uploads='),
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${head}<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>`);
  t.true((await body('delimiter=%2F&uploads=')).includes(`${head}<Delimiter>/</Delimiter><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>`));
  t.true((await body('delimiter=%2F&encoding-type=url&prefix=runbooks%2F&uploads=')).includes(
    `${head}<Delimiter>/</Delimiter><Prefix>runbooks/</Prefix><MaxUploads>1000</MaxUploads><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>`));
});
