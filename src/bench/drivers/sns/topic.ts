/**
 * The SNS drivers' topic: settings from `workload.options` and setup through the SDK for both
 * drivers (not measured): create the topic, and for a fan-out create SQS queues on the same
 * endpoint and subscribe them.
 *
 * Options (bench/workloads/sns-fanout.yaml): `topic` (default "bench"); `subscribers`, either a
 * count (queues `${topic}-sub-1..N`) or a list of `{ protocol: sqs, queue: NAME }`;
 * `rawMessageDelivery` (false); `batchSize` (publish-batch entries, 10); `topicArn` to publish to
 * an existing topic (then nothing is created).
 */
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Target, Workload } from '../../types.js';
import { createQueue } from '../sqs/queue.js';
import { closeSdkClient, sdkClientConfig, sdkErrorCode } from '../wire/sdk.js';
import { SetupError } from '../wire/setup-error.js';

/** SNS's message size limit (256 KiB), also the limit of a whole PublishBatch. */
export const MAX_SNS_MESSAGE_BYTES = 262_144;

export interface TopicSpec {
  topic: string;
  topicArn: string | undefined;
  /** Names of the SQS queues subscribed to the topic. */
  queues: string[];
  rawMessageDelivery: boolean;
  batchSize: number;
}

function subscriberQueues(topic: string, v: unknown): string[] {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return Array.from({ length: v }, (_, i) => `${topic}-sub-${i + 1}`);
  if (!Array.isArray(v)) return [];
  return v.map((s: unknown, i) => {
    const o = (s ?? {}) as { protocol?: unknown; queue?: unknown };
    if (o.protocol !== undefined && o.protocol !== 'sqs') throw new SetupError(`subscribers[${i}]`, `protocol ${String(o.protocol)} is not supported (sqs only)`);
    return typeof o.queue === 'string' && o.queue ? o.queue : `${topic}-sub-${i + 1}`;
  });
}

export function topicSpec(w: Workload): TopicSpec {
  const o = w.options;
  const topic = typeof o.topic === 'string' && o.topic ? o.topic : 'bench';
  const batch = Number(o.batchSize);
  return {
    topic,
    topicArn: typeof o.topicArn === 'string' && o.topicArn ? o.topicArn : undefined,
    queues: subscriberQueues(topic, o.subscribers),
    rawMessageDelivery: o.rawMessageDelivery === true,
    batchSize: Number.isInteger(batch) && batch >= 1 && batch <= 10 ? batch : 10,
  };
}

/** Creates the topic and its subscriber queues; the topic ARN. */
export async function setupTopic(target: Target, w: Workload): Promise<string> {
  const spec = topicSpec(w);
  if (spec.topicArn) return spec.topicArn;
  const snsConfig = sdkClientConfig(target);
  const sqsConfig = sdkClientConfig(target);
  const sns = new SNSClient(snsConfig);
  const sqs = new SQSClient(sqsConfig);
  const step = <T>(name: string, p: Promise<T>): Promise<T> => p.catch((err: unknown) => {
    throw err instanceof SetupError ? err : new SetupError(name, sdkErrorCode(err));
  });
  try {
    const { TopicArn } = await step(`CreateTopic ${spec.topic}`, sns.send(new CreateTopicCommand({ Name: spec.topic })));
    if (!TopicArn) throw new SetupError(`CreateTopic ${spec.topic}`, 'no TopicArn');
    for (const name of spec.queues) {
      const { arn } = await createQueue(sqs, name);
      await step(`Subscribe ${name}`, sns.send(new SubscribeCommand({
        TopicArn, Protocol: 'sqs', Endpoint: arn,
        ...(spec.rawMessageDelivery ? { Attributes: { RawMessageDelivery: 'true' } } : {}),
      })));
    }
    return TopicArn;
  } finally {
    await closeSdkClient(sns, snsConfig);
    await closeSdkClient(sqs, sqsConfig);
  }
}
