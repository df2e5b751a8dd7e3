/**
 * What ReceiveMessage returns for a message: the system attributes asked for (AttributeNames and
 * MessageSystemAttributeNames together, "All" for every one), and the message attributes asked
 * for by name, by prefix ("foo.*") or all ("All", ".*"), with MD5OfMessageAttributes computed
 * over the attributes returned.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 */
import type { Message, MessageAttributesValue } from '../../model/generated/sqs-types.js';
import { sqsErrors } from './errors.js';
import { md5OfAttributes } from './message-md5.js';
import { byName } from './message-validation.js';
import type { Msg } from './queue-state.js';
import type { MessageRecord, StoredAttribute } from './records.js';

export const SYSTEM_ATTRIBUTE_NAMES = [
  'All', 'SenderId', 'SentTimestamp', 'ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp',
  'SequenceNumber', 'MessageDeduplicationId', 'MessageGroupId', 'AWSTraceHeader', 'DeadLetterQueueSourceArn',
];

/** The system attribute names asked for; InvalidAttributeName for one SQS does not know. */
export function systemNames(attributeNames: string[] | undefined, systemAttributeNames: string[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const name of [...(attributeNames ?? []), ...(systemAttributeNames ?? [])]) {
    if (!SYSTEM_ATTRIBUTE_NAMES.includes(name)) throw sqsErrors.invalidAttributeName(name);
    names.add(name);
  }
  return names;
}

function systemAttributes(record: MessageRecord, msg: Msg, names: Set<string>): Record<string, string> | undefined {
  if (names.size === 0) return undefined;
  const all = names.has('All');
  const out: Record<string, string> = {};
  const put = (name: string, value: string | undefined): void => { if (value !== undefined && (all || names.has(name))) out[name] = value; };
  // In the order native AWS writes them (radkawar/stackd testdata/aws/sqs/fifo_redrive.json,
  // queue_metrics.json, request_metrics.json, 2026-09): the AWS CLI prints them in that order.
  put('SenderId', record.sender);
  put('ApproximateFirstReceiveTimestamp', String(msg.first));
  put('ApproximateReceiveCount', String(msg.count));
  put('SentTimestamp', String(record.sent));
  put('AWSTraceHeader', record.sys?.AWSTraceHeader?.StringValue);
  put('SequenceNumber', record.seqNo);
  put('MessageDeduplicationId', record.dedup);
  put('MessageGroupId', record.group);
  put('DeadLetterQueueSourceArn', record.dlqSource);
  return Object.keys(out).length > 0 ? out : undefined;
}

function selectAttributes(attrs: Record<string, StoredAttribute> | undefined, names: string[] | undefined): Record<string, StoredAttribute> | undefined {
  if (attrs === undefined || names === undefined || names.length === 0) return undefined;
  if (names.includes('All') || names.includes('.*') || names.includes('*')) return attrs;
  // "Hel.*" selects every name starting with "Hel" (Hello and Help.Me alike): AWS's answer in
  // localstack tests/aws/services/sqs/test_sqs.snapshot.json test_receive_message_message_attribute_names_filters.
  const prefixes = names.filter((n) => n.endsWith('.*')).map((n) => n.slice(0, -2));
  const out = byName<StoredAttribute>();
  let any = false;
  for (const [name, value] of Object.entries(attrs)) {
    if (names.includes(name) || prefixes.some((p) => name.startsWith(p))) { out[name] = value; any = true; }
  }
  return any ? out : undefined;
}

function wireAttribute(a: StoredAttribute): MessageAttributesValue {
  return a.BinaryValue !== undefined
    ? { DataType: a.DataType, BinaryValue: Buffer.from(a.BinaryValue, 'base64') }
    : { DataType: a.DataType, StringValue: a.StringValue ?? '' };
}

export function messageOutput(record: MessageRecord, msg: Msg, handle: string, system: Set<string>, attributeNames: string[] | undefined): Message {
  const out: Message = { MessageId: record.id, ReceiptHandle: handle, MD5OfBody: record.md5, Body: record.body };
  const attrs = systemAttributes(record, msg, system);
  if (attrs !== undefined) out.Attributes = attrs;
  const selected = selectAttributes(record.attrs, attributeNames);
  if (selected !== undefined) {
    out.MD5OfMessageAttributes = selected === record.attrs ? record.md5Attrs : md5OfAttributes(selected);
    out.MessageAttributes = byName<MessageAttributesValue>();
    for (const [name, a] of Object.entries(selected)) out.MessageAttributes[name] = wireAttribute(a);
  }
  return out;
}
