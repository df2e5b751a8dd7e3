/**
 * Reads the SigV4 credential scope (access key, date, region, service) from the Authorization
 * header or from a presigned URL's X-Amz-Credential, without verifying anything: the gateway
 * uses it to pick the service and region. Verification is a separate, optional step.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const AUTH_PREFIX = 'AWS4-HMAC-SHA256 ';

function parseCredential(credential: string): CredentialScope | undefined {
  // AKID/20240101/us-east-1/s3/aws4_request — the access key itself may not contain '/'.
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  return { accessKeyId: parts[0]!, date: parts[1]!, region: parts[2]!, service: parts[3]! };
}

export function scopeFromAuthorization(header: string | undefined): CredentialScope | undefined {
  if (!header || !header.startsWith(AUTH_PREFIX)) return undefined;
  const at = header.indexOf('Credential=');
  if (at < 0) return undefined;
  const end = header.indexOf(',', at);
  return parseCredential(header.slice(at + 11, end < 0 ? undefined : end).trim());
}

export function scopeFromQuery(query: string): CredentialScope | undefined {
  const at = query.indexOf('X-Amz-Credential=');
  if (at < 0) return undefined;
  const end = query.indexOf('&', at);
  try {
    return parseCredential(decodeURIComponent(query.slice(at + 17, end < 0 ? undefined : end)));
  } catch {
    return undefined;
  }
}
