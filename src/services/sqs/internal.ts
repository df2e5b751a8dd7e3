/**
 * SqsInternalApi (internal-api.ts): SNS delivers to queues in process, by queue ARN (in any
 * account), with the same validation and durability as SendMessage. All the deliveries of one
 * call that are accepted, whatever their queues, are written in one MetaStore batch: a publish
 * to a topic with ten queue subscriptions is one durable write, not ten.
 */
import { isAwsError } from '../../errors/aws-error.js';
import type { MetaOp } from '../../storage/meta-store.js';
import type { InternalDelivery, InternalDeliveryResult, SqsInternalApi } from './internal-api.js';
import { sqsErrors } from './errors.js';
import { hasOnlyValidCharacters } from './message-validation.js';
import { abandoned, committed, prepare, resultOf, writesOf, type Prepared } from './send.js';
import type { Queue, SqsStore } from './store.js';

/** The SenderId SQS shows on messages SNS delivered (SNS's principal, as AWS reports it). */
const SNS_SENDER_ID = 'AIDAIT2UOQQY3AUEKVGXU';

const failed = (err: unknown): InternalDeliveryResult => {
  if (!isAwsError(err)) throw err;
  return { ok: false, code: err.queryCode ?? err.code, message: err.message };
};

interface Accepted { queue: Queue; entries: Array<{ index: number; p: Prepared }>; stored: Prepared[] }

export function createInternalApi(store: SqsStore): SqsInternalApi {
  return {
    acceptsCharacters: hasOnlyValidCharacters,

    async deliver(deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]> {
      const results: InternalDeliveryResult[] = new Array<InternalDeliveryResult>(deliveries.length);
      const byQueue = new Map<Queue, Accepted>();
      const now = Date.now();
      for (let i = 0; i < deliveries.length; i++) {
        const d = deliveries[i]!;
        try {
          const queue = store.findByArn(d.queueArn);
          if (queue === undefined) throw sqsErrors.queueDoesNotExist();
          const state = queue.loadedState ?? await queue.state(store);
          const entry = d.messageAttributes === undefined && d.messageGroupId === undefined && d.messageDeduplicationId === undefined
            ? { MessageBody: d.body }
            : {
              MessageBody: d.body,
              ...(d.messageAttributes !== undefined ? { MessageAttributes: d.messageAttributes } : {}),
              ...(d.messageGroupId !== undefined ? { MessageGroupId: d.messageGroupId } : {}),
              ...(d.messageDeduplicationId !== undefined ? { MessageDeduplicationId: d.messageDeduplicationId } : {}),
            };
          const p = prepare(queue, state, entry, SNS_SENDER_ID, now, d.charactersChecked === true);
          let accepted = byQueue.get(queue);
          if (accepted === undefined) byQueue.set(queue, accepted = { queue, entries: [], stored: [] });
          accepted.entries.push({ index: i, p });
        } catch (err) {
          results[i] = failed(err);
        }
      }
      const ops: MetaOp[] = [];
      for (const a of byQueue.values()) a.stored = writesOf(a.queue, a.queue.loadedState!, a.entries.map((e) => e.p), ops);
      try {
        if (ops.length > 0) await store.commit(ops);
      } catch (err) {
        for (const a of byQueue.values()) {
          abandoned(a.queue.loadedState!, a.stored);
          for (const { index } of a.entries) results[index] = failed(err);
        }
        return results;
      }
      const at = Date.now();
      for (const a of byQueue.values()) {
        const state = a.queue.loadedState!;
        committed(state, a.stored, at);
        state.wake();
        for (const { index, p } of a.entries) results[index] = { ok: true, messageId: resultOf(p).MessageId };
      }
      return results;
    },
  };
}
