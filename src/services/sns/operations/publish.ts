/**
 * Publish to a topic (fanned out before the answer: sqs copies are in their queues, http copies
 * in the durable outbox), or — under the `virtual` gate — to a platform endpoint (TargetArn) or
 * a phone number, captured in the outbox. https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
import { randomUUID } from 'node:crypto';
import { notImplemented } from '../../../errors/common.js';
import type { PublishInput, PublishOutput } from '../../../model/generated/sns-types.js';
import { acceptForTopic, checkMessage } from '../accept-message.js';
import { parseTopicArn } from '../arns.js';
import { topicOf, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { RequestContext } from '../../types.js';
import { isoDateText } from '../../../util/date-text.js';

export const publish: SnsHandler<PublishInput, PublishOutput> = async (deps, ctx, input) => {
  const targets = [input.TopicArn, input.TargetArn, input.PhoneNumber].filter((t) => t !== undefined);
  if (targets.length === 0) throw snsErrors.invalid('TopicArn or TargetArn', 'One of PhoneNumber, TopicArn or TargetArn must be specified');
  if (targets.length > 1) throw snsErrors.invalid('TopicArn or TargetArn', 'Only one of PhoneNumber, TopicArn or TargetArn may be specified');
  const topicTarget = input.TopicArn ?? (input.TargetArn !== undefined && parseTopicArn(input.TargetArn) !== undefined ? input.TargetArn : undefined);
  if (topicTarget === undefined) return publishDirect(deps, ctx, input);
  const member = input.TopicArn !== undefined ? 'TopicArn' : 'TargetArn';
  const topic = topicOf(deps, ctx, topicTarget, member);
  // FIFO: the reservation awaited (rarely), then the count taken with no await in between.
  const sequences = deps.fifo.sequences;
  if (topic.fifo) for (let w = sequences.reserve(topic.arn); w !== undefined; w = sequences.reserve(topic.arn)) await w;
  const { message, deliver } = acceptForTopic(topic, input, deps.fifo, topic.fifo ? sequences.request(topic.arn) : undefined);
  // The X-Ray trace header reaches the SQS copies as AWSTraceHeader (AWS's answer in localstack
  // test_sns.snapshot.json, test_publish_sqs_from_sns_with_xray_propagation, 2023-08-24).
  if (ctx.traceHeader !== undefined && ctx.traceHeader !== '') message.traceHeader = ctx.traceHeader;
  if (deliver) {
    // A topic that archives keeps the message first, noted in this synchronous run so that replays
    // see messages in publish order (archive/message-archive.ts); other topics pay this one check.
    if (topic.beginningArchiveTime !== undefined) await deps.archive.add(topic, [message]);
    await deps.deliverer.publish([message], ctx.host);
    if (message.dedupKey !== undefined) await deps.fifo.persist(topic.arn, [message.dedupKey]);
  }
  return { MessageId: message.messageId, ...(message.sequenceNumber === undefined ? {} : { SequenceNumber: message.sequenceNumber }) };
};

async function publishDirect(deps: SnsDeps, ctx: RequestContext, input: PublishInput): Promise<PublishOutput> {
  const sms = input.PhoneNumber !== undefined;
  // "+1a234 is not valid to publish to" (localstack tests/aws/services/sns/test_sns.snapshot.json, test_publish_wrong_phone_format, 2023-08-25).
  if (sms && !/^\+?[1-9]\d{1,14}$/.test(input.PhoneNumber!)) throw snsErrors.invalid('PhoneNumber', `${input.PhoneNumber!} is not valid to publish to`);
  if (!sms) {
    const endpoint = deps.store.endpoint(input.TargetArn!);
    if (!/^arn:aws:sns:[a-z0-9-]+:\d{12}:endpoint\//.test(input.TargetArn!)) throw snsErrors.invalid('TargetArn');
    // InvalidParameter (400), not NotFound: localstack tests/aws/services/sns/test_sns.snapshot.json,
    // test_publish_non_existent_target, 2023-08-24.
    if (endpoint === undefined) throw snsErrors.invalid('TargetArn', 'No endpoint found for the target arn specified');
    if (endpoint.attributes.Enabled === 'false') throw snsErrors.endpointDisabled();
  }
  if (!deps.features.has('virtual')) throw notImplemented('SNS', 'Publish', sms ? 'SMS delivery (PhoneNumber)' : 'mobile push delivery (TargetArn)');
  const checked = checkMessage(input);
  const messageId = randomUUID();
  await deps.deliverer.captureDirect(sms ? 'sms' : 'application', sms ? input.PhoneNumber! : input.TargetArn!, {
    messageId, message: checked.message, perProtocol: checked.perProtocol, subject: input.Subject, attributes: input.MessageAttributes,
    timestamp: isoDateText(new Date()),
  });
  void ctx;
  return { MessageId: messageId };
}
