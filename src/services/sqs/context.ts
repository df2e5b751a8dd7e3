/** What every SQS handler gets besides its input: the store, the gates, and queue lookup. */
import type { Features } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RequestContext } from '../types.js';
import { rejectUnsupported } from '../unsupported.js';
import { sqsErrors } from './errors.js';
import type { Queue, SqsStore } from './store.js';
import type { QueueState } from './queue-state.js';
import type { MoveTasks } from './move-tasks.js';

export interface SqsDeps {
  store: SqsStore;
  features: Features;
  log: Logger;
  moveTasks: MoveTasks;
}

export type SqsHandler<I, O> = (deps: SqsDeps, ctx: RequestContext, input: I) => Promise<O>;

/** Strict by default: a parameter boltstack does not implement fails the request (DESIGN.md §7). */
export function unsupported(deps: SqsDeps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  rejectUnsupported(deps.features, ctx, 'SQS', operation, input as Record<string, unknown>, members);
}

/** MissingParameter for an absent required member (the protocols do not check them). */
export function required<T extends object>(input: T, ...members: Array<keyof T & string>): void {
  for (const m of members) if (input[m] === undefined) throw sqsErrors.missingParameter(m);
}

/** The queue a QueueUrl names; QueueDoesNotExist when there is none. */
export function queueOf(deps: SqsDeps, ctx: RequestContext, url: string): Queue {
  const queue = deps.store.findByUrl(url, ctx.region)
    // A queue's bare name in QueueUrl names the caller's queue (localstack tests/aws/services/sqs/test_sqs.py
    // test_posting_to_queue_via_queue_name, run against AWS). Looked at only when the URL finds none.
    ?? (url.includes('/') ? undefined : deps.store.find({ account: ctx.accountId, region: ctx.region, name: url }));
  if (queue === undefined) throw sqsErrors.queueDoesNotExist();
  return queue;
}

/**
 * `change` in the queue's record section (store.ts recordChanges), which reads `queue.record`
 * inside it: after a DeleteQueue that got there first, QueueDoesNotExist, as for any later call.
 */
export function inQueueTurn<T>(deps: SqsDeps, queue: Queue, change: () => Promise<T>): Promise<T> {
  return deps.store.recordChanges.run(queue.key, async () => {
    if (queue.deleted) throw sqsErrors.queueDoesNotExist();
    return change();
  });
}

/** The queue and its loaded messages. */
export async function queueWithState(deps: SqsDeps, ctx: RequestContext, url: string): Promise<{ queue: Queue; state: QueueState }> {
  const queue = queueOf(deps, ctx, url);
  const state = queue.loadedState ?? await queue.state(deps.store);
  // Deleted while its state loaded.
  if (queue.deleted) throw sqsErrors.queueDoesNotExist();
  return { queue, state };
}
