/**
 * S3's error answers for common mistakes, row by row against sources that ran against AWS
 * (error-exactness-rows*.ts cite each): the status, the error Code and Message in the XML, and
 * that the error document's RequestId is the x-amz-request-id header, as on AWS
 * (ceph/s3-tests test_s3.py::test_object_requestid_matches_header_on_error).
 */
import test from 'ava';
import { CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';
import { bucketRows, objectRows, type Row, type RowState } from './error-exactness-rows.js';
import { listingRows, missingChecksumRows, multipartRows, taggingRows } from './error-exactness-rows2.js';
import { bucketNamingRows, errorElementRows, framingRows, headAndConditionRows } from './error-exactness-rows3.js';
import { listingParamRows, multipartElementRows, taggingRows2 } from './error-exactness-rows4.js';
import { copySourceRows, rangeRows, tagOrderRows } from './error-exactness-rows5.js';
import { batchDeleteRows, headRangeRows, pageSizeRows } from './error-exactness-rows6.js';
import { motoConditionRows, motoHeadRows, motoLocationRows, motoTaggingRows } from './error-exactness-rows7.js';
import { localstackBucketRows } from './error-exactness-rows9.js';
import { getRangeRows, objectTaggingRows, uploadPartCopyRows } from './error-exactness-rows8.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const element = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? unescape(m[1]!) : undefined;
};

async function prepare(row: Row, i: number): Promise<RowState> {
  const s3 = s3Client(server.endpoint);
  const state: RowState = { bucket: uniqueBucket('exact'), key: `row-${i}` };
  await s3.send(new CreateBucketCommand({ Bucket: state.bucket }));
  for (const [suffix, body] of Object.entries(row.objects ?? {})) {
    await s3.send(new PutObjectCommand({ Bucket: state.bucket, Key: state.key + suffix, Body: body }));
  }
  if (row.objects?.[''] !== undefined) {
    const head = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${state.bucket}/${state.key}` });
    state.etag = head.headers.etag;
    state.lastModified = head.headers['last-modified'];
  }
  if (row.upload) {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: state.bucket, Key: state.key }));
    state.uploadId = UploadId!;
    state.parts = [];
    for (const [n, size] of row.upload.entries()) {
      const out = await s3.send(new UploadPartCommand({ Bucket: state.bucket, Key: state.key, UploadId, PartNumber: n + 1, Body: Buffer.alloc(size, n) }));
      state.parts.push({ n: n + 1, etag: out.ETag! });
    }
  }
  return state;
}

const rows = [
  ...bucketRows, ...objectRows, ...listingRows, ...taggingRows, ...missingChecksumRows, ...multipartRows,
  ...bucketNamingRows, ...errorElementRows, ...headAndConditionRows, ...framingRows, ...listingParamRows, ...multipartElementRows, ...taggingRows2,
  ...rangeRows, ...copySourceRows, ...tagOrderRows, ...pageSizeRows, ...batchDeleteRows, ...headRangeRows,
  ...motoLocationRows, ...motoHeadRows, ...motoConditionRows, ...motoTaggingRows,
  ...localstackBucketRows,
  ...uploadPartCopyRows, ...getRangeRows, ...objectTaggingRows,
];
for (const [i, row] of rows.entries()) {
  test(`${row.name} → ${row.status} ${row.code ?? ''} [${row.source.split('::')[1] ?? row.source}]`, async (t) => {
    const state = await prepare(row, i);
    const res = await signedRequest(server.endpoint, row.request(state));
    const xml = res.body.toString('utf8');
    t.is(res.status, row.status, xml);
    for (const [name, value] of Object.entries(row.headers ?? {})) t.is<string | null, string | null>(res.headers[name] ?? null, value, name);
    if (row.code === undefined) {
      if (row.status >= 300) t.is(res.body.length, 0, 'a 304 or HEAD error has no body');
      return;
    }
    t.is(element(xml, 'Code'), row.code, xml);
    if (row.message !== undefined) t.is(element(xml, 'Message'), row.message);
    const fields = typeof row.fields === 'function' ? row.fields(state) : row.fields;
    for (const [name, text] of Object.entries(fields ?? {})) t.is(element(xml, name) ?? null, text, name);
    if (row.sequence) {
      const at = row.sequence.map((name) => xml.indexOf(`<${name}>`));
      t.true(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)), `${row.sequence.join(' < ')} in ${xml}`);
    }
    t.true(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Error>'), xml);
    t.is(element(xml, 'RequestId'), res.headers['x-amz-request-id']);
  });
}
