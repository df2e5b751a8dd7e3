/**
 * SQS through @aws-sdk/client-sqs (the json protocol): send, send-batch, and receive (up to
 * `maxMessages`, then one DeleteMessageBatch of what came back, so the queue drains).
 * `bytes` is message bodies sent or received. The SDK is optional: it loads in `setup`
 * (wire/load-sdk.ts); the queue is set up over the wire (queue.ts).
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { loadSdk } from '../wire/load-sdk.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { closeSdkClient, sdkClientConfig, sdkErrorCode } from '../wire/sdk.js';
import { MAX_MESSAGE_BYTES, queueSpec, setupQueue, type QueueSpec } from './queue.js';

export const SQS_OPERATIONS = ['send', 'receive', 'send-batch'] as const;

const loadSqsSdk = () => loadSdk(['@aws-sdk/client-sqs'], () => import('@aws-sdk/client-sqs'));
type SqsSdk = Awaited<ReturnType<typeof loadSqsSdk>>;

interface Ready { sdk: SqsSdk; client: SQSClient; url: string; spec: QueueSpec; filler: Filler; batchFiller: Filler }

class SqsSdkDriver implements Driver {
  readonly name = 'sqs-sdk';
  readonly service = 'sqs' as const;
  readonly operations = SQS_OPERATIONS;
  readonly #target: Target;
  readonly #config: ReturnType<typeof sdkClientConfig>;
  #ready: Ready | undefined;

  constructor(target: Target) {
    this.#target = target;
    this.#config = sdkClientConfig(target);
  }

  async setup(workload: Workload): Promise<void> {
    const sdk = await loadSqsSdk();
    const url = await setupQueue(this.#target, workload);
    const spec = queueSpec(workload);
    const client = this.#ready?.client ?? new sdk.SQSClient(this.#config);
    this.#ready = { sdk, client, url, spec, filler: createFiller(workload.size, MAX_MESSAGE_BYTES), batchFiller: createFiller(workload.size, spec.maxBatchEntryBytes) };
  }

  async run(op: string, _n: number, body: BodySource | undefined): Promise<OpResult> {
    const r = this.#ready;
    if (!r) return { ok: false, bytes: 0, error: 'NotSetUp' };
    try {
      switch (op) {
        case 'send': {
          const MessageBody = r.filler.text(body);
          await r.client.send(new r.sdk.SendMessageCommand({ QueueUrl: r.url, MessageBody }));
          return { ok: true, bytes: MessageBody.length };
        }
        case 'send-batch': {
          const MessageBody = r.batchFiller.text(body);
          const Entries = Array.from({ length: r.spec.batchSize }, (_, i) => ({ Id: String(i), MessageBody }));
          const out = await r.client.send(new r.sdk.SendMessageBatchCommand({ QueueUrl: r.url, Entries }));
          if (out.Failed?.length) return { ok: false, bytes: 0, error: out.Failed[0]?.Code ?? 'BatchEntryFailed' };
          return { ok: true, bytes: MessageBody.length * Entries.length };
        }
        case 'receive': return await this.#receive(r);
        default: return { ok: false, bytes: 0, error: 'UnknownOperation' };
      }
    } catch (err) {
      return { ok: false, bytes: 0, error: sdkErrorCode(err) };
    }
  }

  async #receive(r: Ready): Promise<OpResult> {
    const out = await r.client.send(new r.sdk.ReceiveMessageCommand({
      QueueUrl: r.url, MaxNumberOfMessages: r.spec.maxMessages, WaitTimeSeconds: r.spec.waitTimeSeconds,
    }));
    const messages = out.Messages ?? [];
    if (messages.length === 0) return { ok: true, bytes: 0 };
    let bytes = 0;
    for (const m of messages) bytes += m.Body?.length ?? 0;
    const Entries = messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle }));
    const del = await r.client.send(new r.sdk.DeleteMessageBatchCommand({ QueueUrl: r.url, Entries }));
    if (del.Failed?.length) return { ok: false, bytes, error: del.Failed[0]?.Code ?? 'BatchEntryFailed' };
    return { ok: true, bytes };
  }

  async close(): Promise<void> {
    const client = this.#ready?.client;
    this.#ready = undefined;
    if (client) await closeSdkClient(client, this.#config);
  }
}

export const sqsSdkDriver: DriverFactory = {
  service: 'sqs',
  kind: 'sdk',
  create: (target) => new SqsSdkDriver(target),
};

export default sqsSdkDriver;
