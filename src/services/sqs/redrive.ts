/**
 * Dead-letter targets: a RedrivePolicy must name an existing queue of the same type (FIFO or
 * standard) whose RedriveAllowPolicy lets this source redrive to it.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
import { sqsErrors } from './errors.js';
import { parseQueueArn } from './names.js';
import type { SqsStore } from './store.js';

export function assertDeadLetterTarget(store: SqsStore, policy: string, fifo: boolean, sourceArn?: string): void {
  const { deadLetterTargetArn } = JSON.parse(policy) as { deadLetterTargetArn: string };
  const address = parseQueueArn(deadLetterTargetArn);
  const target = address === undefined ? undefined : store.find(address);
  if (target === undefined) throw sqsErrors.invalidValue(policy, 'RedrivePolicy', 'Dead-letter target does not exist.');
  if (target.fifo !== fifo) {
    throw sqsErrors.invalidValue(policy, 'RedrivePolicy', fifo ? 'Dead-letter queue for a FIFO queue must also be a FIFO queue.' : 'Dead-letter queue for a standard queue must also be a standard queue.');
  }
  const allow = target.record.attributes.RedriveAllowPolicy;
  if (allow === undefined || allow === '' || sourceArn === undefined) return;
  const p = JSON.parse(allow) as { redrivePermission: string; sourceQueueArns?: string[] };
  if (p.redrivePermission === 'denyAll' || (p.redrivePermission === 'byQueue' && !(p.sourceQueueArns ?? []).includes(sourceArn))) {
    throw sqsErrors.invalidValue(policy, 'RedrivePolicy', 'Dead-letter target owner does not allow this source queue to redrive to it.');
  }
}
