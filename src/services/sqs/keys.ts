/**
 * SQS's key layout in the MetaStore namespace "sqs" (the only place SQS keys are built;
 * DESIGN.md §8b). NUL separates parts; names, accounts and regions cannot contain it.
 *
 *   q\0<account>\0<region>\0<name>   → QueueRecord
 *   ~\0<number>\0<queueId>           → MessageRecord (what was sent: never rewritten)
 *   ~\0<number>                      → a body several messages share (shared-bodies.ts): the
 *                                      copies of one SNS publish in its subscribed queues
 *   ~\0<number>\0                    → the newest block of numbers drawn (log-numbers.ts)
 *   DEL r\0<queueId>\0<number>       → state record  (the MessageStates one receive or visibility
 *                                      change wrote, for every message it touched: state-records.ts)
 *   DEL d\0<queueId>\0<dedup key>    → DedupRecord   (FIFO deduplication, 5 minutes)
 *   t\0<taskId>                      → MoveTask (a message move task, move-tasks.ts)
 *   z\0<queueId>                     → a deleted queue whose messages are still being removed
 *   n\0<account>\0<region>\0<name>   → when a queue of that name was deleted (ms since the epoch),
 *                                      for QueueDeletedRecently (recently-deleted.ts)
 *
 * Why one log, numbered across all queues (log-numbers.ts), rather than each queue's messages
 * under its own prefix: what SQS writes is then always at the end of one key range, in write
 * order. With a prefix per queue, an SNS fan-out to ten queues put new keys at the end of ten
 * ranges (and of the bodies' range) in every LevelDB memtable, so every level-0 file overlapped
 * every level-1 table and each compaction rewrote, and mapped, all of level 1; in the log they
 * are moved down a level untouched. Measured on sns-fanout (10 queues, 5 s, 2 reps): about a
 * third less server CPU per publish and 11-16 MiB less peak RSS (docs/sqs.md#storage-layout).
 * The price: a queue's messages are found by scanning the log (queues are loaded all at once,
 * store.ts), and its sequence numbers are not consecutive (fresh-log.ts keeps runs with a stride).
 *
 * Earlier layouts, still read (never written) so a data directory of an earlier version loads
 * with everything in it: each message's, and each body's, number tells its key apart, as every
 * log number is at least LOG_BASE and every earlier one below it.
 *   m\0<queueId>\0<seq>              → MessageRecord, per-queue sequence numbers
 *   b\0<body id>                     → shared body
 *   s\0<queueId>\0<seq>              → MessageState (one message's; before state records)
 *   r\0<queueId>\0<number>           → state record (numbers below LOG_BASE)
 *   d\0<queueId>\0<dedup key>        → DedupRecord (moved after the log when its queue loads)
 *
 * A queue id is new for every CreateQueue, so a queue created again under the same name never
 * sees the old queue's messages. Numbers are fixed-width hex, so key order is number order.
 */
export const SQS_NS = 'sqs';
const S = '\u0000';

export const queueKey = (account: string, region: string, name: string): string => `q${S}${account}${S}${region}${S}${name}`;
export const queueRange = { gt: `q${S}`, lt: `q\u0001` };

/** Character codes of the hex digits. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const HEX_HALF = 2 ** 28;
/**
 * 14 hex digits. Every log number (2^40 and up) is past V8's small integers, and `toString(16)`
 * took a runtime call and a floating-point loop per key (perf of SendMessage:
 * DoubleToStringWithRadix), then `padStart` a second string: as two 28-bit halves into one string,
 * 27-29 ns a key instead of 271 (scratch, 2*10^6 keys) and one string allocated.
 */
export const seqText = (seq: number): string => {
  if (seq < HEX_HALF || seq >= HEX_HALF * HEX_HALF) return seq.toString(16).padStart(14, '0');
  const high = Math.floor(seq / HEX_HALF);
  const low = seq - high * HEX_HALF;
  return String.fromCharCode(
    HEX[(high >>> 24) & 15]!, HEX[(high >>> 20) & 15]!, HEX[(high >>> 16) & 15]!, HEX[(high >>> 12) & 15]!,
    HEX[(high >>> 8) & 15]!, HEX[(high >>> 4) & 15]!, HEX[high & 15]!,
    HEX[(low >>> 24) & 15]!, HEX[(low >>> 20) & 15]!, HEX[(low >>> 16) & 15]!, HEX[(low >>> 12) & 15]!,
    HEX[(low >>> 8) & 15]!, HEX[(low >>> 4) & 15]!, HEX[low & 15]!,
  );
};
export const seqOf = (text: string): number => parseInt(text, 16);

/** The first log number: every number below it is an earlier layout's (per-queue sequence number, body id). */
export const LOG_BASE = 2 ** 40;
/**
 * `~` sorts after every other SQS key: the log's end is the namespace's end, so no stored key
 * sits after the newest messages (a queue record after them kept the last LevelDB table's range
 * open to every new one, and each level-1 compaction rewrote all of level 1 with it).
 */
const LOG = `~${S}`;
export const logRange = { gt: LOG, lt: '~\u0001' };
/** `~\0` + 14 hex digits: a key this long is a shared body's, a longer one a message's. */
const LOG_NUMBER_END = LOG.length + 14;
/** The number of a log key. */
export const logNumberOf = (key: string): number => seqOf(key.slice(LOG.length, LOG_NUMBER_END));
/** The queue id of a log key, or undefined for a shared body's. */
export const logQueueOf = (key: string): string | undefined => (key.length > LOG_NUMBER_END ? key.slice(LOG_NUMBER_END + 1) : undefined);
/** A block marker's key: a message key with an empty queue id, which no queue has. */
export const logBlockKey = (number: number): string => `${LOG}${seqText(number)}${S}`;

/** Messages of the earlier layout (numbers below LOG_BASE), one prefix per queue. */
export const legacyMessagePrefix = (queueId: string): string => `m${S}${queueId}${S}`;
export const messageKey = (queueId: string, seq: number): string =>
  (seq >= LOG_BASE ? `${LOG}${seqText(seq)}${S}${queueId}` : legacyMessagePrefix(queueId) + seqText(seq));
export const statePrefix = (queueId: string): string => `s${S}${queueId}${S}`;
export const stateKey = (queueId: string, seq: number): string => statePrefix(queueId) + seqText(seq);
/**
 * After the log (DEL sorts after `~`): the per-queue records a receive or a FIFO send writes with
 * its messages. Before the log (the earlier `r` and `d`), every LevelDB table flushed with them
 * spanned the whole log, older queues' backlogs included, and each compaction rewrote all of it
 * (sqs-figures' batch cycle after its SendMessage replay: 130 µs of CPU per message, not 80).
 */
const AFTER_LOG = '\u007f';
export const legacyStateRecordPrefix = (queueId: string): string => `r${S}${queueId}${S}`;
export const stateRecordPrefix = (queueId: string): string => `${AFTER_LOG}r${S}${queueId}${S}`;
/** A state record's key: numbers below LOG_BASE are the earlier layout's, under `r`. */
export const stateRecordKey = (queueId: string, number: number): string =>
  (number >= LOG_BASE ? stateRecordPrefix(queueId) : legacyStateRecordPrefix(queueId)) + seqText(number);
export const legacyDedupPrefix = (queueId: string): string => `d${S}${queueId}${S}`;
export const dedupPrefix = (queueId: string): string => `${AFTER_LOG}d${S}${queueId}${S}`;
export const dedupKey = (queueId: string, key: string): string => dedupPrefix(queueId) + key;

export const sharedBodyKey = (id: number): string => (id >= LOG_BASE ? LOG + seqText(id) : `b${S}${seqText(id)}`);
/** Shared bodies of the earlier layout (ids below LOG_BASE). */
export const legacySharedBodyRange = { gt: `b${S}`, lt: `b\u0001` };

export const moveTaskKey = (taskId: string): string => `t${S}${taskId}`;
export const moveTaskRange = { gt: `t${S}`, lt: `t\u0001` };

export const deletedNameKey = (account: string, region: string, name: string): string => `n${S}${account}${S}${region}${S}${name}`;
export const deletedNameRange = { gt: `n${S}`, lt: `n\u0001` };

export const tombstoneKey = (queueId: string): string => `z${S}${queueId}`;
export const tombstoneRange = { gt: `z${S}`, lt: `z\u0001` };

/** Range of every key under `prefix`. */
export const prefixRange = (prefix: string): { gte: string; lt: string } => ({ gte: prefix, lt: prefix + '\u{10FFFF}' });

/** The trailing part of a key built by the helpers above (after the last NUL). */
export const lastPart = (key: string): string => key.slice(key.lastIndexOf(S) + 1);
