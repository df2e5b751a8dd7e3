/**
 * The SQS drivers' queue: settings from `workload.options` and setup over the wire for both
 * drivers (not measured; JSON 1.0 as the SDK speaks it, so no SDK is needed): create the queue,
 * read its URL, preload `keys.preload` messages.
 * `createQueue` is also how the SNS drivers make their subscriber queues.
 *
 * Options (bench/workloads/sqs-send-receive.yaml): `queue` (default "bench"), `batchSize`
 * (send-batch entries, 10), `maxMessages` (per receive, 10), `waitTimeSeconds` (0),
 * `visibilityTimeout` (seconds; the queue's own when unset), `protocol` ("json" as the SDK speaks,
 * or "query": the raw driver only).
 */
import type { Target, Workload } from '../../types.js';
import { createFiller } from '../wire/payload.js';
import { setupJsonCall } from '../wire/setup-call.js';
import { SetupError } from '../wire/setup-error.js';
import { SignedPoster, jsonErrorCode } from '../wire/signed-post.js';

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

/** A poster for SQS's JSON 1.0 protocol (each call adds its X-Amz-Target). */
export function sqsSetupPoster(target: Target): SignedPoster {
  return new SignedPoster(target, { service: 'sqs', headers: { 'content-type': 'application/x-amz-json-1.0' }, errorCode: jsonErrorCode, connections: 8 });
}

const sqsTarget = (action: string): Record<string, string> => ({ 'x-amz-target': `AmazonSQS.${action}` });

/** Creates (or finds: CreateQueue is idempotent for equal attributes) a queue; its URL and ARN. */
export async function createQueue(http: SignedPoster, name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }> {
  const step = `CreateQueue ${name}`;
  const { QueueUrl: url } = await setupJsonCall<{ QueueUrl?: string }>(http, step, { QueueName: name, Attributes: attributes }, sqsTarget('CreateQueue'));
  if (!url) throw new SetupError(step, 'no QueueUrl');
  const attrs = await setupJsonCall<{ Attributes?: { QueueArn?: string } }>(
    http, step, { QueueUrl: url, AttributeNames: ['QueueArn'] }, sqsTarget('GetQueueAttributes'));
  return { url, arn: attrs.Attributes?.QueueArn ?? '' };
}

/** Creates the workload's queue and sends `keys.preload` messages (batches of 10, 8 at a time). */
export async function setupQueue(target: Target, w: Workload): Promise<string> {
  const spec = queueSpec(w);
  const http = sqsSetupPoster(target);
  try {
    const attributes = spec.visibilityTimeout === undefined ? undefined : { VisibilityTimeout: String(spec.visibilityTimeout) };
    const { url } = await createQueue(http, spec.queue, attributes);
    const body = createFiller(w.size, Math.floor(MAX_MESSAGE_BYTES / 10)).text(undefined);
    let left = w.keys.preload;
    const worker = async (): Promise<void> => {
      while (left > 0) {
        const count = Math.min(10, left);
        left -= count;
        const Entries = Array.from({ length: count }, (_, i) => ({ Id: String(i), MessageBody: body }));
        const out = await setupJsonCall<{ Failed?: { Code?: string }[] }>(http, 'SendMessageBatch', { QueueUrl: url, Entries }, sqsTarget('SendMessageBatch'));
        if (out.Failed?.length) throw new SetupError('SendMessageBatch', out.Failed[0]?.Code ?? 'failed');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return url;
  } finally {
    await http.close();
  }
}
