/**
 * A completed multipart object's Last-Modified is when its upload was initiated, not completed:
 * "For multipart uploads, the object creation date is the date of initiation of the multipart
 * upload" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html, Last-Modified;
 * openstack/swift test/s3api/test_mpu.py test_basic_upload, asserted against AWS). Was: the
 * completion time.
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand,
  ListObjectsV2Command, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';

test('HeadObject and ListObjectsV2 answer the upload\'s initiation time as LastModified', async (t) => {
  const server = await startBoltstack();
  try {
    const s3 = s3Client(server.endpoint);
    const Bucket = 'mpu-last-modified';
    const Key = 'object';
    await s3.send(new CreateBucketCommand({ Bucket }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const initiated = (await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads?.[0]?.Initiated;
    t.truthy(initiated);
    // Past the next whole second, so the two times differ as S3 renders them.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'body' }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
    t.is(head.LastModified?.getTime(), Math.floor(initiated!.getTime() / 1000) * 1000);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket }));
    t.is(listed.Contents?.[0]?.LastModified?.getTime(), initiated!.getTime());
  } finally {
    await server.stop();
  }
});
