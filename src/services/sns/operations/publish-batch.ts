/**
 * PublishBatch: up to 10 messages to one topic. Request-level rules (entry count, distinct and
 * well-formed ids, total size, and each entry's attributes and FIFO ids: checkBatchEntry) fail
 * the call; a message that breaks another message rule fails only its
 * entry, reported in Failed with SNS's code and message.
 * https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html
 */
import { isAwsError } from '../../../errors/aws-error.js';
import type { FailedItem, PublishBatchInput, PublishBatchOutput, SuccessfulItem } from '../../../model/generated/sns-types.js';
import { MAX_MESSAGE_BYTES, acceptForTopic, checkBatchEntry } from '../accept-message.js';
import { topicOf, type SnsHandler } from '../context.js';
import type { PublishedMessage } from '../delivery/message.js';
import { snsErrors } from '../errors.js';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export const publishBatch: SnsHandler<PublishBatchInput, PublishBatchOutput> = async (deps, ctx, input) => {
  const entries = input.PublishBatchRequestEntries ?? [];
  const topic = topicOf(deps, ctx, input.TopicArn);
  if (entries.length === 0) throw snsErrors.emptyBatch();
  if (entries.length > 10) throw snsErrors.tooManyEntries();
  const ids = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (!ENTRY_ID.test(e.Id)) throw snsErrors.invalidBatchEntryId();
    if (ids.has(e.Id)) throw snsErrors.batchIdsNotDistinct();
    ids.add(e.Id);
    total += Buffer.byteLength(e.Message ?? '');
  }
  if (total > MAX_MESSAGE_BYTES) throw snsErrors.batchTooLong();
  entries.forEach((e, i) => checkBatchEntry(topic, e, i));
  const Successful: SuccessfulItem[] = [];
  const Failed: FailedItem[] = [];
  const toDeliver: PublishedMessage[] = [];
  // FIFO: the batch is one request, one count for its new messages (fifo-sequence.ts), taken
  // with no await between the reservation and the entries.
  const sequences = deps.fifo.sequences;
  if (topic.fifo) for (let w = sequences.reserve(topic.arn); w !== undefined; w = sequences.reserve(topic.arn)) await w;
  const sequence = topic.fifo ? sequences.request(topic.arn) : undefined;
  for (const e of entries) {
    try {
      const { message, deliver } = acceptForTopic(topic, e, deps.fifo, sequence);
      if (deliver) toDeliver.push(message);
      Successful.push({ Id: e.Id, MessageId: message.messageId, ...(message.sequenceNumber === undefined ? {} : { SequenceNumber: message.sequenceNumber }) });
    } catch (err) {
      if (!isAwsError(err)) throw err;
      Failed.push({ Id: e.Id, Code: err.code, Message: err.message, SenderFault: err.fault === 'Sender' });
    }
  }
  if (toDeliver.length > 0) {
    // Archived first, as Publish does (publish.ts).
    if (topic.beginningArchiveTime !== undefined) await deps.archive.add(topic, toDeliver);
    await deps.deliverer.publish(toDeliver, ctx.host);
    const dedupIds = toDeliver.flatMap((m) => (m.dedupKey === undefined ? [] : [m.dedupKey]));
    if (dedupIds.length > 0) await deps.fifo.persist(topic.arn, dedupIds);
  }
  return { Successful, Failed };
};
