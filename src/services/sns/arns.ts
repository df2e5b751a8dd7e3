/** SNS ARNs: topics, subscriptions, platform applications and endpoints. */
export interface TopicName { region: string; account: string; name: string }

const TOPIC = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/;
const SUBSCRIPTION = /^(arn:aws:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,261}):[0-9a-f-]{36}$/;

export const topicArn = (region: string, account: string, name: string): string => `arn:aws:sns:${region}:${account}:${name}`;

export function parseTopicArn(arn: string): TopicName | undefined {
  const m = TOPIC.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, name: m[3]! } : undefined;
}

/** The topic ARN a subscription ARN belongs to, or undefined when it is not one. */
export function topicOfSubscription(arn: string): string | undefined {
  return SUBSCRIPTION.exec(arn)?.[1];
}

/** arn:aws:sqs:<region>:<account>:<name> → its parts. */
export function parseQueueArn(arn: string): { region: string; account: string; name: string } | undefined {
  const m = /^arn:aws:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, name: m[3]! } : undefined;
}

/** The account of any ARN (field 5), if it has one. */
export const accountOfArn = (arn: string): string | undefined => arn.split(':')[4] || undefined;
