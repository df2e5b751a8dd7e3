/** SNS's key layout in the MetaStore (the only place keys are built). */
export const SNS_NS = 'sns';

export const topicKey = (arn: string): string => `t/${arn}`;
export const TOPIC_PREFIX = 't/';
export const subscriptionKey = (arn: string): string => `s/${arn}`;
export const SUBSCRIPTION_PREFIX = 's/';
export const applicationKey = (arn: string): string => `a/${arn}`;
export const APPLICATION_PREFIX = 'a/';
export const endpointKey = (arn: string): string => `e/${arn}`;
export const ENDPOINT_PREFIX = 'e/';
/** The signing key and its certificate (signature.ts). */
export const SIGNING_KEY = 'signing';
/** HTTP deliveries still to make, in due order: `o/<due ms, 15 digits>/<id>`. */
export const outboxKey = (due: number, id: string): string => `o/${String(due).padStart(15, '0')}/${id}`;
export const OUTBOX_PREFIX = 'o/';
/** Deliveries captured under the `virtual` gate, in arrival order. */
export const capturedKey = (seq: number): string => `v/${String(seq).padStart(15, '0')}`;
export const CAPTURED_PREFIX = 'v/';

/** A FIFO topic's deduplication window (fifo.ts): ids are printable ASCII without spaces, ARNs have none. */
export const dedupKey = (topicArn: string, dedupId: string): string => `f/${topicArn} ${dedupId}`;
export const DEDUP_PREFIX = 'f/';
/** A FIFO topic's first sequence count not yet reserved (fifo-sequence.ts). */
export const sequenceKey = (topicArn: string): string => `q/${topicArn}`;
export const SEQUENCE_PREFIX = 'q/';
/** An account's SMS settings in one Region (sms-settings.ts). */
export const smsSettingsKey = (account: string, region: string): string => `m/${account}/${region}`;

/** Tokens of removed subscriptions, oldest first (tombstones.ts): `r/<seq, 15 digits>`. */
export const tombstoneKey = (seq: number): string => `r/${String(seq).padStart(15, '0')}`;
export const TOMBSTONE_PREFIX = 'r/';

/**
 * A FIFO topic's message archive (archive/message-archive.ts), in publish order:
 * `h/<topic ARN> <sequence number, 20 digits>`. ARNs have no space, sequence numbers one width.
 */
export const archiveKey = (topicArn: string, sequenceNumber: string): string => `h/${topicArn} ${sequenceNumber}`;
export const archivePrefix = (topicArn: string): string => `h/${topicArn} `;
export const ARCHIVE_PREFIX = 'h/';
/** A replay still to finish (archive/replayer.ts): `p/<subscription ARN>`, its progress; gone once done. */
export const replayKey = (subscriptionArn: string): string => `p/${subscriptionArn}`;
export const REPLAY_PREFIX = 'p/';

/** The range of keys starting with `prefix`. */
export const prefixRange = (prefix: string): { gte: string; lt: string } => ({ gte: prefix, lt: `${prefix}\xff` });
