/**
 * What SQS offers other services in process (never over the wire): SNS delivers its sqs
 * subscriptions through it (DESIGN.md §8b). The SQS service returns an object of this type as
 * `Service.internal`; SNS reaches it with `deps.peer('sqs')`.
 *
 * Delivery is by queue ARN, so a topic in one account can deliver to a queue in another, as AWS
 * allows. The send is acknowledged only once it is durable, like an SQS SendMessage.
 */

/** A message attribute as SNS passes it on (the SQS MessageAttributeValue shape). */
export interface InternalMessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

export interface InternalDelivery {
  /** arn:aws:sqs:<region>:<account>:<name> */
  queueArn: string;
  body: string;
  messageAttributes?: Record<string, InternalMessageAttribute>;
  /** FIFO queues: required there, refused on standard queues. */
  messageGroupId?: string;
  messageDeduplicationId?: string;
  /**
   * The caller has checked (with `acceptsCharacters`) that every character of `body` is one SQS
   * accepts, e.g. once for the parts all copies of an SNS envelope are made of.
   */
  charactersChecked?: boolean;
}

export type InternalDeliveryResult =
  | { ok: true; messageId: string }
  /** `code` is the SQS error code (e.g. AWS.SimpleQueueService.NonExistentQueue) for SNS's redrive/DLQ logic. */
  | { ok: false; code: string; message: string };

export interface SqsInternalApi {
  /**
   * Sends each delivery; results in the same order. Never throws for a per-message failure.
   * Every delivery that is accepted, whatever its queue, is stored in one MetaStore batch.
   */
  deliver(deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]>;
  /** Whether SQS accepts every character of `text` in a message body (#x9 | #xA | #xD | #x20 up, no lone surrogates, no #xFFFE/#xFFFF). */
  acceptsCharacters(text: string): boolean;
}
