/**
 * What Publish, PublishBatch and a repeated Subscribe admit on a standard topic, against a raw
 * capture of native AWS (us-east-1, 2026-09-14): radkawar/stackd testdata/aws/sns/admission.json;
 * each test cites the labels of its `observations` entries (mixed-batch-error-boundary is pinned
 * in aws-captures-stackd.test.ts).
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const ADMISSION = 'radkawar/stackd testdata/aws/sns/admission.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:admission';

const numeric = (value: string) => ({ numeric: { DataType: 'Number', StringValue: value } });
const NUMBERS: Array<[id: string, value: string]> = [['leading_trailing_zeroes', '0001.23000'], ['five_decimals', '1.23456'], ['six_nonzero_decimals', '1.234567'],
  ['upper_bound', '1000000000'], ['above_bound', '1000000000.00001'], ['exponent', '1e3']];
const UNDERFLOW = "Message attribute 'numeric' number value [1e-100000] scale must be 10^-128 and 10^126.";

test(`Number attributes: one out of scale fails the whole batch; alone, each other is published and wrapped as written [${ADMISSION} number-admission-batch, number-admission-single-*, receive-publications-* (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'admission' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true });
    const batch = await t.throwsAsync(h.call('PublishBatch', { TopicArn, PublishBatchRequestEntries: [...NUMBERS, ['underflow', '1e-100000']].map(([Id, value]) => ({
      Id, Message: `admission:${Id!}`, MessageAttributes: numeric(value!) })) }));
    if (isAwsError(batch)) t.deepEqual({ code: batch.code, status: batch.status, message: batch.message }, { code: 'ParameterValueInvalid', status: 400, message: UNDERFLOW });
    t.is(h.sqs.delivered.length, 0);
    for (const [id, value] of NUMBERS) await h.call('Publish', { TopicArn, Message: `admission:${id}`, MessageAttributes: numeric(value) });
    const single = await t.throwsAsync(h.call('Publish', { TopicArn, Message: 'admission:underflow', MessageAttributes: numeric('1e-100000') }));
    if (isAwsError(single)) t.is(single.message, UNDERFLOW);
    const wrapped = h.sqs.to(QUEUE).map((d) => JSON.parse(d.body) as { Message: string; MessageAttributes: Record<string, { Type: string; Value: string }> });
    t.deepEqual(wrapped.map((w) => [w.Message, w.MessageAttributes.numeric]), NUMBERS.map(([id, value]) => [`admission:${id}`, { Type: 'Number', Value: value }]));
  } finally {
    await h.close();
  }
});

test(`Subscribe again with another RawMessageDelivery or FilterPolicy is refused and changes nothing [${ADMISSION} repeat-subscribe-changed-raw, subscription-after-raw-repeat, repeat-subscribe-changed-filter, subscription-after-filter-repeat (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'admission' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true });
    for (const Attributes of [{ RawMessageDelivery: 'true' }, { FilterPolicy: '{"probe":["new-value"]}' }]) {
      const err = await t.throwsAsync(h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true, Attributes }));
      if (isAwsError(err)) {
        t.deepEqual({ code: err.code, status: err.status, message: err.message },
          { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: Attributes Reason: Subscription already exists with different attributes' });
      }
      const { Attributes: after } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn });
      t.is(after.RawMessageDelivery, 'false');
      t.false('FilterPolicy' in after);
    }
  } finally {
    await h.close();
  }
});
