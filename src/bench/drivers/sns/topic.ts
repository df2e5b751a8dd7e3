/**
 * The SNS drivers' topic: settings from `workload.options` and setup over the wire for both
 * drivers (not measured; the query protocol as the SDK speaks it, so no SDK is needed): create the
 * topic, and for a fan-out create SQS queues on the same endpoint and subscribe them.
 *
 * Options (bench/workloads/sns-fanout.yaml): `topic` (default "bench"); `subscribers`, either a
 * count (queues `${topic}-sub-1..N`) or a list of `{ protocol: sqs, queue: NAME }`;
 * `rawMessageDelivery` (false); `batchSize` (publish-batch entries, 10); `topicArn` to publish to
 * an existing topic (then nothing is created).
 */
import type { Target, Workload } from '../../types.js';
import { createQueue, sqsSetupPoster } from '../sqs/queue.js';
import { setupCall } from '../wire/setup-call.js';
import { SetupError } from '../wire/setup-error.js';
import { SignedPoster, queryErrorCode } from '../wire/signed-post.js';

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

/** A query-protocol form body: `Action=...&k=v...&Version=2010-03-31`. */
function form(action: string, params: Record<string, string>): string {
  const fields = Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
  return `Action=${action}${fields}&Version=2010-03-31`;
}

/** Creates the topic and its subscriber queues; the topic ARN. */
export async function setupTopic(target: Target, w: Workload): Promise<string> {
  const spec = topicSpec(w);
  if (spec.topicArn) return spec.topicArn;
  const sns = new SignedPoster(target, {
    service: 'sns', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, errorCode: queryErrorCode, connections: 1,
  });
  const sqs = sqsSetupPoster(target);
  try {
    const step = `CreateTopic ${spec.topic}`;
    const created = await setupCall(sns, step, form('CreateTopic', { Name: spec.topic }));
    const TopicArn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(created)?.[1];
    if (!TopicArn) throw new SetupError(step, 'no TopicArn');
    for (const name of spec.queues) {
      const { arn } = await createQueue(sqs, name);
      const raw: Record<string, string> = spec.rawMessageDelivery ? { 'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true' } : {};
      await setupCall(sns, `Subscribe ${name}`, form('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: arn, ...raw }));
    }
    return TopicArn;
  } finally {
    await sns.close();
    await sqs.close();
  }
}
