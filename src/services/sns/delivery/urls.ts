/**
 * The URLs SNS puts in what it delivers, all served by boltstack on the host the request came
 * to: the signing certificate, and confirm/unsubscribe links that are plain GETs of the query
 * API (unsigned, as AWS's are).
 */
export const signingCertUrl = (host: string, file: string): string => `http://${host}/_boltstack/sns/${file}`;

export const unsubscribeUrl = (host: string, subscriptionArn: string): string =>
  `http://${host}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscriptionArn)}`;

export const subscribeUrl = (host: string, topicArn: string, token: string): string =>
  `http://${host}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${token}`;
