/** What every SNS handler gets besides its input. */
import type { Features } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RequestContext } from '../types.js';
import { rejectUnsupported } from '../unsupported.js';
import type { CapturedOutbox } from './delivery/captured.js';
import type { Deliverer } from './delivery/deliverer.js';
import type { FifoState } from './fifo.js';
import { snsErrors } from './errors.js';
import { parseTopicArn } from './arns.js';
import type { TopicRecord } from './records.js';
import type { SmsSettingsStore } from './sms-settings.js';
import type { MessageArchive } from './archive/message-archive.js';
import type { Replayer } from './archive/replayer.js';
import type { SnsStore } from './store.js';

export interface SnsDeps {
  store: SnsStore;
  features: Features;
  log: Logger;
  deliverer: Deliverer;
  captured: CapturedOutbox;
  fifo: FifoState;
  sms: SmsSettingsStore;
  /** FIFO topics' message archives and the subscriptions' replays of them (archive/). */
  archive: MessageArchive;
  replayer: Replayer;
}

export type SnsHandler<I, O> = (deps: SnsDeps, ctx: RequestContext, input: I) => Promise<O>;

/**
 * `handler` run in its topic's section (store.ts topicChanges): a read-modify-write of the topic
 * record reads the record the change before it left, and cannot store again a topic that a
 * DeleteTopic removed meanwhile (race26: SetTopicAttributes or TagResource racing DeleteTopic
 * brought the topic back in 15 of 15 rounds). The handler reads the topic inside the section.
 */
export const inTopicTurn = <I, O>(arnOf: (input: I) => string, handler: SnsHandler<I, O>): SnsHandler<I, O> =>
  (deps, ctx, input) => deps.store.topicChanges.run(arnOf(input), () => handler(deps, ctx, input));

/** `handler` run in its platform application's section (store.ts applicationChanges), reading the records inside it. */
export const inApplicationTurn = <I, O>(arnOf: (deps: SnsDeps, input: I) => string, handler: SnsHandler<I, O>): SnsHandler<I, O> =>
  (deps, ctx, input) => deps.store.applicationChanges.run(arnOf(deps, input), () => handler(deps, ctx, input));

/** Strict by default: a parameter boltstack does not implement fails the request (DESIGN.md §7). */
export function unsupported(deps: SnsDeps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  rejectUnsupported(deps.features, ctx, 'SNS', operation, input as Record<string, unknown>, members);
}

/**
 * The topic an ARN names. A malformed ARN, or one of another region than the request's, is
 * InvalidParameter naming `member` (AWS's answers for Get/SetTopicAttributes, Publish,
 * Subscribe, ListSubscriptionsByTopic and DeleteTopic across regions: localstack
 * tests/aws/services/sns/test_sns.snapshot.json, test_cross_region_access, 2025-05-28); a
 * well-formed one that does not exist is NotFound. Topics in other accounts are reachable by
 * ARN: boltstack stores topic policies but does not enforce them (auth is off by default).
 */
export function topicOf(deps: SnsDeps, ctx: { region: string }, arn: string | undefined, member = 'TopicArn'): TopicRecord {
  const parsed = arn === undefined ? undefined : parseTopicArn(arn);
  if (parsed === undefined) throw malformedArn(arn ?? '', member);
  if (parsed.region !== ctx.region) throw snsErrors.invalid(member);
  const topic = deps.store.topic(arn!);
  if (topic === undefined) throw snsErrors.topicNotFound();
  return topic;
}

/**
 * InvalidParameter for an ARN that is not a topic's. One with fewer than six colon-separated
 * elements says how many it has, as AWS does for Publish ("randomstring", "randomstring:1", "")
 * and GetTopicAttributes ("test-topic"): localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_publish_wrong_arn_format 2024-03-11 and test_create_topic_with_attributes 2023-10-06.
 */
export function malformedArn(arn: string, member: string): Error {
  const elements = arn.split(':').length;
  return elements < 6 ? snsErrors.invalid(member, `An ARN must have at least 6 elements, not ${elements}`) : snsErrors.invalid(member);
}

/** The pagination token of a listing: the base64 of the last ARN of the previous page. */
export function pageAfter<T>(items: T[], keyOf: (item: T) => string, token: string | undefined, size: number): { page: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    const after = Buffer.from(token, 'base64').toString('utf8');
    start = items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + size);
  return start + size < items.length ? { page, next: Buffer.from(keyOf(page[page.length - 1]!)).toString('base64') } : { page };
}
