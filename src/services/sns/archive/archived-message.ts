/**
 * A message as the archive keeps it (JSON, one MetaStore value): what a replay needs to deliver
 * it again as it was first delivered, with its MessageId, SequenceNumber and Timestamp, which a
 * replayed message keeps (https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-subscriber.html).
 * Binary attribute values are kept in base64.
 */
import type { MessageAttributesValue } from '../../../model/generated/sns-types.js';
import type { PublishedMessage } from '../delivery/message.js';
import type { TopicRecord } from '../records.js';

export interface ArchivedMessage {
  id: string;
  seq: string;
  /** The envelope's Timestamp. */
  ts: string;
  /** When it was archived (ms): its retention runs from here. */
  at: number;
  msg: string;
  pp?: Record<string, string>;
  sub?: string;
  attrs?: Record<string, { t: string; s?: string; b?: string }>;
  g?: string;
  d?: string;
}

export function archivedOf(m: PublishedMessage, at: number): ArchivedMessage {
  const a: ArchivedMessage = { id: m.messageId, seq: m.sequenceNumber!, ts: m.timestamp, at, msg: m.message };
  if (m.perProtocol !== undefined) a.pp = m.perProtocol;
  if (m.subject !== undefined) a.sub = m.subject;
  if (m.groupId !== undefined) a.g = m.groupId;
  if (m.dedupId !== undefined) a.d = m.dedupId;
  if (m.attributes !== undefined) {
    a.attrs = {};
    for (const [name, v] of Object.entries(m.attributes)) {
      a.attrs[name] = v.BinaryValue !== undefined ? { t: v.DataType, b: Buffer.from(v.BinaryValue).toString('base64') } : { t: v.DataType, s: v.StringValue ?? '' };
    }
  }
  return a;
}

/** The archived message as the fan-out takes it, marked as replayed. */
export function fromArchived(a: ArchivedMessage, topic: TopicRecord): PublishedMessage {
  let attributes: Record<string, MessageAttributesValue> | undefined;
  if (a.attrs !== undefined) {
    attributes = {};
    for (const [name, v] of Object.entries(a.attrs)) {
      attributes[name] = v.b !== undefined ? { DataType: v.t, BinaryValue: Buffer.from(v.b, 'base64') } : { DataType: v.t, StringValue: v.s ?? '' };
    }
  }
  return {
    messageId: a.id, topic, message: a.msg, perProtocol: a.pp, subject: a.sub, attributes, timestamp: a.ts,
    groupId: a.g, dedupId: a.d, sequenceNumber: a.seq, replayed: true,
  };
}
