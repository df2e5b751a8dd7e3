/**
 * x-amz-website-redirect-location on PutObject, CopyObject, CreateMultipartUpload and a POST
 * form: S3 refuses a value that does not begin with `/`, `http://` or `https://` with 400
 * InvalidRedirectLocation (S3's answer quoted in aws/aws-cli#1130, 2015; its error-code table).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-WebsiteRedirectLocation
 */
import { s3Errors } from './errors.js';

const PREFIX = /^(\/|https?:\/\/)/;

export function assertRedirectLocation(value: string | undefined): void {
  if (value !== undefined && !PREFIX.test(value)) throw s3Errors.invalidRedirectLocation();
}
