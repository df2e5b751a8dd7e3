/**
 * The SQS drivers' queue: settings from `workload.options` and setup through the SDK for both
 * drivers (not measured): create the queue, read its URL, preload `keys.preload` messages.
 * `createQueue` is also how the SNS drivers make their subscriber queues.
 *
 * Options (bench/workloads/sqs-send-receive.yaml): `queue` (default "bench"), `batchSize`
 * (send-batch entries, 10), `maxMessages` (per receive, 10), `waitTimeSeconds` (0),
 * `visibilityTimeout` (seconds; the queue's own when unset), `protocol` ("json" as the SDK speaks,
 * or "query": the raw driver only).
 */
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Target, Workload } from '../../types.js';
import { createFiller } from '../wire/payload.js';
import { closeSdkClient, sdkClientConfig, sdkErrorCode } from '../wire/sdk.js';
import { SetupError } from '../wire/setup-error.js';

/** SQS's message size limit (256 KiB), also the limit of a whole SendMessageBatch. */
export const MAX_MESSAGE_BYTES = 262_144;

export interface QueueSpec {
  queue: string;
  batchSize: number;
  maxMessages: number;
  waitTimeSeconds: number;
  visibilityTimeout: number | undefined;
  protocol: 'json' | 'query';
  /** Largest message of a send-batch entry, so the batch stays within MAX_MESSAGE_BYTES. */
  maxBatchEntryBytes: number;
}

function int(v: unknown, fallback: number, min: number, max: number): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function queueSpec(w: Workload): QueueSpec {
  const o = w.options;
  const batchSize = int(o.batchSize, 10, 1, 10);
  return {
    queue: typeof o.queue === 'string' && o.queue ? o.queue : 'bench',
    batchSize,
    maxMessages: int(o.maxMessages, 10, 1, 10),
    waitTimeSeconds: int(o.waitTimeSeconds, 0, 0, 20),
    visibilityTimeout: o.visibilityTimeout === undefined ? undefined : int(o.visibilityTimeout, 30, 0, 43_200),
    protocol: o.protocol === 'query' ? 'query' : 'json',
    maxBatchEntryBytes: Math.floor(MAX_MESSAGE_BYTES / batchSize),
  };
}

/** Creates (or finds: CreateQueue is idempotent for equal attributes) a queue; its URL and ARN. */
export async function createQueue(client: SQSClient, name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }> {
  try {
    const { QueueUrl: url } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    if (!url) throw new SetupError(`CreateQueue ${name}`, 'no QueueUrl');
    const attrs = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
    return { url, arn: attrs.Attributes?.QueueArn ?? '' };
  } catch (err) {
    if (err instanceof SetupError) throw err;
    throw new SetupError(`CreateQueue ${name}`, sdkErrorCode(err));
  }
}

/** Creates the workload's queue and sends `keys.preload` messages (batches of 10, 8 at a time). */
export async function setupQueue(target: Target, w: Workload): Promise<string> {
  const spec = queueSpec(w);
  const config = sdkClientConfig(target);
  const client = new SQSClient(config);
  try {
    const attributes = spec.visibilityTimeout === undefined ? undefined : { VisibilityTimeout: String(spec.visibilityTimeout) };
    const { url } = await createQueue(client, spec.queue, attributes);
    const body = createFiller(w.size, Math.floor(MAX_MESSAGE_BYTES / 10)).text(undefined);
    let left = w.keys.preload;
    const worker = async (): Promise<void> => {
      while (left > 0) {
        const count = Math.min(10, left);
        left -= count;
        const Entries = Array.from({ length: count }, (_, i) => ({ Id: String(i), MessageBody: body }));
        const out = await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries }))
          .catch((err: unknown) => { throw new SetupError('SendMessageBatch', sdkErrorCode(err)); });
        if (out.Failed?.length) throw new SetupError('SendMessageBatch', out.Failed[0]?.Code ?? 'failed');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return url;
  } finally {
    await closeSdkClient(client, config);
  }
}
