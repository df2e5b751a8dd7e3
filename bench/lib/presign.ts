/**
 * Presigned URLs (SigV4 query auth, UNSIGNED-PAYLOAD) for one endpoint, so load generators and
 * plain node:http can drive a server without an SDK in the loop. Checksum calculation is set to
 * WHEN_REQUIRED: otherwise newer SDKs put an x-amz-checksum-crc32 of the *empty* body into a
 * presigned PutObject URL, and the upload would fail its checksum.
 */
import {
  S3Client, GetObjectCommand, PutObjectCommand, CreateBucketCommand, ListObjectsV2Command,
  CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** s3rver only knows this key pair; boltstack takes any, so both servers get the same one. */
export const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const REGION = 'us-east-1';

export interface Presigner {
  createBucket(bucket: string): Promise<string>;
  putObject(bucket: string, key: string): Promise<string>;
  getObject(bucket: string, key: string): Promise<string>;
  listObjectsV2(bucket: string, maxKeys: number): Promise<string>;
  createMultipartUpload(bucket: string, key: string): Promise<string>;
  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number): Promise<string>;
  completeMultipartUpload(bucket: string, key: string, uploadId: string): Promise<string>;
  destroy(): void;
}

export function createPresigner(endpoint: string): Presigner {
  const client = new S3Client({
    endpoint, region: REGION, forcePathStyle: true, credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const opts = { expiresIn: 3600 };
  return {
    createBucket: (Bucket) => getSignedUrl(client, new CreateBucketCommand({ Bucket }), opts),
    putObject: (Bucket, Key) => getSignedUrl(client, new PutObjectCommand({ Bucket, Key }), opts),
    getObject: (Bucket, Key) => getSignedUrl(client, new GetObjectCommand({ Bucket, Key }), opts),
    listObjectsV2: (Bucket, MaxKeys) => getSignedUrl(client, new ListObjectsV2Command({ Bucket, MaxKeys }), opts),
    createMultipartUpload: (Bucket, Key) => getSignedUrl(client, new CreateMultipartUploadCommand({ Bucket, Key }), opts),
    uploadPart: (Bucket, Key, UploadId, PartNumber) => getSignedUrl(client, new UploadPartCommand({ Bucket, Key, UploadId, PartNumber }), opts),
    completeMultipartUpload: (Bucket, Key, UploadId) => getSignedUrl(client, new CompleteMultipartUploadCommand({ Bucket, Key, UploadId }), opts),
    destroy: () => client.destroy(),
  };
}
