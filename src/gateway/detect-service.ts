/**
 * Which service a request is for, decided from the head alone where possible (DESIGN.md §4):
 * X-Amz-Target (json services), then the SigV4 credential scope, then — for unsigned form posts
 * of the query protocol — the Action name, which needs the body. Everything else is S3.
 */
import type { ServiceName } from '../model/types.js';
import type { CredentialScope } from '../protocols/shared/sigv4-scope.js';

const TARGET_PREFIXES: [string, ServiceName][] = [
  ['DynamoDB_20120810.', 'dynamodb'],
  ['DynamoDBStreams_20120810.', 'dynamodbstreams'],
  ['AmazonSQS.', 'sqs'],
];

const SCOPE_SERVICES: Record<string, ServiceName> = {
  s3: 's3', dynamodb: 'dynamodb', sqs: 'sqs', sns: 'sns', sts: 'sts',
};

export type HeadDetection =
  | { kind: 'service'; service: ServiceName }
  /** A query-protocol request whose service is named only by its Action. */
  | { kind: 'needs-action' }
  | { kind: 'unknown-target'; target: string };

export function isFormBody(headers: Record<string, string>): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

export function detectFromHead(
  method: string,
  query: string,
  headers: Record<string, string>,
  scope: CredentialScope | undefined,
): HeadDetection {
  const target = headers['x-amz-target'];
  if (target !== undefined) {
    for (const [prefix, service] of TARGET_PREFIXES) {
      if (target.startsWith(prefix)) return { kind: 'service', service };
    }
    return { kind: 'unknown-target', target };
  }
  const fromScope = scope ? SCOPE_SERVICES[scope.service] : undefined;
  if (fromScope) return { kind: 'service', service: fromScope };
  if ((method === 'POST' && isFormBody(headers)) || /(^|&)Action=/.test(query)) return { kind: 'needs-action' };
  return { kind: 'service', service: 's3' };
}

/** Protocol a request to `service` speaks: SQS accepts both json (X-Amz-Target) and query. */
export function protocolFor(service: ServiceName, headers: Record<string, string>): 'rest-xml' | 'json' | 'query' {
  switch (service) {
    case 's3': return 'rest-xml';
    case 'dynamodb': case 'dynamodbstreams': return 'json';
    case 'sqs': return headers['x-amz-target'] !== undefined ? 'json' : 'query';
    case 'sns':
    case 'sts': return 'query';
  }
}
