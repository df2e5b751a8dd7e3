/**
 * SqsInternalApi (internal-api.ts): SNS delivers to queues in process, by queue ARN (in any
 * account), with the same validation and durability as SendMessage. All the deliveries of one
 * call that are accepted, whatever their queues, are written in one MetaStore batch: a publish
 * to a topic with ten queue subscriptions is one durable write, not ten, and the body its copies
 * share is stored once (shared-bodies.ts), each copy keeping only its own part. A deferred body
 * (internal-api.ts DeferredPart) is finished only when read, or here for a copy stored alone.
 */
import { isAwsError } from '../../errors/aws-error.js';
import type { MetaOp } from '../../storage/meta-store.js';
import type { InternalDelivery, InternalDeliveryResult, SharedBody, SqsInternalApi } from './internal-api.js';
import { sqsErrors } from './errors.js';
import { md5Hex } from './message-md5.js';
import { hasOnlyValidCharacters } from './message-validation.js';
import { abandoned, committed, prepare, resultOf, traceFromHeader, writesOf, type Prepared, type SharedPart } from './send.js';
import type { Queue, SqsStore } from './store.js';

/**
 * The SenderId SQS shows on messages SNS delivered: SNS's delivery role session, as native AWS
 * reported it in us-east-1 (radkawar/stackd testdata/aws/sns/delivery.json, 2026-09-14; fifo.json
 * of 2026-09-22 has another role id, AROAYRRVD2EN7TLVTDKCF, with the same session name). The
 * IAM user id AIDAIT2UOQQY3AUEKVGXU of older recordings is no longer what AWS shows.
 */
const SNS_SENDER_ID = 'AROA3TYMO3BGGTBI3MZUH:AWS-CLOUDCAST';

const failed = (err: unknown): InternalDeliveryResult => {
  if (!isAwsError(err)) throw err;
  return { ok: false, code: err.queryCode ?? err.code, message: err.message };
};

interface Accepted { queue: Queue; entries: Array<{ index: number; p: Prepared }>; stored: Prepared[] }

/** A body in parts that SNS did not check: refused, as SendMessage refuses such a body. */
const UNCHECKED = 'a body in parts must have its head and tail checked by the caller';

export function createInternalApi(store: SqsStore): SqsInternalApi {
  return {
    acceptsCharacters: hasOnlyValidCharacters,
    finishesDeferredBodies: store.bodies.finishesDeferred,

    // Tracked until settled: a queue deleted meanwhile is purged once its copies are stored (store.ts).
    deliver: (deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]> => store.delivery(deliver(store, deliveries)),
  };
}

async function deliver(store: SqsStore, deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]> {
  const results: InternalDeliveryResult[] = new Array<InternalDeliveryResult>(deliveries.length);
  const byQueue = new Map<Queue, Accepted>();
  // UTF-8 sizes of each shared body's head and tail, computed once.
  const sizes = new Map<SharedBody, number>();
  const now = Date.now();
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i]!;
    try {
      const queue = store.findByArn(d.queueArn);
      if (queue === undefined) throw sqsErrors.queueDoesNotExist();
      const state = queue.loadedState ?? await queue.state(store);
      let shared: SharedPart | undefined;
      if (typeof d.body !== 'string') {
        if (d.charactersChecked !== true) throw new TypeError(UNCHECKED);
        let bytes = sizes.get(d.body.shared);
        if (bytes === undefined) {
          const { head, tail, deferred } = d.body.shared;
          bytes = Buffer.byteLength(head, 'utf8') + Buffer.byteLength(tail, 'utf8') + (deferred?.bytes ?? 0);
          sizes.set(d.body.shared, bytes);
        }
        shared = { body: d.body.shared, part: d.body.part, bytes };
      }
      const body = typeof d.body === 'string' ? d.body : d.body.part;
      const entry = d.messageAttributes === undefined && d.messageGroupId === undefined && d.messageDeduplicationId === undefined
        ? { MessageBody: body }
        : {
          MessageBody: body,
          ...(d.messageAttributes !== undefined ? { MessageAttributes: d.messageAttributes } : {}),
          ...(d.messageGroupId !== undefined ? { MessageGroupId: d.messageGroupId } : {}),
          ...(d.messageDeduplicationId !== undefined ? { MessageDeduplicationId: d.messageDeduplicationId } : {}),
        };
      const p = prepare(queue, state, entry, SNS_SENDER_ID, now, d.charactersChecked === true, shared);
      if (d.traceHeader !== undefined) traceFromHeader(p, d.traceHeader);
      let accepted = byQueue.get(queue);
      if (accepted === undefined) byQueue.set(queue, accepted = { queue, entries: [], stored: [] });
      accepted.entries.push({ index: i, p });
    } catch (err) {
      results[i] = failed(err);
    }
  }
  const ops: MetaOp[] = [];
  let bodies: number[];
  try {
    bodies = await shareBodies(store, byQueue, ops);
  } catch (err) {
    // A deferred head that could not be finished for a copy stored alone: nothing was stored.
    for (const a of byQueue.values()) {
      abandoned(a.queue.loadedState!, a.entries.map((e) => e.p));
      for (const { index } of a.entries) results[index] = failed(err);
    }
    return results;
  }
  for (const a of byQueue.values()) a.stored = writesOf(a.queue, a.queue.loadedState!, a.entries.map((e) => e.p), ops);
  try {
    if (ops.length > 0) await store.commit(ops);
  } catch (err) {
    for (const id of bodies) store.bodies.forget(id);
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
}

/**
 * Writes each shared body that two or more accepted messages (not duplicates) are made of, once,
 * and marks those messages as its copies; a body in parts that only one message is left with is
 * joined into that message. Returns the ids of the bodies written.
 */
async function shareBodies(store: SqsStore, byQueue: Map<Queue, Accepted>, ops: MetaOp[]): Promise<number[]> {
  const groups = new Map<SharedBody, Array<{ queue: Queue; p: Prepared }>>();
  for (const a of byQueue.values()) {
    for (const { p } of a.entries) {
      if (p.shared === undefined || p.duplicate !== undefined) continue;
      let group = groups.get(p.shared.body);
      if (group === undefined) groups.set(p.shared.body, group = []);
      group.push({ queue: a.queue, p });
    }
  }
  const ids: number[] = [];
  for (const [body, copies] of groups) {
    if (copies.length === 1) {
      const { p } = copies[0]!;
      p.record.body = await store.bodies.finishedHead(body.head, body.deferred) + p.shared!.part + body.tail;
      p.record.md5 = md5Hex(p.record.body);
      delete p.shared;
      continue;
    }
    const id = store.bodies.create(body.head, body.tail, copies.map(({ queue, p }) => [queue.id, p.seq]), ops, body.deferred);
    for (const { p } of copies) p.ref = id;
    ids.push(id);
  }
  return ids;
}
