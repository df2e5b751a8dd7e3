/**
 * TracingConfig on standard and FIFO topics, against a raw capture of native AWS (us-east-1,
 * 2026-09-23): radkawar/stackd testdata/aws/sns/tracing.json; each test cites the labels of its
 * `observations` entries. (The capture's X-Ray traces are beyond boltstack, which keeps none.)
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const TRACING = 'radkawar/stackd testdata/aws/sns/tracing.json';

for (const fifo of [false, true]) {
  const kind = fifo ? 'fifo' : 'standard';
  test(`SetTopicAttributes TracingConfig on a ${kind} topic: "Active" is set and read back; "Passive", "active", "PASSIVE", "" and "Invalid" are refused in AWS's words and change nothing [${TRACING} default-${kind}, tracing-${kind}-*, read-tracing-${kind}-* (2026-09-23)]`, async (t) => {
    const h = await snsHarness();
    try {
      const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', fifo ? { Name: 'trace.fifo', Attributes: { FifoTopic: 'true' } } : { Name: 'trace' });
      const read = async () => (await h.call<{ Attributes: Record<string, string> }>('GetTopicAttributes', { TopicArn })).Attributes;
      t.false('TracingConfig' in await read());
      await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'TracingConfig', AttributeValue: 'Active' });
      t.is((await read()).TracingConfig, 'Active');
      for (const value of ['Passive', 'active', 'PASSIVE', '', 'Invalid']) {
        const err = await t.throwsAsync(h.call('SetTopicAttributes', { TopicArn, AttributeName: 'TracingConfig', AttributeValue: value }));
        if (isAwsError(err)) {
          t.deepEqual({ code: err.code, status: err.status, message: err.message },
            { code: 'InvalidParameter', status: 400, message: `Invalid parameter: Invalid tracing config value: ${value}` });
        }
        t.is((await read()).TracingConfig, 'Active');
      }
    } finally {
      await h.close();
    }
  });
}
