/**
 * SQS's key layout in the MetaStore namespace "sqs" (the only place SQS keys are built;
 * DESIGN.md §8b). NUL separates parts; names, accounts and regions cannot contain it.
 *
 *   q\0<account>\0<region>\0<name>   → QueueRecord
 *   m\0<queueId>\0<seq>              → MessageRecord (what was sent: never rewritten)
 *   r\0<queueId>\0<number>           → state record  (the MessageStates one receive or visibility
 *                                      change wrote, for every message it touched: state-records.ts)
 *   s\0<queueId>\0<seq>              → MessageState  (one message's; written by earlier versions, still read)
 *   d\0<queueId>\0<dedup key>        → DedupRecord   (FIFO deduplication, 5 minutes)
 *   b\0<body id>                     → a body several messages share (shared-bodies.ts): the
 *                                      copies of one SNS publish in its subscribed queues
 *   t\0<taskId>                      → MoveTask (a message move task, move-tasks.ts)
 *   z\0<queueId>                     → a deleted queue whose messages are still being removed
 *
 * A queue id is new for every CreateQueue, so a queue created again under the same name never
 * sees the old queue's messages. Sequence numbers are fixed-width hex, so key order is send order.
 */
export const SQS_NS = 'sqs';
const S = '\u0000';

export const queueKey = (account: string, region: string, name: string): string => `q${S}${account}${S}${region}${S}${name}`;
export const queueRange = { gt: `q${S}`, lt: `q\u0001` };

export const seqText = (seq: number): string => seq.toString(16).padStart(14, '0');
export const seqOf = (text: string): number => parseInt(text, 16);

export const messagePrefix = (queueId: string): string => `m${S}${queueId}${S}`;
export const messageKey = (queueId: string, seq: number): string => messagePrefix(queueId) + seqText(seq);
export const statePrefix = (queueId: string): string => `s${S}${queueId}${S}`;
export const stateKey = (queueId: string, seq: number): string => statePrefix(queueId) + seqText(seq);
export const stateRecordPrefix = (queueId: string): string => `r${S}${queueId}${S}`;
export const stateRecordKey = (queueId: string, number: number): string => stateRecordPrefix(queueId) + seqText(number);
export const dedupPrefix = (queueId: string): string => `d${S}${queueId}${S}`;
export const dedupKey = (queueId: string, key: string): string => dedupPrefix(queueId) + key;

export const sharedBodyKey = (id: number): string => `b${S}${seqText(id)}`;
export const sharedBodyRange = { gt: `b${S}`, lt: `b\u0001` };

export const moveTaskKey = (taskId: string): string => `t${S}${taskId}`;
export const moveTaskRange = { gt: `t${S}`, lt: `t\u0001` };

export const tombstoneKey = (queueId: string): string => `z${S}${queueId}`;
export const tombstoneRange = { gt: `z${S}`, lt: `z\u0001` };

/** Range of every key under `prefix`. */
export const prefixRange = (prefix: string): { gte: string; lt: string } => ({ gte: prefix, lt: prefix + '\u{10FFFF}' });

/** The trailing part of a key built by the helpers above (after the last NUL). */
export const lastPart = (key: string): string => key.slice(key.lastIndexOf(S) + 1);
