/**
 * S3's POST Object (a browser form upload) as an operation the gateway can route, decode and
 * encode. It is in no AWS service model (the SDKs build it from a policy, not from the model:
 * @aws-sdk/s3-presigned-post, botocore's generate_presigned_post), so it is declared here, with
 * only what the wire layer needs: the bucket from the path, the multipart Content-Type (its
 * boundary), the body as a stream, and an answer of status, headers and an optional raw body.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
import type { OperationModel } from '../../../model/types.js';

export const POST_OBJECT: OperationModel = {
  name: 'PostObject',
  http: { method: 'POST', requestUri: '/{Bucket}' },
  streamingInput: true,
  input: {
    type: 'structure',
    payload: 'Body',
    required: ['Bucket'],
    members: {
      Bucket: { location: 'uri', locationName: 'Bucket' },
      ContentType: { location: 'header', locationName: 'Content-Type' },
      Body: { type: 'blob', streaming: true },
    },
  },
  output: {
    type: 'structure',
    payload: 'Body',
    members: {
      Status: { type: 'integer', location: 'statusCode' },
      ETag: { location: 'header', locationName: 'ETag' },
      Location: { location: 'header', locationName: 'Location' },
      ContentType: { location: 'header', locationName: 'Content-Type' },
      ServerSideEncryption: { location: 'header', locationName: 'x-amz-server-side-encryption' },
      Body: { type: 'blob' },
    },
  },
};

/** The input the gateway decodes for it (Body attached by the gateway, as for PutObject). */
export interface PostObjectInput {
  Bucket: string;
  ContentType?: string;
  Body?: import('../../bodies.js').IncomingBody;
}

/** The answer: a status, its headers, and the 201's PostResponse document. */
export interface PostObjectOutput {
  Status: number;
  ETag?: string;
  Location?: string;
  ContentType?: string;
  ServerSideEncryption?: string;
  Body?: Buffer;
}

/** multipart/form-data, whatever its case and parameters (RFC 9110 §8.3.1: type tokens are case-insensitive). */
export function isMultipartForm(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*multipart\/form-data\s*(;|$)/i.test(contentType);
}
