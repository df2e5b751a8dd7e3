/**
 * One benchmark run as a library call: workload (object, file or shipped name) + endpoint +
 * driver → RunResult. The CLI's `bench run` and `bench peers` both go through here.
 */
import type { RunResult, Target, Workload } from './types.js';
import { runWorkload, type Progress } from './engine/run.js';
import { getDriverFactory, resolveDriver } from './drivers/registry.js';
import { loadWorkload } from './workload/load.js';

export interface BenchRunOptions {
  workload: Workload | string;
  endpoint: string;
  /** Built-in kind ("raw", "sdk") or a driver file path; default: raw when the service has one, else sdk. */
  driver?: string;
  label?: string;
  /** PID of a local server process, to sample its RSS and CPU. */
  serverPid?: number;
  region?: string;
  credentials?: Target['credentials'];
  forcePathStyle?: boolean;
  /** Command-line overrides of the workload file. */
  overrides?: Partial<Pick<Workload, 'durationSeconds' | 'operations' | 'concurrency' | 'warmupSeconds' | 'rampSeconds'>>;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** The workload with overrides applied: a duration override alone drops a file's operation count and vice versa. */
export function applyOverrides(w: Workload, o: BenchRunOptions['overrides'] = {}): Workload {
  const out: Workload = { ...w };
  if (o.durationSeconds !== undefined || o.operations !== undefined) {
    delete out.durationSeconds;
    delete out.operations;
    if (o.durationSeconds !== undefined) out.durationSeconds = o.durationSeconds;
    if (o.operations !== undefined) out.operations = o.operations;
  }
  if (o.concurrency !== undefined) out.concurrency = o.concurrency;
  if (o.warmupSeconds !== undefined) out.warmupSeconds = o.warmupSeconds;
  if (o.rampSeconds !== undefined) out.rampSeconds = o.rampSeconds;
  return out;
}

export async function defaultDriverKind(service: Workload['service']): Promise<string> {
  try {
    await getDriverFactory(service, 'raw');
    return 'raw';
  } catch {
    return 'sdk';
  }
}

export async function runBench(o: BenchRunOptions): Promise<RunResult> {
  const base = typeof o.workload === 'string' ? await loadWorkload(o.workload) : o.workload;
  const workload = applyOverrides(base, o.overrides);
  const factory = await resolveDriver(workload.service, o.driver ?? await defaultDriverKind(workload.service));
  const target: Target = {
    endpoint: o.endpoint,
    region: o.region ?? process.env.AWS_REGION ?? 'us-east-1',
    credentials: o.credentials ?? {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
      ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    },
    forcePathStyle: o.forcePathStyle ?? true,
  };
  const driver = await factory.create(target);
  const unknown = workload.mix.map((m) => m.op).filter((op) => !driver.operations.includes(op));
  if (unknown.length) {
    await driver.close();
    throw new Error(`driver ${driver.name} does not implement ${unknown.join(', ')} (it has: ${driver.operations.join(', ')})`);
  }
  try {
    return await runWorkload({
      workload, driver, target: { endpoint: o.endpoint, label: o.label ?? o.endpoint },
      serverPid: o.serverPid, onProgress: o.onProgress, signal: o.signal,
    });
  } finally {
    await driver.close();
  }
}
