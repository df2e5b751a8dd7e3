/**
 * Which dead-letter queue a subscription's RedrivePolicy may name, against a raw capture of native
 * AWS (us-east-1, 2026-09-22): radkawar/stackd testdata/aws/sns/fifo_redrive.json; the test cites
 * the labels of its `observations` entries.
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const REDRIVE = 'radkawar/stackd testdata/aws/sns/fifo_redrive.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:dead';
const FIFO_QUEUE = 'arn:aws:sqs:us-east-1:000000000000:dead.fifo';
const policy = (arn: string) => JSON.stringify({ deadLetterTargetArn: arn });

test(`a FIFO topic's standard-queue subscription needs a standard DLQ and its FIFO-queue subscription a FIFO DLQ; a standard topic's takes either [${REDRIVE} sub-fifo, fifo-dead-0, fifo-dead-1, sub-standard, standard-dead-0, standard-dead-1, sub-fifo-queue, fifo-queue-dead-0, fifo-queue-dead-1 (2026-09-22)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn: fifo } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'redrive.fifo', Attributes: { FifoTopic: 'true' } });
    const { TopicArn: standard } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'redrive' });
    const subscribe = async (TopicArn: string, Endpoint: string) =>
      (await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true })).SubscriptionArn;
    const set = (SubscriptionArn: string, dlq: string) => h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'RedrivePolicy', AttributeValue: policy(dlq) });
    const refusal = async (SubscriptionArn: string, dlq: string) => {
      const err = await t.throwsAsync(set(SubscriptionArn, dlq));
      return isAwsError(err) ? { code: err.code, status: err.status, message: err.message } : undefined;
    };
    const fifoToStandard = await subscribe(fifo, QUEUE);
    t.deepEqual(await refusal(fifoToStandard, FIFO_QUEUE),
      { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: RedrivePolicy: must use a Standard queue as DLQ for a Standard Subscription to a FIFO Topic.' });
    await t.notThrowsAsync(set(fifoToStandard, QUEUE));
    const standardToStandard = await subscribe(standard, QUEUE);
    await t.notThrowsAsync(set(standardToStandard, FIFO_QUEUE));
    await t.notThrowsAsync(set(standardToStandard, QUEUE));
    const fifoToFifo = await subscribe(fifo, FIFO_QUEUE);
    await t.notThrowsAsync(set(fifoToFifo, FIFO_QUEUE));
    t.deepEqual(await refusal(fifoToFifo, QUEUE),
      { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.' });
  } finally {
    await h.close();
  }
});
