/**
 * x-amz-storage-class on PutObject, CreateMultipartUpload and CopyObject: S3 refuses a class it
 * does not know with 400 InvalidStorageClass, naming it in <StorageClassRequested>. The list is
 * the model's StorageClass enum less OUTPOSTS, which only S3 on Outposts accepts.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-StorageClass
 */
import { s3Errors } from './errors.js';

const STORAGE_CLASSES: ReadonlySet<string> = new Set([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER',
  'DEEP_ARCHIVE', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE', 'FSX_OPENZFS', 'FSX_ONTAP',
]);

export function assertStorageClass(value: string | undefined): void {
  if (value !== undefined && !STORAGE_CLASSES.has(value)) throw s3Errors.invalidStorageClass(value);
}
