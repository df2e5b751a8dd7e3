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
  // Walked with indexOf rather than split: no array per request (this runs on every one).
  const a = credential.indexOf('/');
  const b = a < 0 ? -1 : credential.indexOf('/', a + 1);
  const c = b < 0 ? -1 : credential.indexOf('/', b + 1);
  const d = c < 0 ? -1 : credential.indexOf('/', c + 1);
  if (d < 0 || credential.length - d - 1 !== 12 || !credential.endsWith('/aws4_request')) return undefined;
  return { accessKeyId: credential.slice(0, a), date: credential.slice(a + 1, b), region: credential.slice(b + 1, c), service: credential.slice(c + 1, d) };
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
