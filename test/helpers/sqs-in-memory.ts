/**
 * The SQS service built alone on the in-memory store, as another service reaches it through
 * `peer('sqs')`, with every batch it writes recorded (durable writes, counted by the tests).
 */
import { createLogger } from '../../src/log.js';
import type { WorkerPool } from '../../src/pool/types.js';
import { createSqsService } from '../../src/services/sqs/index.js';
import type { Service } from '../../src/services/types.js';
import type { MetaOp } from '../../src/storage/meta-store.js';
import { createMemoryStorage } from '../../src/storage/memory/index.js';

export async function sqsOnMemoryStore(): Promise<{ sqs: Service; batches: MetaOp[][]; close(): Promise<void> }> {
  const storage = createMemoryStorage();
  const batches: MetaOp[][] = [];
  const batch = storage.meta.batch.bind(storage.meta);
  storage.meta.batch = (ops) => { batches.push(ops); return batch(ops); };
  const sqs = await createSqsService({
    meta: storage.meta, blobs: storage.blobs, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
  });
  return { sqs, batches, close: async () => { await sqs.close?.(); await storage.close(); } };
}
