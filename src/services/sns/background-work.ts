/**
 * Whether SNS has work to resume when the server starts (gateway/service-registry.ts, START_CHECKS):
 * HTTP/S deliveries left in the durable outbox (delivery/http-outbox.ts), or replays from a
 * topic's archive not finished (archive/replayer.ts), by the previous run.
 * Reads the store only; loads none of the service.
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { OUTBOX_PREFIX, REPLAY_PREFIX, SNS_NS, prefixRange } from './keys.js';

export async function hasBackgroundWork(meta: MetaStore): Promise<boolean> {
  for (const prefix of [OUTBOX_PREFIX, REPLAY_PREFIX]) {
    for await (const _ of meta.iterate(SNS_NS, { ...prefixRange(prefix), limit: 1 })) return true;
  }
  return false;
}
