/**
 * The gateway with every service, on a native store in a temp dir, without a server: for micro
 * benches that call the request handler directly (bench/micro/gateway-sdk-get, sns-publish).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNativeStore } from '../../native-store/index.js';
import { createGateway } from '../../src/gateway/gateway.js';
import { createRequestIds } from '../../src/gateway/request-id.js';
import { createVirtualHostParser } from '../../src/gateway/s3-host.js';
import { ServiceRegistry } from '../../src/gateway/service-registry.js';
import { createLogger } from '../../src/log.js';
import { RequestMetrics } from '../../src/metrics/request-metrics.js';
import { createWorkerPool } from '../../src/pool/index.js';
import type { RequestHandler } from '../../src/server/types.js';

export interface InProcessGateway {
  gateway: RequestHandler;
  /** Closes the services, the pool and the store, and removes the temp dir. */
  close(): Promise<void>;
}

/** @param name names the temp dir (boltstack-NAME-bench-*) */
export async function openInProcessGateway(name: string): Promise<InProcessGateway> {
  const dir = await mkdtemp(join(tmpdir(), `boltstack-${name}-bench-`));
  const log = createLogger('silent');
  const store = await openNativeStore({ dir, durability: 'process', log });
  const pool = createWorkerPool();
  const registry = new ServiceRegistry({ storage: async () => store, pool, features: new Set(), log, durability: 'process' });
  const gateway = createGateway({
    registry, pool, log, defaultAccountId: '000000000000', features: new Set(), virtualHost: createVirtualHostParser(),
    ids: createRequestIds(), metrics: new RequestMetrics(),
    internal: { version: 'bench', httpAdapter: () => ({ adapter: 'bench' }), features: () => [], registry, reset: async () => undefined, info: () => ({}), metrics: async () => ({ contentType: 'text/plain', text: '' }) },
  });
  return {
    gateway,
    close: async () => {
      await registry.closeAll();
      await pool.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
