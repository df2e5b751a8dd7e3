/**
 * The request-id headers S3 puts on every response. x-amz-id-2 is AWS's "host id"; ours is
 * derived from the request id so that errors and logs can be correlated.
 */
export const s3HostId = (requestId: string): string => Buffer.from(`boltstack/${requestId}`).toString('base64');

/** `hostId`: the one the gateway answers with anyway (its base64 is not worth making twice per request). */
export const s3RequestHeaders = (requestId: string, hostId?: string): Record<string, string> => ({
  'x-amz-request-id': requestId,
  'x-amz-id-2': hostId ?? s3HostId(requestId),
});
