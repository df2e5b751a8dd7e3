/**
 * Queue tags: at most 50 per queue, keys of 1-128 and values of up to 256 characters.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-tags.html
 */
import { sqsErrors } from './errors.js';

export const MAX_TAGS = 50;

export function assertTags(tags: Record<string, string>, existing: number): void {
  const keys = Object.keys(tags);
  if (keys.length + existing > MAX_TAGS) throw sqsErrors.invalidParameterValue(`Too many tags added for queue. The maximum is ${MAX_TAGS}.`);
  for (const key of keys) {
    // AWS's words for an empty key: ballerina-platform/module-ballerinax-aws.sqs ballerina/tests/test.bal,
    // testTagQueueWithEmptyTagKey (run against eu-north-1).
    if (key.length === 0 || key.length > 128) throw sqsErrors.invalidParameterValue('Tag keys must be between 1 and 128 characters in length.');
    if ((tags[key] ?? '').length > 256) throw sqsErrors.invalidParameterValue(`Tag value must be at most 256 characters long for tag key ${key}.`);
  }
}
