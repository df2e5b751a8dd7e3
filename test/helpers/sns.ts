/** SNS test helpers: an SDK client with default settings, as sqs.ts's sqsClient. */
import { SNSClient } from '@aws-sdk/client-sns';
import { CREDENTIALS } from './server.js';

export function snsClient(endpoint: string, accessKeyId = CREDENTIALS.accessKeyId, region = 'us-east-1'): SNSClient {
  return new SNSClient({ endpoint, region, credentials: { ...CREDENTIALS, accessKeyId } });
}
