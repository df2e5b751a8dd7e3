/** A message as Publish accepted it, ready to fan out. */
import type { MessageAttributesValue } from '../../../model/generated/sns-types.js';
import type { TopicRecord } from '../records.js';

export interface PublishedMessage {
  messageId: string;
  topic: TopicRecord;
  /** The message (MessageStructure json: the `default` entry). */
  message: string;
  /** MessageStructure json: the text per protocol (`sqs`, `http`, `email`, ...). */
  perProtocol?: Record<string, string> | undefined;
  subject?: string | undefined;
  attributes?: Record<string, MessageAttributesValue> | undefined;
  timestamp: string;
  groupId?: string | undefined;
  dedupId?: string | undefined;
  /** The key of its deduplication window entry (FifoState): the id, within its group under FifoThroughputScope MessageGroup. */
  dedupKey?: string | undefined;
  sequenceNumber?: string | undefined;
  /** The Publish request's X-Amzn-Trace-Id: SQS copies carry it as AWSTraceHeader. */
  traceHeader?: string | undefined;
  /** Kept in its topic's archive (archive/message-archive.ts): subscriptions replaying may take it from there instead. */
  archived?: boolean | undefined;
  /** Delivered again from the archive: its envelope says `"Replayed" : "true"`. */
  replayed?: boolean | undefined;
}

/** The text a protocol receives: its own entry of a json-structured message, else the default. */
export function textFor(m: PublishedMessage, protocol: string): string {
  return m.perProtocol?.[protocol] ?? m.message;
}

/** Attributes as they appear in envelopes and captures: {Type, Value} with binary in base64. */
export function envelopeAttributes(attributes: Record<string, MessageAttributesValue> | undefined): Record<string, { Type: string; Value: string }> | undefined {
  if (attributes === undefined) return undefined;
  const out: Record<string, { Type: string; Value: string }> = {};
  for (const [name, a] of Object.entries(attributes)) {
    out[name] = { Type: a.DataType, Value: a.BinaryValue !== undefined ? Buffer.from(a.BinaryValue).toString('base64') : a.StringValue ?? '' };
  }
  return out;
}
