/**
 * What the HTTP/S outbox hands to the dead-letter queue once an endpoint's refusals use up the
 * retries: a notification, never a confirmation. Native AWS (us-east-1, 2026-09-22), radkawar/stackd
 * testdata/aws/sns/external_feedback.json: the subscription subscribe-http-confirm503 had a
 * RedrivePolicy and its endpoint answered the SubscriptionConfirmation 503 (logged FAILURE, then
 * retried), yet none of the dead-letter queue's reads (receive-actual-dlq-0..3 and the `dlq`
 * snapshots, minutes later) held a confirmation, while they held the refused notifications of the
 * 503 and 429 subscriptions. The outbox is driven directly here, over the in-memory store, with a
 * policy of one immediate retry: SNS retries a confirmation on its default schedule (3 retries
 * 20 s apart), too slow for a test against the whole server.
 */
import test from 'ava';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import { createLogger } from '../../../src/log.js';
import { HttpOutbox, type OutboxEntry } from '../../../src/services/sns/delivery/http-outbox.js';
import { retryDelay, type RetryPolicy } from '../../../src/services/sns/delivery-policy.js';

const FEEDBACK = 'radkawar/stackd testdata/aws/sns/external_feedback.json';
const ONE_RETRY_AT_ONCE: RetryPolicy = {
  minDelayTarget: 0, maxDelayTarget: 0, numRetries: 1, numNoDelayRetries: 1, numMinDelayRetries: 0, numMaxDelayRetries: 0, backoffFunction: 'linear',
};

test(`retries used up, a notification goes to onFailed (the dead-letter queue) and a Subscription- or UnsubscribeConfirmation does not [${FEEDBACK} subscribe-http-confirm503, read-feedback-*-http/Failure, receive-actual-dlq-0..3 (2026-09-22)]`, async (t) => {
  const posts: string[] = [];
  const endpoint = createServer((req, res) => {
    posts.push(String(req.headers['x-amz-sns-message-type']));
    req.resume().on('end', () => { res.statusCode = 503; res.end(); });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/confirm503`;
  const storage = createMemoryStorage();
  const failed: OutboxEntry['kind'][] = [];
  const outbox = new HttpOutbox({
    meta: storage.meta, log: createLogger('silent'), isVoid: () => false,
    retryOf: () => ONE_RETRY_AT_ONCE, retryDelay,
    onFailed: async (entry) => { failed.push(entry.kind); },
  });
  try {
    await outbox.open();
    const kinds: OutboxEntry['kind'][] = ['SubscriptionConfirmation', 'Notification', 'UnsubscribeConfirmation'];
    await outbox.enqueue(kinds.map((kind) => ({
      kind, subscriptionArn: 'arn:aws:sns:us-east-1:000000000000:t:s', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', url,
      body: '{}', headers: { 'x-amz-sns-message-type': kind },
    })));
    for (const end = Date.now() + 10_000; outbox.pending > 0 && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
    t.is(outbox.pending, 0, 'every entry tried twice and given up');
    t.deepEqual(posts.sort(), [...kinds, ...kinds].sort(), 'each POSTed twice: the first try and one retry');
    t.deepEqual(failed, ['Notification'], 'only the notification is dead-lettered');
  } finally {
    await outbox.close();
    await storage.close();
    await new Promise((resolve) => endpoint.close(resolve));
  }
});
