/** The records SNS keeps (JSON in the MetaStore, the same objects in the in-memory index). */
import type { Tag } from '../../model/generated/sns-types.js';

export interface TopicRecord {
  arn: string;
  name: string;
  account: string;
  region: string;
  fifo: boolean;
  /** Attributes the user set (the derived ones are computed by topic-attributes.ts). */
  attributes: Record<string, string>;
  tags: Tag[];
  dataProtectionPolicy?: string;
  /** Subscriptions deleted from this topic (SubscriptionsDeleted). */
  deleted: number;
  /** When its ArchivePolicy took effect (BeginningArchiveTime), while one is in force. */
  beginningArchiveTime?: string;
}

export type Protocol = 'http' | 'https' | 'email' | 'email-json' | 'sms' | 'sqs' | 'application' | 'lambda' | 'firehose';
export const PROTOCOLS: readonly Protocol[] = ['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose'];

export interface SubscriptionRecord {
  arn: string;
  topicArn: string;
  /** The subscriber's account. */
  owner: string;
  protocol: Protocol;
  endpoint: string;
  /** Attributes the user set: RawMessageDelivery, FilterPolicy, FilterPolicyScope, RedrivePolicy, DeliveryPolicy, SubscriptionRoleArn. */
  attributes: Record<string, string>;
  confirmed: boolean;
  /** The confirmation token (pending subscriptions; kept so a repeated confirm answers the same). */
  token?: string;
  /** Tokens of SubscriptionConfirmations sent again by a repeated Subscribe; each works as `token` does. */
  resent?: string[];
  /** Confirmed through an authenticated ConfirmSubscription (AuthenticateOnUnsubscribe=true). */
  authenticated?: boolean;
  /**
   * Unsubscribed by another than its owner (unsigned, from the UnsubscribeURL, or by the topic's
   * owner): kept, listed as "Deleted", not delivered to (`confirmed` is false), until the token
   * of its UnsubscribeConfirmation (`token`) restores it (operations/unsubscribe.ts).
   */
  deleted?: boolean;
  /** Its replay from the topic's archive, while it has a ReplayPolicy (archive/replayer.ts). */
  replay?: ReplayState;
}

/** ReplayStatus as AWS words it (native AWS, radkawar/stackd testdata/aws/sns/archive_replay.json bounded-status-*, 2026-09-22). */
export type ReplayStatus = 'Pending' | 'In Progress' | 'Completed' | 'Failed';

export interface ReplayState {
  status: ReplayStatus;
  /** StartingPoint and EndingPoint, in ms. */
  start: number;
  end?: number;
  /** The Host of the request that set it, for the copies' UnsubscribeURL. */
  host: string;
  /**
   * Once Completed: the last sequence number the replay covered (live delivery resumes after
   * it), or, with an EndingPoint, undefined: the subscription stays paused (no live messages)
   * until a ReplayPolicy without EndingPoint replaces it.
   */
  through?: string;
}

export interface ApplicationRecord {
  arn: string;
  name: string;
  platform: string;
  attributes: Record<string, string>;
}

export interface EndpointRecord {
  arn: string;
  applicationArn: string;
  attributes: Record<string, string>;
}

/** Whether `token` was sent for `s` (its own token or one sent again). */
export const holdsToken = (s: SubscriptionRecord, token: string): boolean => s.token === token || s.resent?.includes(token) === true;

/** Every token sent for `s`. */
export const tokensOf = (s: SubscriptionRecord): string[] => [...(s.token === undefined ? [] : [s.token]), ...(s.resent ?? [])];
