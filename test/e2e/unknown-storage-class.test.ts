/**
 * Regression: an unknown x-amz-storage-class (`BOGUS`) was stored and listed back. S3 answers
 * 400 InvalidStorageClass naming it in StorageClassRequested, on PutObject,
 * CreateMultipartUpload and CopyObject; known classes are kept.
 */
import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, PutObjectCommand, type StorageClass,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';
import { errorOf } from '../helpers/errors.js';

test('an unknown storage class is InvalidStorageClass; a known one is kept', async (t) => {
  const server = await startBoltstack();
  try {
    const s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'storage-classes' }));
    const bogus = 'BOGUS' as StorageClass;
    const attempts = [
      s3.send(new PutObjectCommand({ Bucket: 'storage-classes', Key: 'k', Body: 'x', StorageClass: bogus })),
      s3.send(new CreateMultipartUploadCommand({ Bucket: 'storage-classes', Key: 'k', StorageClass: bogus })),
      s3.send(new CopyObjectCommand({ Bucket: 'storage-classes', Key: 'k', CopySource: 'storage-classes/src', StorageClass: bogus })),
    ];
    for (const attempt of attempts) {
      const err = await errorOf(attempt);
      t.is(err.name, 'InvalidStorageClass');
      t.is(err.$metadata.httpStatusCode, 400);
      t.is(err.message, 'The storage class you specified is not valid');
      t.is((err as unknown as Record<string, unknown>).StorageClassRequested, 'BOGUS');
    }
    t.is((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'storage-classes', Key: 'k' })))).$metadata.httpStatusCode, 404);
    await s3.send(new PutObjectCommand({ Bucket: 'storage-classes', Key: 'ia', Body: 'x', StorageClass: 'STANDARD_IA' }));
    t.is((await s3.send(new HeadObjectCommand({ Bucket: 'storage-classes', Key: 'ia' }))).StorageClass, 'STANDARD_IA');
  } finally {
    await server.stop();
  }
});
