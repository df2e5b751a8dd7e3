/**
 * Loaded with `node --import` by the v8-settings bench to run a server with bench/lib/old-space-guard.ts
 * without changing the command: BOLTSTACK_BENCH_OLD_SPACE_GUARD="STEP_MIB,INTERVAL_MS".
 * Starting the guard on import is the point of a preload; only the main thread gets one (worker
 * threads inherit node's flags and would load this too).
 */
import { isMainThread } from 'node:worker_threads';
import { OldSpaceGuard } from './old-space-guard.js';

const spec = process.env['BOLTSTACK_BENCH_OLD_SPACE_GUARD'];
if (isMainThread && spec) {
  const [stepMiB, intervalMs] = spec.split(',').map(Number);
  new OldSpaceGuard({ stepBytes: (stepMiB ?? 4) * 2 ** 20, intervalMs: intervalMs ?? 250 }).start();
}
