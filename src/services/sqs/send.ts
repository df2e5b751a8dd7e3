/**
 * Sending, shared by SendMessage, SendMessageBatch and SNS's in-process delivery: validate one
 * entry against the queue (prepare), then write every prepared message of a call in one atomic
 * batch (commit). A message becomes receivable only once its batch is durable, and long polls
 * are woken at that moment.
 * FIFO: MessageGroupId required, per-message DelaySeconds refused, deduplication for 5 minutes
 * by MessageDeduplicationId or (ContentBasedDeduplication) the body's SHA-256, per queue or per
 * message group (DeduplicationScope).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html
 */
import { createHash } from 'node:crypto';
import type { MessageAttributesValue } from '../../model/generated/sqs-types.js';
import type { MetaOp } from '../../storage/meta-store.js';
import { sqsErrors } from './errors.js';
import { SQS_NS, dedupKey, messageKey } from './keys.js';
import type { SharedBody } from './internal-api.js';
import { encodeMessage, encodeSharedCopy } from './message-codec.js';
import { md5Hex, md5OfAttributes } from './message-md5.js';
import {
  asSent, assertBody, assertFifoId, assertMessageSize, attributesSize, hasOnlyValidCharacters, invalidContents, storeMessageAttributes, storeSystemAttributes,
} from './message-validation.js';
import type { QueueState } from './queue-state.js';
import type { DedupRecord, MessageRecord } from './records.js';
import type { Queue, SqsStore } from './store.js';

export const DEDUP_WINDOW_MS = 5 * 60 * 1000;

export interface SendEntry {
  MessageBody?: string;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, MessageAttributesValue>;
  MessageSystemAttributes?: Record<string, MessageAttributesValue>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

/**
 * A body shared by several deliveries of one call (internal-api.ts): this message's body is
 * `body.head + part + body.tail`, and `bytes` is the UTF-8 size of head and tail.
 */
export interface SharedPart { body: SharedBody; part: string; bytes: number }

export interface Prepared {
  record: MessageRecord;
  seq: number;
  /** Set while the body is kept in parts (record.body is empty then): see internal.ts. */
  shared?: SharedPart;
  /** The shared body it is stored as a copy of, once one is written for it. */
  ref?: number;
  md5SysAttrs: string | undefined;
  /** MD5OfMessageAttributes of the attributes as sent, when a Number's stored text differs. */
  md5SentAttrs?: string;
  /** Set when the message is a duplicate within the deduplication window: nothing is stored. */
  duplicate?: DedupRecord;
  dedupKey?: string;
  dedupRecord?: DedupRecord;
}

export interface SendResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  MD5OfMessageSystemAttributes?: string;
  SequenceNumber?: string;
}

export const sequenceNumber = (seq: number): string => (18_000_000_000_000_000_000n + BigInt(seq)).toString();

/**
 * Validates one message for `queue` and reserves its place; throws the entry's AwsError.
 * `charactersChecked`: the caller has already checked that the body has only characters SQS
 * accepts (SNS checks a publish's text once for all its copies).
 */
export function prepare(queue: Queue, state: QueueState, entry: SendEntry, sender: string, now: number, charactersChecked = false, shared?: SharedPart): Prepared {
  // Found before a DeleteQueue: nothing more is stored for it (store.ts, Queue.deleted).
  if (queue.deleted) throw sqsErrors.queueDoesNotExist();
  if (shared !== undefined) {
    // Head and tail are checked by the caller, once for all the copies.
    if (!hasOnlyValidCharacters(shared.part)) throw invalidContents(shared.part);
    if (shared.bytes === 0 && shared.part === '') throw sqsErrors.missingParameter('MessageBody');
  } else if (!charactersChecked) assertBody(entry.MessageBody);
  else if (entry.MessageBody === undefined || entry.MessageBody === '') throw sqsErrors.missingParameter('MessageBody');
  const attrs = storeMessageAttributes(entry.MessageAttributes);
  const sent = attrs === undefined ? undefined : asSent(attrs, entry.MessageAttributes!);
  const sys = storeSystemAttributes(entry.MessageSystemAttributes);
  const bodyBytes = shared === undefined ? Buffer.byteLength(entry.MessageBody!, 'utf8') : shared.bytes + Buffer.byteLength(shared.part, 'utf8');
  const limits = queue.sendLimits();
  assertMessageSize(bodyBytes + attributesSize(sent ?? attrs), limits.maxSize);
  assertFifoId(entry.MessageGroupId, 'MessageGroupId');
  assertFifoId(entry.MessageDeduplicationId, 'MessageDeduplicationId');
  const delay = entry.DelaySeconds;
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 900)) {
    throw sqsErrors.invalidValue(delay, 'DelaySeconds', 'DelaySeconds must be >= 0 and <= 900.');
  }
  const queueDelay = limits.delaySeconds;
  // A shared body's MD5 is computed when the body is read (shared-bodies.ts): not per copy here.
  const body = shared === undefined ? entry.MessageBody! : '';
  const record: MessageRecord = {
    id: queue.ids.next(), body, md5: shared === undefined ? md5Hex(body) : '', sent: now, sender, visibleAt: now + (delay ?? queueDelay) * 1000,
  };
  if (attrs !== undefined) { record.attrs = attrs; record.md5Attrs = md5OfAttributes(attrs); }
  if (sys !== undefined) record.sys = sys;
  if (entry.MessageGroupId !== undefined) record.group = entry.MessageGroupId;
  const prepared: Prepared = { record, seq: 0, md5SysAttrs: md5OfAttributes(sys) };
  if (shared !== undefined) prepared.shared = shared;
  if (sent !== undefined) prepared.md5SentAttrs = md5OfAttributes(sent);
  if (queue.fifo) fifoRules(queue, state, entry, prepared, now, queueDelay);
  else if (entry.MessageDeduplicationId !== undefined) {
    throw sqsErrors.invalidValue(entry.MessageDeduplicationId, 'MessageDeduplicationId', 'The request include parameter that is not valid for this queue type.');
  }
  if (prepared.duplicate === undefined) {
    prepared.seq = queue.numbers.next();
    if (prepared.dedupKey !== undefined) {
      record.seqNo = sequenceNumber(prepared.seq);
      // Reserved at once, so the same id again before this message's batch lands (in the same
      // batch call, or a concurrent send) is a duplicate too.
      prepared.dedupRecord = { expires: now + DEDUP_WINDOW_MS, messageId: record.id, seqNo: record.seqNo };
      state.dedup.set(prepared.dedupKey, prepared.dedupRecord);
    }
  }
  return prepared;
}

/**
 * The request's X-Amzn-Trace-Id header becomes the AWSTraceHeader system attribute of every message
 * of a SendMessage or SendMessageBatch that does not carry its own (the attribute wins; it is outside
 * the size quota): the X-Ray developer guide, "Amazon SQS and AWS X-Ray", and localstack's
 * test_aws_trace_header_propagation, recorded against AWS 2025-06-27. It was not sent as a system
 * attribute, so the answer's MD5OfMessageSystemAttributes does not cover it.
 */
export function traceFromHeader(prepared: Prepared, header: string | undefined): void {
  if (header === undefined || header === '') return;
  const record = prepared.record;
  if (record.sys?.AWSTraceHeader !== undefined) return;
  record.sys = { ...record.sys, AWSTraceHeader: { DataType: 'String', StringValue: header } };
}

function fifoRules(queue: Queue, state: QueueState, entry: SendEntry, prepared: Prepared, now: number, queueDelay: number): void {
  if (entry.DelaySeconds !== undefined && entry.DelaySeconds !== 0) {
    throw sqsErrors.invalidValue(entry.DelaySeconds, 'DelaySeconds', 'The request include parameter that is not valid for this queue type.');
  }
  prepared.record.visibleAt = now + queueDelay * 1000;
  if (entry.MessageGroupId === undefined) throw sqsErrors.missingParameter('MessageGroupId');
  const attributes = queue.record.attributes;
  let dedup = entry.MessageDeduplicationId;
  if (dedup === undefined) {
    if (attributes.ContentBasedDeduplication !== 'true') {
      throw sqsErrors.invalidParameterValue('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
    const s = prepared.shared;
    const hash = createHash('sha256');
    if (s === undefined) hash.update(prepared.record.body, 'utf8');
    else hash.update(s.body.head, 'utf8').update(s.part, 'utf8').update(s.body.tail, 'utf8');
    dedup = hash.digest('hex');
  }
  prepared.record.dedup = dedup;
  const key = attributes.DeduplicationScope === 'messageGroup' ? `${entry.MessageGroupId}\u0001${dedup}` : dedup;
  const seen = state.dedup.get(key);
  if (seen !== undefined && seen.expires > now) {
    prepared.duplicate = seen;
    return;
  }
  prepared.dedupKey = key;
}

/** Writes the prepared messages of one call in one batch, then makes them receivable. */
export async function commit(store: SqsStore, queue: Queue, state: QueueState, prepared: Prepared[]): Promise<void> {
  const ops: MetaOp[] = [];
  const stored = writesOf(queue, state, prepared, ops);
  if (ops.length === 0) return;
  try {
    await store.commit(ops);
  } catch (err) {
    abandoned(state, stored);
    throw err;
  }
  committed(state, stored, Date.now());
  state.wake();
}

/**
 * Adds to `ops` what storing one queue's prepared messages writes (a duplicate writes nothing),
 * and returns the messages that are stored. Several queues' writes may share one batch.
 */
export function writesOf(queue: Queue, state: QueueState, prepared: Prepared[], ops: MetaOp[]): Prepared[] {
  const stored: Prepared[] = [];
  for (const p of prepared) {
    if (p.duplicate !== undefined) continue;
    if (p.dedupKey !== undefined) ops.push({ type: 'put', ns: SQS_NS, key: dedupKey(queue.id, p.dedupKey), value: JSON.stringify(p.dedupRecord) });
    const value = p.ref !== undefined ? encodeSharedCopy(p.record, p.ref, p.shared!.part) : encodeMessage(p.record);
    ops.push({ type: 'put', ns: SQS_NS, key: messageKey(queue.id, p.seq), value });
    stored.push(p);
  }
  if (stored.length > 0 && queue.fifo) ops.push(...sweepDedup(queue, state, Date.now()));
  return stored;
}

/** Once their batch is durable: the stored messages become receivable (the caller wakes long polls). */
export function committed(state: QueueState, stored: Prepared[], at: number): void {
  for (const p of stored) state.addSent(p.seq, p.record.sent, p.record.visibleAt, p.record.group, at);
}

/** Their batch failed: the deduplication ids they reserved are free again. */
export function abandoned(state: QueueState, stored: Prepared[]): void {
  for (const p of stored) if (p.dedupKey !== undefined) state.dedup.delete(p.dedupKey);
}

const DEDUP_SWEEP_MS = 60_000;

/** Deduplication ids past their 5 minutes, dropped from memory and the store (at most once a minute). */
function sweepDedup(queue: Queue, state: QueueState, now: number): MetaOp[] {
  if (now < state.dedupSweepAt) return [];
  state.dedupSweepAt = now + DEDUP_SWEEP_MS;
  const ops: MetaOp[] = [];
  for (const [key, d] of state.dedup) {
    if (d.expires > now) continue;
    state.dedup.delete(key);
    ops.push({ type: 'del', ns: SQS_NS, key: dedupKey(queue.id, key) });
  }
  return ops;
}

export function resultOf(p: Prepared): SendResult {
  const r = p.record;
  const out: SendResult = { MessageId: p.duplicate?.messageId ?? r.id, MD5OfMessageBody: r.md5 };
  if (r.md5Attrs !== undefined) out.MD5OfMessageAttributes = p.md5SentAttrs ?? r.md5Attrs;
  if (p.md5SysAttrs !== undefined) out.MD5OfMessageSystemAttributes = p.md5SysAttrs;
  const seqNo = p.duplicate?.seqNo ?? r.seqNo;
  if (seqNo !== undefined) out.SequenceNumber = seqNo;
  return out;
}
