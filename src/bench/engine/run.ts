/**
 * The engine: runs a workload against a Driver and measures it.
 *   setup (driver creates bucket/table/queue and preloads) → warm-up (full concurrency, not
 *   recorded) → measured phase: `concurrency` workers, started evenly over `rampSeconds`, each
 *   looping choose → run → record until the duration ends or `operations` have been issued.
 * A 1 s timer closes a metrics window, samples client/server resources and reports progress.
 * In-flight operations at the deadline finish and count; the measured time runs until they do.
 */
import { performance } from 'node:perf_hooks';
import type { Driver, OpResult, RunResult, Workload } from '../types.js';
import { createBodyFactory, type BodyFactory } from '../workload/body.js';
import { environment } from './environment.js';
import { Recorder } from './recorder.js';
import { ResourceSampler } from './resources.js';
import { stepper } from './schedule.js';

export interface Progress {
  phase: 'setup' | 'warmup' | 'measure';
  /** Seconds into the phase. */
  elapsed: number;
  /** Planned phase length in seconds, when it is time-bound. */
  planned?: number;
  operations: number;
  errors: number;
  /** Last window's figures (measured phase). */
  opsPerSecond?: number;
  p99?: number;
}

export interface RunOptions {
  workload: Workload;
  driver: Driver;
  target: { endpoint: string; label?: string };
  /** PID of the server when it is a local process: its RSS and CPU are sampled. */
  serverPid?: number;
  onProgress?: (p: Progress) => void;
  /** Ends the current phase early (Ctrl-C): the result covers what was measured. */
  signal?: AbortSignal;
  /** Window and sampling interval; 1000 ms unless a test wants it shorter. */
  intervalMs?: number;
}

interface Phase {
  /** performance.now() deadline, or Infinity. */
  endAt: number;
  /** Operations left to issue, or Infinity. */
  left: number;
  stopped: boolean;
  record?: (op: string, ms: number, result: OpResult) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function transportError(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown };
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
}

async function runPhase(o: RunOptions, bodies: BodyFactory, index: number, phase: Phase, rampMs: number): Promise<void> {
  const { workload, driver } = o;
  const c = workload.concurrency;
  const worker = async (w: number): Promise<void> => {
    if (rampMs > 0 && c > 1) await sleep((rampMs * w) / (c - 1));
    const next = stepper(workload, bodies, index, w);
    while (!phase.stopped && phase.left > 0 && performance.now() < phase.endAt && !o.signal?.aborted) {
      phase.left--;
      const step = next();
      const t0 = performance.now();
      let result: OpResult;
      try {
        result = await driver.run(step.op, step.n, step.body);
      } catch (err) {
        result = { ok: false, bytes: 0, error: transportError(err) }; // drivers should not throw; count it if one does
      }
      phase.record?.(step.op, performance.now() - t0, result);
    }
  };
  await Promise.all(Array.from({ length: c }, (_, w) => worker(w)));
}

export async function runWorkload(o: RunOptions): Promise<RunResult> {
  const { workload, driver } = o;
  const interval = o.intervalMs ?? 1000;
  const bodies = createBodyFactory(workload.seed);
  const env = environment();
  const progress = (p: Progress): void => o.onProgress?.(p);

  progress({ phase: 'setup', elapsed: 0, operations: 0, errors: 0 });
  try {
    await driver.setup(workload);
  } catch (err) {
    throw new Error(`${driver.name} setup against ${o.target.endpoint} failed: ${(err as Error).message ?? String(err)}`, { cause: err });
  }

  if (workload.warmupSeconds > 0 && !o.signal?.aborted) {
    const started = performance.now();
    let done = 0;
    const phase: Phase = { endAt: started + workload.warmupSeconds * 1000, left: Infinity, stopped: false, record: () => { done++; } };
    const timer = setInterval(() => progress({ phase: 'warmup', elapsed: (performance.now() - started) / 1000, planned: workload.warmupSeconds, operations: done, errors: 0 }), interval);
    try {
      await runPhase(o, bodies, 0, phase, 0);
    } finally {
      clearInterval(timer);
    }
  }

  const sampler = await ResourceSampler.start(o.serverPid);
  const start = performance.now();
  const recorder = new Recorder(workload.mix.map((m) => m.op), start);
  const phase: Phase = {
    endAt: workload.durationSeconds !== undefined ? start + workload.durationSeconds * 1000 : Infinity,
    left: workload.operations ?? Infinity,
    stopped: false,
    record: (op, ms, result) => recorder.record(op, ms, result),
  };
  const timer = setInterval(() => {
    const now = performance.now();
    const w = recorder.closeWindow(now);
    void sampler.sample();
    progress({
      phase: 'measure', elapsed: (now - start) / 1000, planned: workload.durationSeconds,
      operations: recorder.count, errors: recorder.errorCount, opsPerSecond: w?.opsPerSecond, p99: w?.p99,
    });
  }, interval);
  let end: number;
  try {
    await runPhase(o, bodies, 1, phase, workload.rampSeconds * 1000);
  } finally {
    end = performance.now();
    clearInterval(timer);
  }
  recorder.closeWindow(end, true);
  const resources = await sampler.stop();
  const seconds = (end - start) / 1000;
  const result: RunResult = {
    schema: 'boltstack-bench/1',
    workload,
    target: { endpoint: o.target.endpoint, label: o.target.label ?? o.target.endpoint, driver: driver.name },
    environment: env,
    durationSeconds: Math.round(seconds * 1000) / 1000,
    ...recorder.result(seconds),
    windows: recorder.windows,
    client: resources.client,
  };
  if (resources.server) result.server = resources.server;
  return result;
}
