/**
 * DeleteQueue: gone at once; its messages are removed in the background (store.ts).
 *
 * Overlapping DeleteQueue calls for one queue all succeed. AWS deletes asynchronously: "the
 * deletion process takes up to 60 seconds. Requests you send involving that queue during the 60
 * seconds might succeed" (API_DeleteQueue.html, quoted in boto/botocore#1821), so calls sent
 * together, before any is answered, all find the queue still there. Here the first may be done
 * before the others are read, so a call is taken as overlapping when it arrives while a deletion
 * of the queue is under way or within OVERLAP_MS after it was written. Later, the queue is gone:
 * real AWS answered a second `aws sqs delete-queue`, run again by hand, with
 * AWS.SimpleQueueService.NonExistentQueue (Admiral-Piett/goaws#356, 2026-01-25, AWS CLI v2), and
 * every other operation naming it answers QueueDoesNotExist at once, as LocalStack and moto do.
 */
import type { DeleteQueueInput, DeleteQueueOutput } from '../../../model/generated/sqs-types.js';
import { queueOf, required, type SqsDeps, type SqsHandler } from '../context.js';
import { parseQueueUrl } from '../names.js';
import type { RequestContext } from '../../types.js';

/** How long after a deletion another DeleteQueue of the queue still counts as sent with it. */
export const OVERLAP_MS = 1000;

export const deleteQueue: SqsHandler<DeleteQueueInput, DeleteQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const underWay = deps.store.deletionUnderWay(input.QueueUrl, ctx.region);
  if (underWay !== undefined) {
    await underWay;
    return {};
  }
  if (justDeleted(deps, ctx, input.QueueUrl)) return {};
  await deps.store.delete(queueOf(deps, ctx, input.QueueUrl));
  return {};
};

/** Whether the queue the URL names is gone, deleted at most OVERLAP_MS ago. */
function justDeleted(deps: SqsDeps, ctx: RequestContext, url: string): boolean {
  if (deps.store.findByUrl(url, ctx.region) !== undefined) return false;
  const address = parseQueueUrl(url, ctx.region);
  return address !== undefined && deps.store.recentlyDeleted.deletedWithin(address, Date.now(), OVERLAP_MS);
}
