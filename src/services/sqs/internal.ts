/**
 * SqsInternalApi (internal-api.ts): SNS delivers to queues in process, by queue ARN (in any
 * account), with the same validation and durability as SendMessage. Deliveries to one queue in
 * one call are stored in one batch.
 */
import { isAwsError } from '../../errors/aws-error.js';
import type { InternalDelivery, InternalDeliveryResult, SqsInternalApi } from './internal-api.js';
import { sqsErrors } from './errors.js';
import { parseQueueArn } from './names.js';
import { commit, prepare, resultOf, type Prepared } from './send.js';
import type { Queue, SqsStore } from './store.js';

/** The SenderId SQS shows on messages SNS delivered (SNS's principal, as AWS reports it). */
const SNS_SENDER_ID = 'AIDAIT2UOQQY3AUEKVGXU';

const failed = (err: unknown): InternalDeliveryResult => {
  if (!isAwsError(err)) throw err;
  return { ok: false, code: err.queryCode ?? err.code, message: err.message };
};

export function createInternalApi(store: SqsStore): SqsInternalApi {
  return {
    async deliver(deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]> {
      const results: InternalDeliveryResult[] = new Array<InternalDeliveryResult>(deliveries.length);
      const byQueue = new Map<Queue, Array<{ index: number; p: Prepared }>>();
      const now = Date.now();
      for (let i = 0; i < deliveries.length; i++) {
        const d = deliveries[i]!;
        try {
          const address = parseQueueArn(d.queueArn);
          const queue = address === undefined ? undefined : store.find(address);
          if (queue === undefined) throw sqsErrors.queueDoesNotExist();
          const state = queue.loadedState ?? await queue.state(store);
          const p = prepare(queue, state, {
            MessageBody: d.body,
            ...(d.messageAttributes !== undefined ? { MessageAttributes: d.messageAttributes } : {}),
            ...(d.messageGroupId !== undefined ? { MessageGroupId: d.messageGroupId } : {}),
            ...(d.messageDeduplicationId !== undefined ? { MessageDeduplicationId: d.messageDeduplicationId } : {}),
          }, SNS_SENDER_ID, now);
          let list = byQueue.get(queue);
          if (list === undefined) byQueue.set(queue, list = []);
          list.push({ index: i, p });
        } catch (err) {
          results[i] = failed(err);
        }
      }
      await Promise.all([...byQueue].map(async ([queue, list]) => {
        try {
          await commit(store, queue, queue.loadedState ?? await queue.state(store), list.map((x) => x.p));
          for (const { index, p } of list) results[index] = { ok: true, messageId: resultOf(p).MessageId };
        } catch (err) {
          for (const { index } of list) results[index] = failed(err);
        }
      }));
      return results;
    },
  };
}
