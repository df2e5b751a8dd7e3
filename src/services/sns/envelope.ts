/**
 * The JSON documents SNS delivers (Notification, SubscriptionConfirmation,
 * UnsubscribeConfirmation), written field by field in AWS's order and layout, and the string
 * each signature covers. https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import type { MessageAttributesValue } from '../../model/generated/sns-types.js';
import type { DeferredPart } from '../sqs/internal-api.js';

export interface NotificationFields {
  messageId: string;
  topicArn: string;
  subject?: string | undefined;
  message: string;
  timestamp: string;
  sequenceNumber?: string | undefined;
  /** From a FIFO topic: unsigned (and with no SequenceNumber when the message was json-structured). */
  fifo?: boolean | undefined;
  signatureVersion: '1' | '2';
  signature: string;
  signingCertUrl: string;
  unsubscribeUrl: string;
  attributes?: Record<string, MessageAttributesValue> | undefined;
  /** Replayed from the topic's archive (archive/replayer.ts). */
  replayed?: boolean | undefined;
}

/** What a Notification's signature covers: these fields, in this order. */
export function notificationStringToSign(f: { message: string; messageId: string; subject?: string | undefined; timestamp: string; topicArn: string }): string {
  return `Message\n${f.message}\nMessageId\n${f.messageId}\n${f.subject === undefined ? '' : `Subject\n${f.subject}\n`}`
    + `Timestamp\n${f.timestamp}\nTopicArn\n${f.topicArn}\nType\nNotification\n`;
}

/** What a (Un)SubscriptionConfirmation's signature covers. */
export function confirmationStringToSign(f: { type: string; message: string; messageId: string; subscribeUrl: string; timestamp: string; token: string; topicArn: string }): string {
  return `Message\n${f.message}\nMessageId\n${f.messageId}\nSubscribeURL\n${f.subscribeUrl}\nTimestamp\n${f.timestamp}\n`
    + `Token\n${f.token}\nTopicArn\n${f.topicArn}\nType\n${f.type}\n`;
}

export const field = (name: string, value: string): string => `  ${JSON.stringify(name)} : ${JSON.stringify(value)}`;

const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATES = /[\uD800-\uDFFF]/g;

/**
 * A string as the notification writes it: JSON, with each UTF-16 unit of a character beyond the
 * BMP escaped (`😀` → `\uD83D\uDE00`, upper-case hex) and every other character as it is (native
 * AWS, radkawar/stackd testdata/aws/sns/subject_structure.json receive-5 and receive-1,
 * 2026-09-14, a Subject; the Message is taken to come from the same writer). One scan of the
 * JSON text when there is none.
 */
export function notificationText(value: string): string {
  const json = JSON.stringify(value);
  return SURROGATE.test(json) ? json.replace(SURROGATES, (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase()}`) : json;
}

/**
 * The MessageAttributes object as the notification writes it: one attribute a line, each compact
 * (native AWS, radkawar/stackd testdata/aws/sns/regional_sqs.json standard-wrapped-receive-1,
 * metrics.json single-size-receive-attributes-0, admission.json receive-publications-3, 2026-09):
 *   "MessageAttributes" : {
 *     "kind" : {"Type":"String","Value":"keep"},
 *     "detail" : {"Type":"String","Value":"é界"}
 *   }
 */
function attributesJson(attributes: Record<string, MessageAttributesValue>): string {
  const entries = Object.entries(attributes).map(([name, a]) => {
    const value = a.BinaryValue !== undefined ? Buffer.from(a.BinaryValue).toString('base64') : a.StringValue ?? '';
    return `    ${JSON.stringify(name)} : {"Type":${JSON.stringify(a.DataType)},"Value":${JSON.stringify(value)}}`;
  });
  return `{\n${entries.join(',\n')}\n  }`;
}

/** A Notification as SNS delivers it to SQS and HTTP/S (without raw delivery). */
export function notificationJson(f: NotificationFields): string {
  return notificationTemplate(f).for(f.unsubscribeUrl);
}

/**
 * A Notification split around its only per-subscription field, UnsubscribeURL: a fan-out builds
 * the rest once per message, and each copy is `head + its field + tail`. `head` and `tail` hold
 * every other character of every copy (checked once for all of them).
 */
export class NotificationTemplate {
  /** `deferred`: the head's Signature is empty, to be filled in when SQS reads it (deferred-signatures.ts). */
  constructor(readonly head: string, readonly tail: string, readonly deferred?: DeferredPart) {}

  for(unsubscribeUrl: string): string {
    return this.head + this.part(unsubscribeUrl) + this.tail;
  }

  /** The only per-subscription part of a copy: `for(url)` is `head + part(url) + tail`. */
  part(unsubscribeUrl: string): string {
    return field('UnsubscribeURL', unsubscribeUrl);
  }
}

export function notificationTemplate(f: Omit<NotificationFields, 'unsubscribeUrl'>, deferred?: DeferredPart): NotificationTemplate {
  // As field() writes each line, with the names' JSON written out once here (built per publish).
  let head = `{\n  "Type" : "Notification",\n  "MessageId" : ${JSON.stringify(f.messageId)},\n`;
  if (f.sequenceNumber !== undefined) head += `  "SequenceNumber" : ${JSON.stringify(f.sequenceNumber)},\n`;
  // A replayed copy says so right after its SequenceNumber (native AWS, radkawar/stackd
  // testdata/aws/sns/archive_replay.json receipts of bounded-replay-00, exact-boundary-replay, 2026-09-22).
  if (f.replayed === true) head += '  "Replayed" : "true",\n';
  head += `  "TopicArn" : ${JSON.stringify(f.topicArn)},\n`;
  if (f.subject !== undefined) head += `  "Subject" : ${notificationText(f.subject)},\n`;
  head += `  "Message" : ${notificationText(f.message)},\n  "Timestamp" : ${JSON.stringify(f.timestamp)},\n`;
  // A FIFO topic's notifications go unsigned: no SignatureVersion, Signature or SigningCertURL
  // (AWS's recordings in localstack's test_sns.snapshot.json, 2023-08 to 2025-08; aws/aws-sdk-net#3000).
  if (f.fifo !== true && f.sequenceNumber === undefined) {
    head += `  "SignatureVersion" : ${JSON.stringify(f.signatureVersion)},\n  "Signature" : ${JSON.stringify(f.signature)},\n`
      + `  "SigningCertURL" : ${JSON.stringify(f.signingCertUrl)},\n`;
  }
  const attributes = f.attributes !== undefined && Object.keys(f.attributes).length > 0 ? `,\n  "MessageAttributes" : ${attributesJson(f.attributes)}` : '';
  return new NotificationTemplate(head, `${attributes}\n}`, deferred);
}

export interface ConfirmationFields {
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  messageId: string;
  token: string;
  topicArn: string;
  message: string;
  subscribeUrl: string;
  timestamp: string;
  signatureVersion: '1' | '2';
  signature: string;
  signingCertUrl: string;
}

export function confirmationJson(f: ConfirmationFields): string {
  return `{\n${[
    field('Type', f.type), field('MessageId', f.messageId), field('Token', f.token), field('TopicArn', f.topicArn),
    field('Message', f.message), field('SubscribeURL', f.subscribeUrl), field('Timestamp', f.timestamp),
    field('SignatureVersion', f.signatureVersion), field('Signature', f.signature), field('SigningCertURL', f.signingCertUrl),
  ].join(',\n')}\n}`;
}
