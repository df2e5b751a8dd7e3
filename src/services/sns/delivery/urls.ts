/**
 * The URLs SNS puts in what it delivers, all served by boltstack on the host the request came
 * to: the signing certificate, and confirm/unsubscribe links that are plain GETs of the query
 * API (unsigned, as AWS's are).
 */
export const signingCertUrl = (host: string, file: string): string => `http://${host}/_boltstack/sns/${file}`;

/**
 * The ARN as it is (its characters need no escaping in a query): native AWS,
 * radkawar/stackd testdata/aws/sns/fifo.json, initial-00 (2026-09-22).
 */
export const unsubscribeUrl = (host: string, subscriptionArn: string): string =>
  `http://${host}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;

/**
 * The topic ARN as it is too: native AWS, radkawar/stackd testdata/aws/sns/confirmation_lifetime.json
 * original-control-0 and deleted_rejoin.json cancellation-receive-0 (2026-09-23).
 */
export const subscribeUrl = (host: string, topicArn: string, token: string): string =>
  `http://${host}/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
