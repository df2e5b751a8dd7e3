/**
 * Virtual-hosted-style S3 addressing: which bucket, if any, the Host header names.
 * Accepted forms (DESIGN.md §8): <bucket>.<base>, <bucket>.s3.<base>, <bucket>.s3.<region>.<base>,
 * <bucket>.s3-<region>.<base>, where <base> is localhost, localhost.localstack.cloud,
 * amazonaws.com or a configured hostname. A base host alone (localhost:4566, s3.amazonaws.com,
 * s3.us-west-2.amazonaws.com, 127.0.0.1, [::1]) means path-style.
 */
const WITH_REGION = /^(.+)\.s3[.-][a-z0-9-]+$/;

export type VirtualHostParser = (host: string | undefined) => string | undefined;

export function createVirtualHostParser(extraBases: string[] = []): VirtualHostParser {
  // Longest first, so "b.localhost.localstack.cloud" matches that base and not "localhost".
  const suffixes = ['localhost.localstack.cloud', 'localhost', 'amazonaws.com', ...extraBases]
    .map((b) => '.' + b.toLowerCase())
    .sort((a, b) => b.length - a.length);

  return (rawHost) => {
    if (!rawHost || rawHost.startsWith('[')) return undefined;
    const colon = rawHost.lastIndexOf(':');
    const host = (colon >= 0 ? rawHost.slice(0, colon) : rawHost).toLowerCase();
    const suffix = suffixes.find((s) => host.endsWith(s));
    if (!suffix) return undefined;
    const rest = host.slice(0, -suffix.length);
    if (rest === 's3' || rest.startsWith('s3.') || rest.startsWith('s3-')) return undefined;
    if (rest.endsWith('.s3')) return rest.slice(0, -3);
    return WITH_REGION.exec(rest)?.[1] ?? rest;
  };
}
