/**
 * Whether SQS has work to resume when the server starts (gateway/service-registry.ts, START_CHECKS):
 * a message move task that was RUNNING or CANCELLING when the previous run stopped. Reads the
 * store only; loads none of the service.
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { SQS_NS, moveTaskRange } from './keys.js';

export async function hasBackgroundWork(meta: MetaStore): Promise<boolean> {
  for await (const [, value] of meta.iterate(SQS_NS, moveTaskRange)) {
    const { status } = JSON.parse(value) as { status: string };
    if (status === 'RUNNING' || status === 'CANCELLING') return true;
  }
  return false;
}
