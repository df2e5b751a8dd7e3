/**
 * The SNS service alone over the in-memory store, with a fake SQS behind `peer('sqs')` that
 * records every delivery (SqsInternalApi), for delivery tests that need no SQS implementation.
 */
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import { createLogger } from '../../../src/log.js';
import { createSnsService } from '../../../src/services/sns/index.js';
import type { FeatureGate } from '../../../src/config.js';
import { wholeBody, type InternalDelivery, type InternalDeliveryResult, type SqsInternalApi } from '../../../src/services/sqs/internal-api.js';
import type { RequestContext, Service, ServiceDeps } from '../../../src/services/types.js';

/** A delivery as the fake recorded it: its body joined whole, and whether it came in parts. */
export type Recorded = Omit<InternalDelivery, 'body'> & { body: string; inParts: boolean };

export class FakeSqs implements SqsInternalApi {
  readonly delivered: Recorded[] = [];
  /** Queue ARNs that answer NonExistentQueue. */
  readonly missing = new Set<string>();

  async deliver(deliveries: InternalDelivery[]): Promise<InternalDeliveryResult[]> {
    return deliveries.map((d) => {
      if (this.missing.has(d.queueArn)) return { ok: false, code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.' };
      this.delivered.push({ ...d, body: wholeBody(d.body), inParts: typeof d.body !== 'string' });
      return { ok: true, messageId: `m-${this.delivered.length}` };
    });
  }

  acceptsCharacters(text: string): boolean {
    return !/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text);
  }

  to(queueArn: string): Recorded[] {
    return this.delivered.filter((d) => d.queueArn === queueArn);
  }
}

export interface Harness {
  sns: Service;
  sqs: FakeSqs;
  /** `signed`: as a signed request (an access key in the context); else as an unsigned GET. */
  call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown>, account?: string, signed?: boolean): Promise<T>;
  /** A new SNS service over the same store (what a restart finds), the same fake SQS behind it. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function snsHarness(features: FeatureGate[] = []): Promise<Harness> {
  const storage = createMemoryStorage();
  const sqs = new FakeSqs();
  const deps = {
    meta: storage.meta, blobs: storage.blobs, pool: undefined as unknown as ServiceDeps['pool'], features: new Set(features),
    log: createLogger('silent'), durability: 'process',
    peer: async (name: string) => (name === 'sqs' ? { operations: {}, internal: sqs } : undefined),
  } satisfies ServiceDeps;
  let sns = await createSnsService(deps);
  const ctx = (accountId: string, signed: boolean): RequestContext => ({
    requestId: 'r', accountId, region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [],
    ...(signed ? { accessKeyId: accountId } : {}),
  });
  return {
    get sns() { return sns; },
    sqs,
    call: async (operation, input, account = '000000000000', signed = false) => sns.operations[operation]!(ctx(account, signed), input),
    restart: async () => { await sns.close?.(); sns = await createSnsService(deps); },
    close: async () => { await sns.close?.(); await storage.close(); },
  };
}
