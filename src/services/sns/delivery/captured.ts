/**
 * Under the `virtual` gate, deliveries to protocols with no local equivalent (email, SMS,
 * mobile push, Lambda, Firehose) are captured here instead of sent, kept in the MetaStore and
 * readable at GET /_boltstack/sns/outbox (DESIGN.md §7).
 */
import type { MetaStore } from '../../../storage/meta-store.js';
import { CAPTURED_PREFIX, SNS_NS, capturedKey, prefixRange } from '../keys.js';

export interface CapturedDelivery {
  protocol: string;
  endpoint: string;
  subscriptionArn?: string;
  topicArn?: string;
  messageId: string;
  subject?: string;
  message: string;
  messageAttributes?: Record<string, { Type: string; Value: string }>;
  timestamp: string;
}

export class CapturedOutbox {
  readonly #meta: MetaStore;
  #seq = 0;

  private constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  static async open(meta: MetaStore): Promise<CapturedOutbox> {
    const outbox = new CapturedOutbox(meta);
    for await (const [key] of meta.iterate(SNS_NS, { ...prefixRange(CAPTURED_PREFIX), reverse: true, limit: 1 })) outbox.#seq = Number(key.slice(CAPTURED_PREFIX.length));
    return outbox;
  }

  async add(deliveries: CapturedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.#meta.batch(deliveries.map((d) => ({ type: 'put' as const, ns: SNS_NS, key: capturedKey(++this.#seq), value: JSON.stringify(d) })));
  }

  async list(): Promise<CapturedDelivery[]> {
    const out: CapturedDelivery[] = [];
    for await (const [, value] of this.#meta.iterate(SNS_NS, prefixRange(CAPTURED_PREFIX))) out.push(JSON.parse(value) as CapturedDelivery);
    return out;
  }
}
