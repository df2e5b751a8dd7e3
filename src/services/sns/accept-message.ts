/**
 * What Publish and PublishBatch check before a message is accepted, in SNS's words: the message
 * (non-empty, at most 256 KiB with its attributes), the subject, MessageStructure json (a
 * `default` entry), message attributes, and the FIFO rules (MessageGroupId required, a
 * deduplication id or content-based deduplication; no deduplication id on a standard topic,
 * whose group id only reaches its SQS queues). https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
import { randomUUID } from 'node:crypto';
import type { MessageAttributesValue } from '../../model/generated/sns-types.js';
import { snsErrors } from './errors.js';
import { checkMessageAttributes } from './message-attributes.js';
import { contentDedupId, type FifoState } from './fifo.js';
import type { RequestSequence } from './fifo-sequence.js';
import type { PublishedMessage } from './delivery/message.js';
import type { TopicRecord } from './records.js';
import { isoDateText } from '../../util/date-text.js';

export const MAX_MESSAGE_BYTES = 256 * 1024;
const FIFO_ID = /^[\x21-\x7e]{1,128}$/;

export interface MessageInput {
  Message: string;
  Subject?: string | undefined;
  MessageStructure?: string | undefined;
  MessageAttributes?: Record<string, MessageAttributesValue> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}

/** The message's parts as checked, with its size (message and attributes), for any target. */
export function checkMessage(input: MessageInput): { perProtocol?: Record<string, string>; message: string; size: number } {
  if (input.Message === '') throw snsErrors.invalid('Empty message');
  if (input.Subject !== undefined && (input.Subject === '' || input.Subject.length > 100 || /[\x00-\x1f\x7f]/.test(input.Subject))) {
    throw snsErrors.invalid('Subject');
  }
  const size = Buffer.byteLength(input.Message) + checkMessageAttributes(input.MessageAttributes);
  if (size > MAX_MESSAGE_BYTES) throw snsErrors.invalid('Message too long');
  if (input.MessageStructure === undefined) return { message: input.Message, size };
  return { ...parseStructure(input.Message, input.MessageStructure), size };
}

/** MessageStructure=json: a JSON object with a string `default`; each entry is one protocol's message. */
function parseStructure(text: string, structure: string): { perProtocol: Record<string, string>; message: string } {
  if (structure !== 'json') throw snsErrors.invalid('MessageStructure');
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw snsErrors.invalid('Message Structure - JSON message body failed to parse'); }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw snsErrors.invalid('Message Structure - JSON message body failed to parse');
  const entries = json as Record<string, unknown>;
  // A number or null default is taken as its JSON text ("17", "null"); an object or an array is
  // none (native AWS, radkawar/stackd testdata/aws/sns/subject_structure.json, default-*, 2026-09-14).
  const fallback = entries.default;
  if (typeof fallback !== 'string' && typeof fallback !== 'number' && fallback !== null) {
    throw snsErrors.invalid('Message Structure - No default entry in JSON message body');
  }
  // Another protocol's entry counts only as a string: one that is an object or a number gets the
  // default (native AWS, radkawar/stackd testdata/aws/sns/message_rules.json
  // structured-nonstring-sqs and its receipt, 2026-09-14).
  const perProtocol: Record<string, string> = { default: typeof fallback === 'string' ? fallback : JSON.stringify(fallback) };
  for (const [k, v] of Object.entries(entries)) if (typeof v === 'string') perProtocol[k] = v;
  return { perProtocol, message: perProtocol.default! };
}

/**
 * What PublishBatch refuses for the whole call when any entry breaks it: message attributes and
 * the FIFO ids (AWS's answers in localstack tests/aws/services/sns/test_sns.snapshot.json:
 * test_publish_batch_exceptions 2023-08-24, test_empty_or_wrong_message_attributes "batch-*"
 * 2024-11-15). Other message rules (an empty message, a json structure without default or that
 * does not parse...) fail only their entry on a standard topic (native AWS, radkawar/stackd
 * testdata/aws/sns/message_rules.json structured-batch-valid-then-malformed and
 * -malformed-then-valid, 2026-09-14), the whole call on a FIFO topic (below).
 */
export function checkBatchEntry(topic: TopicRecord, input: MessageInput, index: number): void {
  checkMessageAttributes(input.MessageAttributes, index);
  // Before the FIFO ids: test_publish_batch_exceptions "no-default-key-json" has no MessageGroupId.
  if (topic.fifo && input.MessageStructure !== undefined && input.Message !== '') parseStructure(input.Message, input.MessageStructure);
  // To a standard topic a bad MessageGroupId fails only its entry (native AWS, message_groups.json
  // mixed-batch, 2026-09-22): acceptForTopic checks it.
  if (topic.fifo || input.MessageDeduplicationId !== undefined) fifoIds(topic, input, input.Message);
  // To a FIFO topic, the other message rules (an empty message, an empty Subject) fail the whole
  // call too: native AWS, radkawar/stackd testdata/aws/sns/fifo_edges.json, batch-empty-message
  // and batch-subject (2026-09-22).
  if (topic.fifo) checkMessage(input);
}

/**
 * Native AWS, radkawar/stackd testdata/aws/sns/message_groups.json, empty, over, space, unicode,
 * tab (standard topic, 2026-09-22); a FIFO topic's answer is taken to match its
 * MessageDeduplicationId one (fifo_edges.json batch-invalid-dedup).
 */
const BAD_GROUP_ID = 'Invalid parameter: The MessageGroupId parameter can only include alphanumeric and punctuation characters. 1 to 128 in length';

/** The FIFO ids of a message to `topic`: checked, and the dedup id derived when content-based. */
export function fifoIds(topic: TopicRecord, input: MessageInput, message: string): { groupId?: string; dedupId?: string } {
  if (!topic.fifo) {
    if (input.MessageDeduplicationId !== undefined) {
      throw snsErrors.invalid('MessageDeduplicationId', 'The request includes MessageDeduplicationId parameter that is not valid for this topic type');
    }
    // Since 2025-07-31 a standard topic takes a MessageGroupId and hands it to its SQS queues (fair
    // queues): https://aws.amazon.com/about-aws/whats-new/2025/07/amazon-sns-standard-topics-sqs-fair-queues/;
    // AWS's answer in localstack tests/aws/services/sns/test_sns.snapshot.json, test_publish_message_group_id, 2025-08-18.
    if (input.MessageGroupId === undefined) return {};
    if (!FIFO_ID.test(input.MessageGroupId)) throw snsErrors.invalidParameter(BAD_GROUP_ID);
    return { groupId: input.MessageGroupId };
  }
  if (input.MessageGroupId === undefined) throw snsErrors.invalid('The MessageGroupId parameter is required for FIFO topics');
  if (!FIFO_ID.test(input.MessageGroupId)) throw snsErrors.invalidParameter(BAD_GROUP_ID);
  let dedupId = input.MessageDeduplicationId;
  if (dedupId === undefined) {
    if (topic.attributes.ContentBasedDeduplication !== 'true') {
      throw snsErrors.invalid('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
    dedupId = contentDedupId(message);
  } else if (!FIFO_ID.test(dedupId)) {
    // Native AWS, radkawar/stackd testdata/aws/sns/fifo_edges.json, batch-invalid-dedup (2026-09-22).
    throw snsErrors.invalidParameter('Invalid parameter: The MessageDeduplicationId parameter can only include alphanumeric and punctuation characters. 1 to 128 in length');
  }
  return { groupId: input.MessageGroupId, dedupId };
}

/**
 * Accepts a checked message to a topic: a new MessageId (and on FIFO the next number of the
 * request's `sequence`), or the earlier answer for a duplicate within the deduplication window
 * (then `deliver` is false).
 */
export function acceptForTopic(topic: TopicRecord, input: MessageInput, fifo: FifoState, sequence: RequestSequence | undefined): { message: PublishedMessage; deliver: boolean } {
  const checked = checkMessage(input);
  const { groupId, dedupId } = fifoIds(topic, input, input.Message);
  const base = {
    topic, message: checked.message, perProtocol: checked.perProtocol, subject: input.Subject, attributes: input.MessageAttributes,
    timestamp: isoDateText(new Date()), groupId, dedupId,
  };
  if (topic.fifo && dedupId !== undefined) {
    // Under FifoThroughputScope MessageGroup the same id in another group is a new message (native
    // AWS, radkawar/stackd testdata/aws/sns/fifo.json, duplicate-other-group, 2026-09-22; topic-wide
    // otherwise: fifo_edges.json, topic-other-group).
    const dedupKey = topic.attributes.FifoThroughputScope === 'MessageGroup' ? `${groupId}\u0001${dedupId}` : dedupId;
    const earlier = fifo.duplicate(topic.arn, dedupKey);
    if (earlier !== undefined) return { message: { ...base, messageId: earlier.messageId, sequenceNumber: earlier.sequenceNumber }, deliver: false };
    if (sequence === undefined) throw new Error('a FIFO message is accepted with its request\'s sequence');
    const accepted = { messageId: randomUUID(), sequenceNumber: sequence() };
    fifo.remember(topic.arn, dedupKey, accepted);
    return { message: { ...base, ...accepted, dedupKey }, deliver: true };
  }
  return { message: { ...base, messageId: randomUUID() }, deliver: true };
}
