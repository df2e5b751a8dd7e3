/**
 * Multipart uploads with S3's newer checksum algorithms (MD5, XXHASH64, XXHASH3), as native AWS
 * S3 answered them (radkawar/stackd testdata/aws/s3/checksum_algorithms_multipart_replay.json,
 * 2026; calls re-expressed as SDK inputs): FULL_OBJECT is refused for them, a COMPOSITE upload's
 * copied and uploaded parts answer and list their digests, the completion answers
 * "<digest of digests>-N", a repeated completion answers none, and reads answer the composite.
 * GetObjectAttributes rows: aws-captures-stackd-object-attributes.test.ts (the MD5 one, seq 12).
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand,
  ListPartsCommand, PutObjectCommand, UploadPartCommand, UploadPartCopyCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-checksum-mpu';
const SRC = 'radkawar/stackd testdata/aws/s3/checksum_algorithms_multipart_replay.json';
const LARGE = Buffer.alloc(5 * 1024 * 1024, 'A');
const SMALL = Buffer.from('checksum final part\n');
const MEMBERS = ['ChecksumCRC32', 'ChecksumCRC32C', 'ChecksumCRC64NVME', 'ChecksumSHA1', 'ChecksumSHA256', 'ChecksumMD5',
  'ChecksumSHA512', 'ChecksumXXHASH64', 'ChecksumXXHASH3', 'ChecksumXXHASH128'] as const;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const rows = [
  { algorithm: 'MD5', seq: '2-11', part1: 'uPyFeiXnlYhowvAD1eCVLQ==', part2: 'J0m7hCcJG9Zf7wwcA45fuQ==', object: 'f53SihZr8rZZOzrV6o5CKg==-2' },
  { algorithm: 'XXHASH64', seq: '28-40', part1: 'uXYKj9tQzeE=', part2: 'jK1xj1zFlFU=', object: 'gKfpg4EM1FI=-2' },
  { algorithm: 'XXHASH3', seq: '41-48', part1: 'Ywl+52vpzqE=', part2: 'pCyuonQS5fs=', object: 'ZCORpDFrcxY=-2' },
  { algorithm: 'XXHASH128', seq: '54-75', part1: '/ua/PkXRaphjCX7na+nOoQ==', part2: '9Bw/3sBdB1fI1cZzjBhuFw==', object: 'mpzpV7nvhq6pro693x+oDw==-2' },
] as const;

const others = (answer: object, except?: string) => {
  const record = answer as Record<string, unknown>;
  return MEMBERS.filter((name) => name !== except && record[name] !== undefined);
};

for (const row of rows) {
  test(`${row.algorithm}: FULL_OBJECT refused; a COMPOSITE upload's parts, listing, completion and reads [${SRC} seq ${row.seq} (2026)]`, async (t) => {
    const member = `Checksum${row.algorithm}` as const;
    const refused = await errorOf(s3.send(new CreateMultipartUploadCommand({ Bucket, Key: `${row.algorithm}-full`, ChecksumAlgorithm: row.algorithm, ChecksumType: 'FULL_OBJECT' })));
    t.is(refused.name, 'InvalidRequest');
    t.is(refused.$metadata.httpStatusCode, 400);

    const Key = `${row.algorithm}-composite`;
    const created = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'binary/octet-stream', ChecksumAlgorithm: row.algorithm }));
    t.is(created.ChecksumAlgorithm, row.algorithm);
    t.is(created.ChecksumType, 'COMPOSITE');
    const UploadId = created.UploadId;
    const source = await s3.send(new PutObjectCommand({ Bucket, Key: `${row.algorithm}-source`, Body: LARGE, ContentType: 'binary/octet-stream' }));
    t.is(source.ETag, '"b8fc857a25e7958868c2f003d5e0952d"');
    const copied = await s3.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: 1, CopySource: `${Bucket}/${row.algorithm}-source` }));
    t.is(copied.CopyPartResult?.ETag, '"b8fc857a25e7958868c2f003d5e0952d"');
    t.is(copied.CopyPartResult?.[member], row.part1);
    t.deepEqual(others(copied.CopyPartResult ?? {}, member), []);
    const uploaded = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: SMALL, [member]: row.part2 }));
    t.is(uploaded.ETag, '"2749bb8427091bd65fef0c1c038e5fb9"');
    t.is(uploaded[member], row.part2);

    const listed = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
    t.deepEqual(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size, p[member]]), [
      [1, '"b8fc857a25e7958868c2f003d5e0952d"', 5242880, row.part1], [2, '"2749bb8427091bd65fef0c1c038e5fb9"', 20, row.part2]]);
    for (const p of listed.Parts ?? []) t.deepEqual(others(p, member), []);
    t.is(listed.ChecksumAlgorithm, row.algorithm);
    t.is(listed.ChecksumType, 'COMPOSITE');
    t.is(listed.StorageClass, 'STANDARD');

    const MultipartUpload = { Parts: [
      { PartNumber: 1, ETag: '"b8fc857a25e7958868c2f003d5e0952d"', [member]: row.part1 },
      { PartNumber: 2, ETag: '"2749bb8427091bd65fef0c1c038e5fb9"', [member]: row.part2 }] };
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload, [member]: row.object, ChecksumType: 'COMPOSITE' }));
    t.is(done.ETag, '"7f9dd28a166bf2b6593b3ad5ea8e422a-2"');
    t.is(done[member], row.object);
    t.is(done.ChecksumType, 'COMPOSITE');
    t.deepEqual(others(done, member), []);
    const again = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload, [member]: row.object, ChecksumType: 'COMPOSITE' }));
    t.is(again.ETag, '"7f9dd28a166bf2b6593b3ad5ea8e422a-2"');
    t.deepEqual(others(again), []);
    t.is(again.ChecksumType, undefined);

    const got = await s3.send(new GetObjectCommand({ Bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(got.ContentLength, 5242900);
    t.is(got[member], row.object);
    t.is(got.ChecksumType, 'COMPOSITE');
    t.deepEqual(others(got, member), []);
    await got.Body?.transformToByteArray();
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(head[member], row.object);
    t.is(head.ChecksumType, 'COMPOSITE');
    // Raw: the SDK refuses to validate a whole-body XXHASH it has no implementation for.
    const part2 = await signedRequest(server.endpoint, { method: 'GET', path: `/${Bucket}/${Key}`, query: 'partNumber=2', headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    t.is(part2.status, 206);
    t.is(part2.headers['content-range'], 'bytes 5242880-5242899/5242900');
    t.is(part2.headers[`x-amz-checksum-${row.algorithm.toLowerCase()}`], row.part2);
    t.is(part2.headers['x-amz-checksum-type'], 'COMPOSITE');
    t.is(part2.headers['x-amz-mp-parts-count'], '2');
    t.deepEqual(part2.body, SMALL);
    const gone = await errorOf(s3.send(new ListPartsCommand({ Bucket, Key, UploadId })));
    t.is(gone.name, 'NoSuchUpload');
    t.is(gone.$metadata.httpStatusCode, 404);
  });
}

const XX128 = rows[3];
const parts128 = (second: string) => ({ Parts: [
  { PartNumber: 1, ETag: '"b8fc857a25e7958868c2f003d5e0952d"', ChecksumXXHASH128: XX128.part1 },
  { PartNumber: 2, ETag: '"2749bb8427091bd65fef0c1c038e5fb9"', ChecksumXXHASH128: second }] });

test(`XXHASH128 upload: a part naming another algorithm or with a wrong value, and completions with missing, wrong or miscounted checksums are refused; the upload then completes [${SRC} seq 55-69 (2026)]`, async (t) => {
  const Key = 'XXHASH128-refusals';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'XXHASH128' }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'XXHASH128-refusals-source', Body: LARGE }));
  await s3.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: 1, CopySource: `${Bucket}/XXHASH128-refusals-source` }));
  await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: SMALL, ChecksumXXHASH128: XX128.part2 }));
  // seq 62-63, raw: part 3 naming another algorithm, or with a wrong value. (seq 60-61, a part with
  // no checksum value: aws-captures-stackd-part-checksums.)
  const refusals: [Record<string, string>, string][] = [
    [{ 'x-amz-sdk-checksum-algorithm': 'SHA256', 'x-amz-checksum-xxhash128': XX128.part2 }, 'InvalidRequest'],
    [{ 'x-amz-checksum-xxhash128': 'AAAAAAAAAAAAAAAAAAAAAA==' }, 'BadDigest'],
  ];
  for (const [headers, code] of refusals) {
    const answer = await signedRequest(server.endpoint, {
      method: 'PUT', path: `/${Bucket}/${Key}`, query: `partNumber=3&uploadId=${encodeURIComponent(UploadId!)}`, headers, body: SMALL,
    });
    t.is(answer.status, 400, JSON.stringify(headers));
    t.regex(answer.body.toString(), new RegExp(`<Code>${code}</Code>`), JSON.stringify(headers));
  }
  const complete = (MultipartUpload: object, checksum?: string) => s3.send(new CompleteMultipartUploadCommand({
    Bucket, Key, UploadId, MultipartUpload, ...(checksum ? { ChecksumXXHASH128: checksum, ChecksumType: 'COMPOSITE' } : {}),
  }));
  // seq 64: no part checksums; 65: a wrong one; 66-68: the object's digest without its count, with a wrong count, wrong.
  const omitted = await errorOf(complete({ Parts: parts128(XX128.part2).Parts.map(({ PartNumber, ETag }) => ({ PartNumber, ETag })) }));
  t.is(omitted.name, 'InvalidRequest');
  t.is(omitted.$metadata.httpStatusCode, 400);
  const wrongPart = await errorOf(complete(parts128('AAAAAAAAAAAAAAAAAAAAAA==')));
  t.is(wrongPart.name, 'InvalidPart');
  t.is(wrongPart.$metadata.httpStatusCode, 400);
  for (const checksum of ['R+eX2x70I7IzTIRUcgdglQ==', 'mpzpV7nvhq6pro693x+oDw==-1', 'AAAAAAAAAAAAAAAAAAAAAA==-2']) {
    const err = await errorOf(complete(parts128(XX128.part2), checksum));
    t.is(err.name, 'BadDigest', checksum);
    t.is(err.$metadata.httpStatusCode, 400);
  }
  const done = await complete(parts128(XX128.part2), XX128.object);
  t.is(done.ChecksumXXHASH128, XX128.object);
  t.is(done.ETag, '"7f9dd28a166bf2b6593b3ad5ea8e422a-2"');
});

test(`an XXHASH128 upload completed with an x-amz-checksum-sha256 is BadDigest and kept; completed without one, it answers its composite [${SRC} seq 152-155 mismatched-complete (2026)]`, async (t) => {
  const Key = 'mismatched-complete';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'binary/octet-stream', ChecksumAlgorithm: 'XXHASH128' }));
  const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: SMALL, ChecksumXXHASH128: XX128.part2 }));
  t.is(part.ETag, '"2749bb8427091bd65fef0c1c038e5fb9"');
  const MultipartUpload = { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumXXHASH128: XX128.part2 }] };
  const refused = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload, ChecksumSHA256: 'sLjjYXnP/alJvFnpsu4YClmLp0BUTwQAzRaEqyxDGYw=-1' })));
  t.is(refused.name, 'BadDigest');
  t.is(refused.$metadata.httpStatusCode, 400);
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload }));
  t.is(done.ETag, '"891651d1bc23b3ce631bfa105ffe0bc7-1"');
  t.is(done.ChecksumXXHASH128, 'PToYZx3+apwVK9ojSfWLFA==-1');
  t.is(done.ChecksumType, 'COMPOSITE');
  t.deepEqual(others(done, 'ChecksumXXHASH128'), []);
});

test(`an upload created without an algorithm: a part checksum at completion is InvalidPart [${SRC} seq 76-80 (2026)]`, async (t) => {
  const Key = 'MD5-omitted-init';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'binary/octet-stream' }));
  const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: SMALL }));
  t.is(part.ETag, '"2749bb8427091bd65fef0c1c038e5fb9"');
  // seq 78, an MD5 object checksum at completion: aws-captures-stackd-part-checksums.
  const xml = await errorOf(s3.send(new CompleteMultipartUploadCommand({
    Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumMD5: 'J0m7hCcJG9Zf7wwcA45fuQ==' }] },
  })));
  t.is(xml.name, 'InvalidPart');
  t.is(xml.$metadata.httpStatusCode, 400);
});
