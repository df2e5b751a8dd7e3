/**
 * Queue names, URLs and ARNs. A queue URL is http://<request host>/<account>/<name> (DESIGN.md
 * §8); only its path names the queue, so a URL from another host name (sqs.us-east-1.amazonaws.com,
 * localhost.localstack.cloud, a container name) still finds the same queue. A region in the host
 * (sqs.<region>.…, <region>.queue.…) wins over the request's region, as in AWS.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html
 */
import { sqsErrors } from './errors.js';

export interface QueueAddress { account: string; region: string; name: string }

const NAME = /^[A-Za-z0-9_-]{1,80}$/;
const ACCOUNT = /^\d{12}$/;

export const isFifoName = (name: string): boolean => name.endsWith('.fifo');

/** CreateQueue's name rules; the .fifo suffix counts towards the 80 characters. */
export function assertQueueName(name: string, fifo: boolean): void {
  if (fifo) {
    if (!isFifoName(name) || !NAME.test(`${name.slice(0, -5)}_fifo`)) {
      throw sqsErrors.invalidParameterValue('The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
    }
    return;
  }
  if (!NAME.test(name)) throw sqsErrors.invalidParameterValue('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
}

export const queueUrl = (host: string, account: string, name: string): string => `http://${host}/${account}/${name}`;
export const queueArn = (a: QueueAddress): string => `arn:aws:sqs:${a.region}:${a.account}:${a.name}`;

function regionFromHost(host: string): string | undefined {
  const sqs = /^sqs\.([a-z0-9-]+)\./.exec(host);
  if (sqs) return sqs[1];
  const queue = /^([a-z]{2}-[a-z]+-\d)\.queue\./.exec(host);
  return queue ? queue[1] : undefined;
}

/** The queue a QueueUrl names, or undefined when it is not a queue URL at all. */
export function parseQueueUrl(url: string, defaultRegion: string): QueueAddress | undefined {
  let host = '';
  let path = url;
  const scheme = url.indexOf('://');
  if (scheme >= 0) {
    const slash = url.indexOf('/', scheme + 3);
    host = url.slice(scheme + 3, slash < 0 ? undefined : slash).toLowerCase();
    path = slash < 0 ? '' : url.slice(slash);
  }
  const parts = path.split('?')[0]!.split('/').filter((p) => p !== '');
  // LocalStack's path strategy: /queue/<region>/<account>/<name>.
  let pathRegion: string | undefined;
  if (parts.length === 4 && parts[0] === 'queue') pathRegion = parts.splice(0, 2)[1];
  if (parts.length !== 2 || !ACCOUNT.test(parts[0]!)) return undefined;
  const region = pathRegion ?? regionFromHost(host) ?? defaultRegion;
  return { account: parts[0]!, region, name: decodeURIComponent(parts[1]!) };
}

/** arn:aws:sqs:<region>:<account>:<name> → its parts, or undefined. */
export function parseQueueArn(arn: string): QueueAddress | undefined {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'sqs' || parts[3] === '' || parts[4] === '' || parts[5] === '') return undefined;
  return { region: parts[3]!, account: parts[4]!, name: parts[5]! };
}
