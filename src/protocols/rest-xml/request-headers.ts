/**
 * The request-id headers S3 puts on every response. x-amz-id-2 is AWS's "host id"; ours is
 * derived from the request id so that errors and logs can be correlated.
 */
export const s3HostId = (requestId: string): string => Buffer.from(`boltstack/${requestId}`).toString('base64');

export const s3RequestHeaders = (requestId: string): Record<string, string> => ({
  'x-amz-request-id': requestId,
  'x-amz-id-2': s3HostId(requestId),
});
