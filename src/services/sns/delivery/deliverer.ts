/**
 * The fan-out: every confirmed subscription of a topic whose filter matches gets the message —
 * sqs subscriptions through SQS's in-process API (services/sqs/internal-api.ts) before Publish
 * answers, so an acknowledged publish is in the queues; http/https ones through the durable
 * outbox (http-outbox.ts); protocols with no local equivalent into the captured outbox under
 * the `virtual` gate. Envelopes are signed once per message and protocol text, and the queues'
 * copies are handed over in parts (the envelope but its UnsubscribeURL, or the raw text), so SQS
 * stores a message's body once for all its queues.
 */
import { randomUUID } from 'node:crypto';
import type { Features } from '../../../config.js';
import type { Logger } from '../../../log.js';
import { wholeBody, type BodyInParts, type DeferredPart, type InternalDelivery, type InternalMessageAttribute, type SharedBody, type SqsInternalApi } from '../../sqs/internal-api.js';
import { confirmationJson, confirmationStringToSign, notificationStringToSign, notificationTemplate, type NotificationTemplate } from '../envelope.js';
import { DEFAULT_RETRY, effectiveRetry, retryDelay } from '../delivery-policy.js';
import type { SubscriptionRecord, TopicRecord } from '../records.js';
import type { Signer } from '../signing.js';
import type { LiveSubscription, SnsStore } from '../store.js';
import { takesLive } from '../archive/takes-live.js';
import type { CapturedDelivery, CapturedOutbox } from './captured.js';
import { DeferredSignatures } from './deferred-signatures.js';
import { HttpOutbox, type OutboxEntry } from './http-outbox.js';
import { envelopeAttributes, textFor, type PublishedMessage } from './message.js';
import { UnsubscribeParts } from './unsubscribe-parts.js';
import { signingCertUrl, subscribeUrl, unsubscribeUrl } from './urls.js';
import { isoDateText } from '../../../util/date-text.js';

export interface DelivererDeps {
  store: SnsStore;
  log: Logger;
  features: Features;
  signer: () => Promise<Signer>;
  sqs: () => Promise<SqsInternalApi | undefined>;
  captured: CapturedOutbox;
  markBackgroundWork?: () => Promise<void>;
  backgroundWorkDrained?: () => Promise<void>;
}

type HttpEntry = Omit<OutboxEntry, 'id' | 'attempt' | 'due'>;

/** One message's fan-out: who gets it, and its envelope template per protocol text (set once signed, or deferred). */
interface Plan {
  m: PublishedMessage;
  targets: { sub: SubscriptionRecord; text: string; raw: boolean }[];
  templates: Map<string, NotificationTemplate>;
  /** Per enveloped text: how many subscriptions get it, and whether all of them are standard queues. */
  envelopes: Map<string, { copies: number; onlyStandardQueues: boolean }>;
}

const USER_AGENT = 'Amazon Simple Notification Service Agent';
/** As SNS sends it, without a space (AWS's recordings in localstack test_sns.snapshot.json, TestSNSSubscriptionHttp, 2023-10 to 2025-01). */
const ACCEPT_ENCODING = 'gzip,deflate';

export class Deliverer {
  readonly #deps: DelivererDeps;
  readonly http: HttpOutbox;
  readonly #unsubscribeParts = new UnsubscribeParts();
  readonly #deferred: DeferredSignatures;
  /** SQS's in-process API once reached: the same for the server's life, so no lookup per publish. */
  #sqsApi: SqsInternalApi | undefined;

  constructor(deps: DelivererDeps) {
    this.#deps = deps;
    this.#deferred = new DeferredSignatures(deps.signer);
    this.http = new HttpOutbox({
      meta: deps.store.meta, log: deps.log, retryDelay,
      retryOf: (entry) => {
        if (entry.kind !== 'Notification') return DEFAULT_RETRY;
        const sub = deps.store.subscription(entry.subscriptionArn)?.record;
        return sub === undefined ? undefined : effectiveRetry(sub.attributes.DeliveryPolicy, deps.store.topic(sub.topicArn)?.attributes.DeliveryPolicy).retry;
      },
      // Nothing reaches a subscription once it is removed, by Unsubscribe or with its topic, not
      // even a notification published before and waiting for a retry: AWS documents that deleting
      // a topic "might prevent some messages previously sent to the topic from being delivered"
      // (https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html). Confirmations go out
      // regardless: an UnsubscribeConfirmation is sent once its subscription is already gone.
      isVoid: (entry) => entry.kind === 'Notification' && deps.store.subscription(entry.subscriptionArn) === undefined,
      onFailed: (entry, reason) => this.#deadLetter(entry.subscriptionArn, entry.body, reason),
      ...(deps.markBackgroundWork && { markBackgroundWork: deps.markBackgroundWork }),
      ...(deps.backgroundWorkDrained && { backgroundWorkDrained: deps.backgroundWorkDrained }),
    });
  }

  /**
   * Fans `messages` out to their topic's subscriptions, or, for a replay (`only`), to that one
   * subscription. A subscription replaying from the archive takes an archived message from
   * there, not live (replayer.ts, takesLive).
   */
  async publish(messages: PublishedMessage[], host: string, only?: LiveSubscription): Promise<void> {
    const signer = await this.#deps.signer();
    const certUrl = signingCertUrl(host, signer.certificateFile);
    const sqs: { delivery: InternalDelivery; sub: SubscriptionRecord }[] = [];
    const http: HttpEntry[] = [];
    const captured: CapturedDelivery[] = [];
    // Which subscriptions get each message, and who gets each of its enveloped texts.
    const plans: Plan[] = [];
    let toQueues = false;
    // Only messages their topic archived can be held back for a replay (takes-live.ts): one
    // check per call on the common path (a call's messages are of one topic).
    const mayBeHeld = only === undefined && messages[0]?.archived === true;
    for (const m of messages) {
      const topicSubs = only === undefined ? this.#deps.store.liveSubscriptionsOf(m.topic.arn) : undefined;
      if (only === undefined && (topicSubs === undefined || topicSubs.size === 0)) continue;
      const subs = topicSubs?.values() ?? [only!];
      const plan: Plan = { m, targets: [], templates: new Map(), envelopes: new Map() };
      for (const { record: sub, filter } of subs) {
        if (!sub.confirmed) continue;
        if (mayBeHeld && !takesLive(sub, m.sequenceNumber!)) continue;
        const text = textFor(m, sub.protocol);
        // A MessageBody filter reads the text this protocol gets, not the default (native AWS,
        // radkawar/stackd testdata/aws/sns/message_rules.json structured-default-sqs, 2026-09-14).
        if (filter !== undefined && !filter.matches(text, m.attributes)) continue;
        const raw = sub.attributes.RawMessageDelivery === 'true' || sub.protocol === 'email' || sub.protocol === 'sms' || sub.protocol === 'application';
        plan.targets.push({ sub, text, raw });
        if (sub.protocol === 'sqs') toQueues = true;
        if (raw) continue;
        let envelope = plan.envelopes.get(text);
        if (envelope === undefined) plan.envelopes.set(text, envelope = { copies: 0, onlyStandardQueues: true });
        envelope.copies++;
        if (sub.protocol !== 'sqs' || sub.endpoint.endsWith('.fifo')) envelope.onlyStandardQueues = false;
      }
      if (plan.targets.length > 0) plans.push(plan);
    }
    const api = toQueues ? this.#sqsApi ?? await this.#sqs() : undefined;
    // Whether SQS accepts every character of a body, decided once per template or raw text.
    const accepted = new Map<string | NotificationTemplate, boolean>();
    const checked = (key: string | NotificationTemplate): boolean => {
      let ok = accepted.get(key);
      if (ok === undefined) {
        ok = typeof key === 'string' ? api!.acceptsCharacters(key) : api!.acceptsCharacters(key.head) && api!.acceptsCharacters(key.tail);
        accepted.set(key, ok);
      }
      return ok;
    };
    // One envelope template per enveloped text. One that only standard queues get, two or more
    // of them, goes unsigned: SQS stores it once and it is signed when a copy is first read
    // (deferred-signatures.ts). Every other one is signed now, once for all its copies (in
    // libuv's pool, all of them at the same time).
    const signing: Promise<void>[] = [];
    const defer = api?.finishesDeferredBodies === true;
    let deferred: DeferredPart | undefined;
    for (const plan of plans) {
      const { m } = plan;
      const version = m.topic.attributes.SignatureVersion === '2' ? '2' : '1';
      for (const [text, { copies, onlyStandardQueues }] of plan.envelopes) {
        const fields = {
          messageId: m.messageId, topicArn: m.topic.arn, subject: m.subject, message: text, timestamp: m.timestamp,
          // A json-structured FIFO message's envelope names no SequenceNumber (native AWS,
          // radkawar/stackd testdata/aws/sns/fifo.json, initial-00, 2026-09-22).
          sequenceNumber: m.perProtocol === undefined ? m.sequenceNumber : undefined, fifo: m.sequenceNumber !== undefined, signatureVersion: version, signingCertUrl: certUrl, attributes: m.attributes,
          replayed: m.replayed,
        } as const;
        // A FIFO topic's notifications carry no signature (envelope.ts): nothing to sign.
        if (m.sequenceNumber !== undefined) {
          plan.templates.set(text, notificationTemplate({ ...fields, signature: '' }));
          continue;
        }
        if (defer && onlyStandardQueues && copies >= 2) {
          deferred ??= { by: 'sns', bytes: signer.signatureChars };
          const unsigned = notificationTemplate({ ...fields, signature: '' }, deferred);
          if (checked(unsigned)) {
            plan.templates.set(text, unsigned);
            continue;
          }
        }
        signing.push(signer.signAsync(notificationStringToSign({ message: text, messageId: m.messageId, subject: m.subject, timestamp: m.timestamp, topicArn: m.topic.arn }), version)
          .then((signature) => { plan.templates.set(text, notificationTemplate({ ...fields, signature })); }));
      }
    }
    await Promise.all(signing);
    for (const { m, targets, templates } of plans) {
      // Raw copies of one text share it whole (SQS stores it once for all of them).
      let rawBodies: Map<string, SharedBody> | undefined;
      for (const { sub, text, raw } of targets) {
        const template = raw ? undefined : templates.get(text)!;
        if (sub.protocol === 'sqs') {
          const checkedBody = api !== undefined && checked(template ?? text);
          let body: string | BodyInParts;
          if (!checkedBody) body = template === undefined ? text : template.for(unsubscribeUrl(host, sub.arn));
          else if (template !== undefined) body = { shared: template, part: this.#unsubscribeParts.partFor(template, host, sub.arn) };
          else {
            rawBodies ??= new Map();
            let shared = rawBodies.get(text);
            if (shared === undefined) rawBodies.set(text, shared = { head: text, tail: '' });
            body = { shared, part: '' };
          }
          sqs.push({ sub, delivery: this.#sqsDelivery(sub, m, body, raw, checkedBody) });
          continue;
        }
        const body = template === undefined ? text : template.for(unsubscribeUrl(host, sub.arn));
        switch (sub.protocol) {
          case 'http': case 'https': http.push(this.#httpEntry(sub, m, body, raw)); break;
          default: captured.push(this.#capture(sub, m, text, body));
        }
      }
    }
    await Promise.all([
      sqs.length > 0 ? this.#sendToQueues(sqs) : undefined,
      http.length > 0 ? this.http.enqueue(http) : undefined,
      captured.length > 0 ? this.#deps.captured.add(captured) : undefined,
    ]);
  }

  /** Publish to a platform endpoint or a phone number (virtual gate only): captured. */
  async captureDirect(protocol: string, endpoint: string, m: Omit<PublishedMessage, 'topic'>): Promise<void> {
    await this.#deps.captured.add([{
      protocol, endpoint, messageId: m.messageId, message: textFor(m as PublishedMessage, protocol === 'sms' ? 'sms' : 'default'),
      timestamp: m.timestamp, ...(m.subject === undefined ? {} : { subject: m.subject }),
      ...(m.attributes === undefined ? {} : { messageAttributes: envelopeAttributes(m.attributes)! }),
    }]);
  }

  /**
   * Sends a subscription's confirmation request: a SubscriptionConfirmation POST for http/https,
   * the same document into the queue for an sqs subscription of another account.
   */
  async requestConfirmation(sub: SubscriptionRecord, topic: TopicRecord, token: string, host: string, kind: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation' = 'SubscriptionConfirmation'): Promise<void> {
    const signer = await this.#deps.signer();
    const url = subscribeUrl(host, topic.arn, token);
    const messageId = randomUUID();
    const timestamp = isoDateText(new Date());
    const message = kind === 'SubscriptionConfirmation'
      ? `You have chosen to subscribe to the topic ${topic.arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
      : `You have chosen to deactivate subscription ${sub.arn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
    const version = topic.attributes.SignatureVersion === '2' ? '2' : '1';
    const signature = await signer.signAsync(confirmationStringToSign({ type: kind, message, messageId, subscribeUrl: url, timestamp, token, topicArn: topic.arn }), version);
    const body = confirmationJson({
      type: kind, messageId, token, topicArn: topic.arn, message, subscribeUrl: url, timestamp,
      signatureVersion: version, signature, signingCertUrl: signingCertUrl(host, signer.certificateFile),
    });
    if (sub.protocol === 'sqs') {
      // A FIFO queue gets it in group "Subscription", deduplicated by its MessageId (native AWS,
      // radkawar/stackd testdata/aws/sns/cross_account_confirmation.json, fifo-owner-true-confirmation-receive, 2026-09-23).
      const fifo = sub.endpoint.endsWith('.fifo') ? { messageGroupId: 'Subscription', messageDeduplicationId: messageId } : {};
      await this.#sendToQueues([{ sub, delivery: { queueArn: sub.endpoint, body, ...fifo } }]);
      return;
    }
    await this.http.enqueue([{
      kind, subscriptionArn: sub.arn, topicArn: topic.arn, url: sub.endpoint, body,
      headers: {
        'content-type': 'text/plain; charset=UTF-8', 'accept-encoding': ACCEPT_ENCODING, 'user-agent': USER_AGENT, 'x-amz-sns-message-type': kind,
        'x-amz-sns-message-id': messageId, 'x-amz-sns-topic-arn': topic.arn,
        ...(kind === 'UnsubscribeConfirmation' ? { 'x-amz-sns-subscription-arn': sub.arn } : {}),
      },
    }]);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** The head of an envelope SQS stored unsigned, signed (SQS asks when it reads a copy: BodyFinisher). */
  finishBody(head: string): Promise<string> {
    return this.#deferred.finish(head);
  }

  #sqsDelivery(sub: SubscriptionRecord, m: PublishedMessage, body: string | BodyInParts, raw: boolean, charactersChecked: boolean): InternalDelivery {
    const delivery: InternalDelivery = { queueArn: sub.endpoint, body };
    if (charactersChecked) delivery.charactersChecked = true;
    if (m.traceHeader !== undefined) delivery.traceHeader = m.traceHeader;
    if (raw && m.attributes !== undefined) {
      // No prototype: an attribute named `__proto__` is an entry like any other (hostile pass 26:
      // a raw delivery dropped it).
      const attributes = Object.create(null) as Record<string, InternalMessageAttribute>;
      for (const [name, a] of Object.entries(m.attributes)) {
        attributes[name] = a.BinaryValue !== undefined ? { DataType: a.DataType, BinaryValue: a.BinaryValue } : { DataType: a.DataType, StringValue: a.StringValue ?? '' };
      }
      delivery.messageAttributes = attributes;
    }
    if (sub.endpoint.endsWith('.fifo')) {
      if (m.groupId !== undefined) delivery.messageGroupId = m.groupId;
      if (m.dedupId !== undefined) delivery.messageDeduplicationId = m.dedupId;
    } else if (m.groupId !== undefined && !m.topic.fifo) {
      // A standard topic's group id goes to its standard queues (SQS fair queues, accept-message.ts).
      delivery.messageGroupId = m.groupId;
    }
    return delivery;
  }

  #httpEntry(sub: SubscriptionRecord, m: PublishedMessage, body: string, raw: boolean): HttpEntry {
    const { contentType } = effectiveRetry(sub.attributes.DeliveryPolicy, m.topic.attributes.DeliveryPolicy);
    return {
      kind: 'Notification', subscriptionArn: sub.arn, topicArn: m.topic.arn, url: sub.endpoint, body,
      headers: {
        'content-type': contentType, 'accept-encoding': ACCEPT_ENCODING, 'user-agent': USER_AGENT, 'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': m.messageId, 'x-amz-sns-topic-arn': m.topic.arn, 'x-amz-sns-subscription-arn': sub.arn,
        ...(raw ? { 'x-amz-sns-rawdelivery': 'true' } : {}),
      },
    };
  }

  #capture(sub: SubscriptionRecord, m: PublishedMessage, text: string, body: string): CapturedDelivery {
    const attributes = envelopeAttributes(m.attributes);
    return {
      protocol: sub.protocol, endpoint: sub.endpoint, subscriptionArn: sub.arn, topicArn: m.topic.arn, messageId: m.messageId,
      message: body === text ? text : body, timestamp: m.timestamp,
      ...(m.subject === undefined ? {} : { subject: m.subject }),
      ...(attributes === undefined ? {} : { messageAttributes: attributes }),
    };
  }

  async #sqs(): Promise<SqsInternalApi | undefined> {
    this.#sqsApi ??= await this.#deps.sqs();
    return this.#sqsApi;
  }

  async #sendToQueues(items: { delivery: InternalDelivery; sub: SubscriptionRecord }[]): Promise<void> {
    const sqs = this.#sqsApi ?? await this.#sqs();
    if (sqs === undefined) {
      this.#deps.log.warn('sns: no SQS service to deliver to', { deliveries: items.length });
      return;
    }
    const results = await sqs.deliver(items.map((i) => i.delivery));
    const failed: Promise<void>[] = [];
    results.forEach((r, i) => {
      if (!r.ok) {
        const { delivery, sub } = items[i]!;
        failed.push(this.#signedBody(delivery.body).then((body) => this.#deadLetter(sub.arn, body, `${r.code}: ${r.message}`, delivery)));
      }
    });
    await Promise.all(failed);
  }

  /** A delivery's whole body, signed if it went unsigned. */
  async #signedBody(body: string | BodyInParts): Promise<string> {
    if (typeof body === 'string' || body.shared.deferred === undefined) return wholeBody(body);
    return await this.#deferred.finish(body.shared.head) + body.part + body.shared.tail;
  }

  /**
   * A delivery that failed for good goes to the subscription's dead-letter queue, if it has one.
   * An SQS delivery arrives there as it would have arrived at its queue: a raw delivery's message
   * attributes, a FIFO message's group and deduplication ids and the trace header stay with it, as
   * AWS recorded (localstack test_sns.py test_redrive_policy_sqs_queue_subscription[True],
   * test_publish_fifo_messages_to_dlq; a FIFO dead-letter queue refuses a message without a group).
   */
  async #deadLetter(subscriptionArn: string, body: string, reason: string, failed?: InternalDelivery): Promise<void> {
    const sub = this.#deps.store.subscription(subscriptionArn)?.record;
    const policy = sub?.attributes.RedrivePolicy;
    const target = policy === undefined ? undefined : (JSON.parse(policy) as { deadLetterTargetArn?: string }).deadLetterTargetArn;
    if (target === undefined) {
      this.#deps.log.warn('sns: delivery failed, no dead-letter queue', { subscriptionArn, reason });
      return;
    }
    const sqs = await this.#deps.sqs();
    const [result] = sqs === undefined ? [] : await sqs.deliver([{ ...failed, queueArn: target, body }]);
    if (result === undefined || !result.ok) this.#deps.log.warn('sns: dead-letter delivery failed', { subscriptionArn, target, reason });
  }
}
