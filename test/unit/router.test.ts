// The S3 router against requests serialized by the real SDK, and against bare requests (curl,
// other SDKs) that carry no `x-id` hint.
import test from 'ava';
import * as s3 from '@aws-sdk/client-s3';
import { loadModel } from '../../src/model/generated/index.js';
import { matchRestOperation } from '../../src/protocols/rest-xml/router.js';
import { capture, captureHandler, clientConfig } from '../protocol/sdk-harness.js';

const client = new s3.S3Client({ ...clientConfig, forcePathStyle: true, requestHandler: captureHandler,
  requestChecksumCalculation: 'WHEN_REQUIRED' });
const B = { Bucket: 'bkt' };
const K = { Bucket: 'bkt', Key: 'dir/a b.txt' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of heterogeneous commands
const sdkCases: [string, any][] = [
  ['ListBuckets', new s3.ListBucketsCommand({})],
  ['CreateBucket', new s3.CreateBucketCommand(B)],
  ['DeleteBucket', new s3.DeleteBucketCommand(B)],
  ['HeadBucket', new s3.HeadBucketCommand(B)],
  ['GetBucketLocation', new s3.GetBucketLocationCommand(B)],
  ['ListObjects', new s3.ListObjectsCommand(B)],
  ['ListObjectsV2', new s3.ListObjectsV2Command({ ...B, Prefix: 'a/' })],
  ['PutObject', new s3.PutObjectCommand({ ...K, Body: 'x' })],
  ['GetObject', new s3.GetObjectCommand(K)],
  ['HeadObject', new s3.HeadObjectCommand(K)],
  ['DeleteObject', new s3.DeleteObjectCommand(K)],
  ['CopyObject', new s3.CopyObjectCommand({ ...K, CopySource: 'src/key' })],
  ['DeleteObjects', new s3.DeleteObjectsCommand({ ...B, Delete: { Objects: [{ Key: 'a' }] } })],
  ['CreateMultipartUpload', new s3.CreateMultipartUploadCommand(K)],
  ['UploadPart', new s3.UploadPartCommand({ ...K, UploadId: 'u1', PartNumber: 1, Body: 'x' })],
  ['UploadPartCopy', new s3.UploadPartCopyCommand({ ...K, UploadId: 'u1', PartNumber: 1, CopySource: 'src/key' })],
  ['CompleteMultipartUpload', new s3.CompleteMultipartUploadCommand({ ...K, UploadId: 'u1', MultipartUpload: { Parts: [] } })],
  ['AbortMultipartUpload', new s3.AbortMultipartUploadCommand({ ...K, UploadId: 'u1' })],
  ['ListParts', new s3.ListPartsCommand({ ...K, UploadId: 'u1' })],
  ['ListMultipartUploads', new s3.ListMultipartUploadsCommand(B)],
  ['PutObjectTagging', new s3.PutObjectTaggingCommand({ ...K, Tagging: { TagSet: [] } })],
  ['GetObjectTagging', new s3.GetObjectTaggingCommand(K)],
  ['GetBucketLifecycleConfiguration', new s3.GetBucketLifecycleConfigurationCommand(B)],
];

for (const [expected, command] of sdkCases) {
  test(`SDK ${expected} routes to ${expected}`, async (t) => {
    const model = await loadModel('s3');
    const wire = await capture(() => client.send(command));
    const match = matchRestOperation(model, wire.method, wire.path, wire.query, wire.headers);
    t.is(match?.operation.name, expected, `${wire.method} ${wire.path}?${wire.query}`);
  });
}

const bareCases: [string, string, string, Record<string, string>, string][] = [
  ['GET', '/', '', {}, 'ListBuckets'],
  ['GET', '/bkt', '', {}, 'ListObjects'],
  ['GET', '/bkt/', 'list-type=2&prefix=a', {}, 'ListObjectsV2'],
  ['PUT', '/bkt', '', {}, 'CreateBucket'],
  ['PUT', '/bkt/k', '', {}, 'PutObject'],
  ['PUT', '/bkt/k', '', { 'x-amz-copy-source': '/a/b' }, 'CopyObject'],
  ['PUT', '/bkt/k', 'partNumber=1&uploadId=u', {}, 'UploadPart'],
  ['PUT', '/bkt/k', 'partNumber=1&uploadId=u', { 'x-amz-copy-source': '/a/b' }, 'UploadPartCopy'],
  ['POST', '/bkt/k', 'uploads', {}, 'CreateMultipartUpload'],
  ['POST', '/bkt/k', 'uploads=', {}, 'CreateMultipartUpload'],
  ['POST', '/bkt/k', 'uploadId=u', {}, 'CompleteMultipartUpload'],
  ['POST', '/bkt', 'delete', {}, 'DeleteObjects'],
  ['DELETE', '/bkt/k', 'uploadId=u', {}, 'AbortMultipartUpload'],
  ['DELETE', '/bkt/k', '', {}, 'DeleteObject'],
  ['GET', '/bkt/k', 'uploadId=u', {}, 'ListParts'],
  ['GET', '/bkt/k', '', {}, 'GetObject'],
  ['GET', '/bkt/k', 'tagging', {}, 'GetObjectTagging'],
  ['GET', '/bkt', 'tagging', {}, 'GetBucketTagging'],
  ['GET', '/bkt', 'lifecycle', {}, 'GetBucketLifecycleConfiguration'],
  ['HEAD', '/bkt', '', {}, 'HeadBucket'],
  ['HEAD', '/bkt/a/b/', '', {}, 'HeadObject'],
];

for (const [method, path, query, headers, expected] of bareCases) {
  test(`bare ${method} ${path}?${query} routes to ${expected}`, async (t) => {
    const match = matchRestOperation(await loadModel('s3'), method, path, query, headers);
    t.is(match?.operation.name, expected);
  });
}

test('labels are percent-decoded and the key keeps its slashes', async (t) => {
  const match = matchRestOperation(await loadModel('s3'), 'GET', '/my-bkt/dir%2Fsub/a%20b+c%25.txt/', '', {});
  t.deepEqual(match?.labels, { Bucket: 'my-bkt', Key: 'dir/sub/a b+c%.txt/' });
});

test('an unknown method matches nothing', async (t) => {
  t.is(matchRestOperation(await loadModel('s3'), 'PATCH', '/bkt/k', '', {}), undefined);
});
