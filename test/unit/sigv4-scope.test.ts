import test from 'ava';
import { scopeFromAuthorization, scopeFromQuery } from '../../src/protocols/shared/sigv4-scope.js';

/** The parse as it was (split on '/'), the reference for the indexOf walk that replaced it. */
function bySplit(credential: string): Record<string, string> | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  return { accessKeyId: parts[0]!, date: parts[1]!, region: parts[2]!, service: parts[3]! };
}

test('the credential scope is read as splitting on "/" read it, odd credentials included', (t) => {
  const credentials = [
    'AKID/20240101/us-east-1/s3/aws4_request', '123456789012/20240101/eu-west-1/dynamodb/aws4_request',
    '/20240101/us-east-1/s3/aws4_request', 'AKID//us-east-1/s3/aws4_request', 'AKID/20240101///aws4_request',
    'AKID/20240101/us-east-1/s3/aws4_request/', 'AKID/20240101/us-east-1/s3/x/aws4_request', 'AKID/20240101/us-east-1/aws4_request',
    'AKID/20240101/us-east-1/s3/aws4_requests', 'AKID/20240101/us-east-1/s3/aws4_reques', 'AKID/20240101/us-east-1/s3aws4_request',
    'aws4_request', '', '////aws4_request', 'a/b/c/d/aws4_request',
  ];
  for (const credential of credentials) {
    t.deepEqual(scopeFromAuthorization(`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=00`), bySplit(credential), credential);
    t.deepEqual(scopeFromQuery(`X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Date=1`), bySplit(credential), credential);
  }
});
