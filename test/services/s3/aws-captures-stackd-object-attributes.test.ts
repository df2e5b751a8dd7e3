/**
 * GetObjectAttributes on simple and multipart objects, as native AWS S3 answered it
 * (radkawar/stackd testdata/aws/s3/multipart_attributes_audit_replay.json, 2026-09-20, and the
 * GetObjectAttributes rows of multipart_authority_replay.json, 2026-09-20; calls re-expressed as
 * SDK inputs, the captured payloads, checksums and ETags kept). The captures ran in a versioned
 * bucket: their VersionId and delete-marker rows are not replayed (boltstack's buckets are never
 * versioned, so no x-amz-version-id is answered, as for GetObject).
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectAttributesCommand,
  type GetObjectAttributesCommandInput, ListPartsCommand, PutObjectCommand, UploadPartCommand, UploadPartCopyCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'attributes-audit-replay';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_attributes_audit_replay.json';
const AUTHORITY = 'radkawar/stackd testdata/aws/s3/multipart_authority_replay.json';
const ALL = ['Checksum', 'ObjectParts', 'ETag', 'ObjectSize', 'StorageClass'] as const;

test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
  // Objects seq 11: the ordinary object, with SHA256 and metadata that must not show.
  const ordinary = await s3.send(new PutObjectCommand({
    Bucket, Key: 'ordinary', Body: 'owned ordinary attributes audit\n', ChecksumAlgorithm: 'SHA256',
    Metadata: { 'private-probe-note': 'should-not-be-object-attributes-output' },
  }));
  if (ordinary.ChecksumSHA256 !== '2q8K0wELbnpLFV4rOkaPS1Ui/Eu6r6gsl3U/8jbVlp8=') throw new Error('ordinary setup differs from the capture');
  // Objects seq 12-15: a COMPOSITE SHA256 upload of 5 MiB of "a" and "owned final part\n".
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'multipart', ChecksumAlgorithm: 'SHA256' }));
  const bodies = [Buffer.alloc(5242880, 'a'), Buffer.from('owned final part\n')];
  const Parts = [];
  for (const [i, Body] of bodies.entries()) {
    const part = await s3.send(new UploadPartCommand({ Bucket, Key: 'multipart', UploadId, PartNumber: i + 1, Body, ChecksumAlgorithm: 'SHA256' }));
    Parts.push({ PartNumber: i + 1, ETag: part.ETag!, ChecksumSHA256: part.ChecksumSHA256! });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'multipart', UploadId, MultipartUpload: { Parts } }));
  if (done.ETag !== '"3609ef706bc79e8a805f3ebb2fbd0b32-2"' || done.ChecksumSHA256 !== 'f6dQUPWuHL6J79q1NtfVrfwJygE61vQx+nZQEmDozaY=-2') {
    throw new Error('multipart setup differs from the capture');
  }
});
test.after.always(async () => { await server?.stop(); });

const attributes = (input: Omit<GetObjectAttributesCommandInput, 'Bucket'>) => s3.send(new GetObjectAttributesCommand({ Bucket, ...input }));
/** The answer without the SDK's $metadata, LastModified checked apart. */
const shapeOf = ({ $metadata: _, LastModified, ...rest }: Awaited<ReturnType<typeof attributes>>) => {
  if (!(LastModified instanceof Date)) throw new Error('LastModified missing');
  return rest;
};

const rows: [string, Omit<GetObjectAttributesCommandInput, 'Bucket'>, object][] = [
  [`seq 1 case-ordinary-etag-only: only the ETag, unquoted`, { Key: 'ordinary', ObjectAttributes: ['ETag'] },
    { ETag: '1c5ec8ac2f6463813b57d37cc795426c' }],
  [`seq 2 case-ordinary-all: checksum and type, size, STANDARD; no ObjectParts for a simple object`, { Key: 'ordinary', ObjectAttributes: [...ALL] }, {
    Checksum: { ChecksumSHA256: '2q8K0wELbnpLFV4rOkaPS1Ui/Eu6r6gsl3U/8jbVlp8=', ChecksumType: 'FULL_OBJECT' },
    ETag: '1c5ec8ac2f6463813b57d37cc795426c', ObjectSize: 32, StorageClass: 'STANDARD',
  }],
  [`seq 3 case-multipart-all: the composite checksum without -N, and every part with its checksum`, { Key: 'multipart', ObjectAttributes: [...ALL] }, {
    Checksum: { ChecksumSHA256: 'f6dQUPWuHL6J79q1NtfVrfwJygE61vQx+nZQEmDozaY=', ChecksumType: 'COMPOSITE' },
    ETag: '3609ef706bc79e8a805f3ebb2fbd0b32-2',
    ObjectParts: {
      IsTruncated: false, MaxParts: 1000, NextPartNumberMarker: '2', PartNumberMarker: '0', TotalPartsCount: 2,
      Parts: [
        { ChecksumSHA256: 'oplo+tLngqqfIECjXwWtuX7Yl56x9XLIyOp4Y34nXzw=', PartNumber: 1, Size: 5242880 },
        { ChecksumSHA256: 'yVY3HOjFSv7/KRPFP6eADg5tsADFho3vGVk38d6eJfI=', PartNumber: 2, Size: 17 },
      ],
    },
    ObjectSize: 5242897, StorageClass: 'STANDARD',
  }],
  [`seq 4 case-multipart-page: MaxParts 1 after part 1 lists part 2, next marker 2, not truncated`,
    { Key: 'multipart', ObjectAttributes: ['ObjectParts', 'Checksum'], MaxParts: 1, PartNumberMarker: '1' }, {
      Checksum: { ChecksumSHA256: 'f6dQUPWuHL6J79q1NtfVrfwJygE61vQx+nZQEmDozaY=', ChecksumType: 'COMPOSITE' },
      ObjectParts: {
        IsTruncated: false, MaxParts: 1, NextPartNumberMarker: '2', PartNumberMarker: '1', TotalPartsCount: 2,
        Parts: [{ ChecksumSHA256: 'yVY3HOjFSv7/KRPFP6eADg5tsADFho3vGVk38d6eJfI=', PartNumber: 2, Size: 17 }],
      },
    }],
];
for (const [title, input, expected] of rows) {
  test(`GetObjectAttributes ${title} [${SRC}]`, async (t) => {
    const got = await attributes(input);
    t.is(got.$metadata.httpStatusCode, 200);
    t.deepEqual(shapeOf(got), expected);
  });
}

test(`GetObjectAttributes of a missing key is 404 NoSuchKey [${SRC} seq 5 case-missing]`, async (t) => {
  const err = await errorOf(attributes({ Key: 'missing', ObjectAttributes: [...ALL] }));
  t.is(err.$metadata.httpStatusCode, 404);
  t.is(err.name, 'NoSuchKey');
  t.is(err.message, 'The specified key does not exist.');
});

test(`GetObjectAttributes with MaxParts 1 from the start is truncated after part 1 [${SRC} seq 3-4: the pages ListParts gives]`, async (t) => {
  const got = await attributes({ Key: 'multipart', ObjectAttributes: ['ObjectParts'], MaxParts: 1 });
  t.like(got.ObjectParts, { IsTruncated: true, NextPartNumberMarker: '1', PartNumberMarker: '0', MaxParts: 1, TotalPartsCount: 2 });
  t.deepEqual(got.ObjectParts?.Parts?.map((p) => p.PartNumber), [1]);
});

test(`GetObjectAttributes of a multipart object made without a checksum algorithm answers no ObjectParts [${AUTHORITY} seq 407-409 key-restored/default-mpu]`, async (t) => {
  const Key = 'default-mpu';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  // The captured default upload's 28 bytes ("multipart authority payload\n").
  const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'multipart authority payload\n' }));
  await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag! }] } }));
  const got = await attributes({ Key, ObjectAttributes: ['ETag', 'ObjectSize', 'ObjectParts'] });
  t.is(got.ObjectParts, undefined);
  t.is(got.ObjectSize, 28);
  t.regex(got.ETag ?? '', /^[0-9a-f]{32}-1$/);
});

test(`GetObjectAttributes naming versionId=null answers the object, without a version id [${SRC} seq 1, in a never-versioned bucket as radkawar/stackd versioning_null.json]`, async (t) => {
  const got = await attributes({ Key: 'ordinary', ObjectAttributes: ['ObjectSize'], VersionId: 'null' });
  t.is(got.ObjectSize, 32);
  t.is(got.VersionId, undefined);
});

test('GetObjectAttributes with an attribute name S3 does not know is 400 InvalidArgument [scality/cloudserver tests/functional/aws-node-sdk/test/object/getObjectAttributes.js; the native capture saw InvalidArgument for BogusAttribute]', async (t) => {
  const err = await errorOf(attributes({ Key: 'ordinary', ObjectAttributes: ['BogusAttribute' as 'ETag'] }));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'InvalidArgument');
  t.is(err.message, 'Invalid attribute name specified.');
});

test(`a completion naming a part ETag that was not uploaded is 400 InvalidPart and keeps the upload and its part [${SRC} seq 8 case-invalid-completion, Verify seq 29]`, async (t) => {
  const Key = 'invalid-completion';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'owned admitted part' }));
  t.is(part.ETag, '"d5ebeecc7430ca43644a696dd1732270"');
  const err = await errorOf(s3.send(new CompleteMultipartUploadCommand({
    Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }] },
  })));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'InvalidPart');
  t.is(err.message, "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
  const listed = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
  t.deepEqual(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), [[1, '"d5ebeecc7430ca43644a696dd1732270"', 19]]);
  t.false(listed.IsTruncated);
});

test(`GetObjectAttributes of an MD5 COMPOSITE object with a copied and an uploaded part lists both parts' MD5 digests [radkawar/stackd testdata/aws/s3/checksum_algorithms_multipart_replay.json seq 3-12 MD5.attributes (2026)]`, async (t) => {
  const Key = 'MD5-composite';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'MD5' }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'MD5-source', Body: Buffer.alloc(5242880, 'A') }));
  await s3.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: 1, CopySource: `${Bucket}/MD5-source` }));
  await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: 'checksum final part\n', ChecksumMD5: 'J0m7hCcJG9Zf7wwcA45fuQ==' }));
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [
    { PartNumber: 1, ETag: '"b8fc857a25e7958868c2f003d5e0952d"', ChecksumMD5: 'uPyFeiXnlYhowvAD1eCVLQ==' },
    { PartNumber: 2, ETag: '"2749bb8427091bd65fef0c1c038e5fb9"', ChecksumMD5: 'J0m7hCcJG9Zf7wwcA45fuQ==' }] } }));
  t.is(done.ETag, '"7f9dd28a166bf2b6593b3ad5ea8e422a-2"');
  const got = await attributes({ Key, ObjectAttributes: ['Checksum', 'ObjectParts', 'ObjectSize', 'ETag'] });
  t.deepEqual(shapeOf(got), {
    ETag: '7f9dd28a166bf2b6593b3ad5ea8e422a-2',
    Checksum: { ChecksumMD5: 'f53SihZr8rZZOzrV6o5CKg==', ChecksumType: 'COMPOSITE' },
    ObjectParts: {
      TotalPartsCount: 2, PartNumberMarker: '0', NextPartNumberMarker: '2', MaxParts: 1000, IsTruncated: false,
      Parts: [{ PartNumber: 1, Size: 5242880, ChecksumMD5: 'uPyFeiXnlYhowvAD1eCVLQ==' }, { PartNumber: 2, Size: 20, ChecksumMD5: 'J0m7hCcJG9Zf7wwcA45fuQ==' }],
    },
    ObjectSize: 5242900,
  });
});
