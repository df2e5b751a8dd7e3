/** Errors the rest-xml protocol itself raises while decoding, with S3's codes and messages. */
import { AwsError } from '../../errors/aws-error.js';

export const malformedXml = (): AwsError => new AwsError({
  code: 'MalformedXML',
  status: 400,
  message: 'The XML you provided was not well-formed or did not validate against our published schema',
});

/** A header or query parameter whose value does not fit its type (e.g. max-keys=abc). */
export const invalidArgument = (name: string, value: string, message: string): AwsError => new AwsError({
  code: 'InvalidArgument',
  status: 400,
  message,
  fields: { ArgumentName: name, ArgumentValue: value },
});

/** x-amz-expected-bucket-owner given both as a header and in the query (a presigned URL's). */
export const expectedOwnerTwice = (): AwsError => new AwsError({
  code: 'InvalidBucketOwnerAWSAccountID',
  status: 400,
  message: 'Expected bucket owner must be provided as either a header or parameter, not both',
});

/**
 * A buffered request body (an XML document: DeleteObjects, CompleteMultipartUpload, a bucket
 * configuration) past the gateway's limit (gateway/read-body.ts, 16 MiB). S3 has no 413 in its
 * error list: its code for a request too long is MaxMessageLengthExceeded, 400, "Your request
 * was too big." (AWS S3 API reference, "Error responses", the list of error codes). No capture
 * of S3's answer to an over-long DeleteObjects was found: the closest modelled error.
 */
export const maxMessageLengthExceeded = (): AwsError => new AwsError({
  code: 'MaxMessageLengthExceeded',
  status: 400,
  message: 'Your request was too big.',
});
