/**
 * SNS through @aws-sdk/client-sns (query protocol): publish, and publish-batch (`batchSize`
 * entries). `bytes` is the message bytes published (before any fan-out). The SDK is optional: it
 * loads in `setup` (wire/load-sdk.ts); the topic is set up over the wire (topic.ts).
 */
import type { SNSClient } from '@aws-sdk/client-sns';
import type { BodySource, Driver, DriverFactory, OpResult, Target, Workload } from '../../types.js';
import { loadSdk } from '../wire/load-sdk.js';
import { createFiller, type Filler } from '../wire/payload.js';
import { closeSdkClient, sdkClientConfig, sdkErrorCode } from '../wire/sdk.js';
import { MAX_SNS_MESSAGE_BYTES, setupTopic, topicSpec } from './topic.js';

export const SNS_OPERATIONS = ['publish', 'publish-batch'] as const;

const loadSnsSdk = () => loadSdk(['@aws-sdk/client-sns'], () => import('@aws-sdk/client-sns'));
type SnsSdk = Awaited<ReturnType<typeof loadSnsSdk>>;

interface Ready { sdk: SnsSdk; client: SNSClient; topicArn: string; batchSize: number; filler: Filler; batchFiller: Filler }

class SnsSdkDriver implements Driver {
  readonly name = 'sns-sdk';
  readonly service = 'sns' as const;
  readonly operations = SNS_OPERATIONS;
  readonly #target: Target;
  readonly #config: ReturnType<typeof sdkClientConfig>;
  #ready: Ready | undefined;

  constructor(target: Target) {
    this.#target = target;
    this.#config = sdkClientConfig(target);
  }

  async setup(workload: Workload): Promise<void> {
    const sdk = await loadSnsSdk();
    const topicArn = await setupTopic(this.#target, workload);
    const { batchSize } = topicSpec(workload);
    this.#ready = {
      sdk, client: this.#ready?.client ?? new sdk.SNSClient(this.#config), topicArn, batchSize,
      filler: createFiller(workload.size, MAX_SNS_MESSAGE_BYTES),
      batchFiller: createFiller(workload.size, Math.floor(MAX_SNS_MESSAGE_BYTES / batchSize)),
    };
  }

  async run(op: string, _n: number, body: BodySource | undefined): Promise<OpResult> {
    const r = this.#ready;
    if (!r) return { ok: false, bytes: 0, error: 'NotSetUp' };
    try {
      switch (op) {
        case 'publish': {
          const Message = r.filler.text(body);
          await r.client.send(new r.sdk.PublishCommand({ TopicArn: r.topicArn, Message }));
          return { ok: true, bytes: Message.length };
        }
        case 'publish-batch': {
          const Message = r.batchFiller.text(body);
          const PublishBatchRequestEntries = Array.from({ length: r.batchSize }, (_, i) => ({ Id: String(i), Message }));
          const out = await r.client.send(new r.sdk.PublishBatchCommand({ TopicArn: r.topicArn, PublishBatchRequestEntries }));
          if (out.Failed?.length) return { ok: false, bytes: 0, error: out.Failed[0]?.Code ?? 'BatchEntryFailed' };
          return { ok: true, bytes: Message.length * r.batchSize };
        }
        default: return { ok: false, bytes: 0, error: 'UnknownOperation' };
      }
    } catch (err) {
      return { ok: false, bytes: 0, error: sdkErrorCode(err) };
    }
  }

  async close(): Promise<void> {
    const client = this.#ready?.client;
    this.#ready = undefined;
    if (client) await closeSdkClient(client, this.#config);
  }
}

export const snsSdkDriver: DriverFactory = {
  service: 'sns',
  kind: 'sdk',
  create: (target) => new SnsSdkDriver(target),
};

export default snsSdkDriver;
