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

/**
 * What the bodies of several deliveries of one call have in common: each such body is
 * `head + its own part + tail` (an SNS envelope but its UnsubscribeURL; for raw delivery, the
 * whole text and an empty part). SQS stores it once for all of them (services/sqs/shared-bodies.ts).
 */
export interface SharedBody {
  readonly head: string;
  readonly tail: string;
  /** The head is not finished yet: see DeferredPart. */
  readonly deferred?: DeferredPart;
}

/**
 * A shared body whose head its sender finishes only when the body is first read: SNS signs an
 * envelope that way (the signature is deterministic, so the text read is the text an eager
 * signature would have made, whenever it is read, also after a restart). SQS stores the head as
 * given, and asks service `by` (its `Service.internal`, a BodyFinisher) for the finished head each
 * time it reads the body whole; a copy alone, which SQS stores whole, is finished before it is
 * written. Only given to an SQS whose `finishesDeferredBodies` is true.
 */
export interface DeferredPart {
  readonly by: 'sns';
  /** How many UTF-8 bytes the finished head has more than `head` (the size limits count them). */
  readonly bytes: number;
}

/** What the service named in a DeferredPart offers SQS in process. */
export interface BodyFinisher {
  finishBody(head: string): Promise<string>;
}

/** A body given in parts: `shared` is the same object for every delivery of the call that shares it. */
export interface BodyInParts { shared: SharedBody; part: string }

/** The whole text of a delivery's body (not `deferred`: its sender finishes that one). */
export const wholeBody = (body: string | BodyInParts): string => (typeof body === 'string' ? body : body.shared.head + body.part + body.shared.tail);

export interface InternalDelivery {
  /** arn:aws:sqs:<region>:<account>:<name> */
  queueArn: string;
  body: string | BodyInParts;
  messageAttributes?: Record<string, InternalMessageAttribute>;
  /** FIFO queues: required there, refused on standard queues. */
  messageGroupId?: string;
  messageDeduplicationId?: string;
  /** An X-Amzn-Trace-Id to store as the message's AWSTraceHeader system attribute (SNS Publish passes its request's on). */
  traceHeader?: string;
  /**
   * The caller has checked (with `acceptsCharacters`) that every character of `body` is one SQS
   * accepts (of a shared body's head and tail: SQS checks each part itself), e.g. once for the
   * parts all copies of an SNS envelope are made of. A body in parts must be checked so.
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
   * Every delivery that is accepted, whatever its queue, is stored in one MetaStore batch, and a
   * shared body once for all the deliveries accepted with it.
   */
  deliver(deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]>;
  /** Whether SQS accepts every character of `text` in a message body (#x9 | #xA | #xD | #x20 up, no lone surrogates, no #xFFFE/#xFFFF). */
  acceptsCharacters(text: string): boolean;
  /** Whether a shared body may be `deferred` (SQS can reach the service that finishes it). */
  readonly finishesDeferredBodies?: boolean;
}
