/** The worker pool: createWorkerPool() → WorkerPool (src/pool/types.ts). See worker-pool.ts. */
import type { WorkerPool } from './types.js';
import { PiscinaWorkerPool, type WorkerPoolOptions } from './worker-pool.js';

export type { Task, TaskResult, WorkerPool, XmlElement, XmlParseTask, ChecksumTask } from './types.js';
export type { WorkerPoolOptions } from './worker-pool.js';
export { DEFAULT_THRESHOLDS } from './thresholds.js';

export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  return new PiscinaWorkerPool(options);
}
