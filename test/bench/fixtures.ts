/**
 * Plausible RunResults built by hand, for the compare and report tests: a log-normal latency
 * histogram (real HDR, base64 compressed, as the engine writes it), per-second windows with
 * deterministic jitter, optional errors and server samples.
 */
import hdr from 'hdr-histogram-js';
import type { OperationStats, RunResult, WindowStats } from '../../src/bench/types.js';

export interface FixtureOptions {
  workload?: string;
  target?: string;
  driver?: string;
  commit?: string;
  opsPerSecond?: number;
  p50Ms?: number;
  p99Ms?: number;
  durationSeconds?: number;
  /** Operation mix: op name → share of the total (default upload 0.25, download 0.75). */
  mix?: Record<string, number>;
  /** Error code → count, put on the first operation. */
  errors?: Record<string, number>;
  /** Relative jitter of the per-window figures (default 0.05). */
  jitter?: number;
  server?: boolean;
  seed?: number;
}

/** xorshift32: deterministic so a failing test can be replayed. */
export function prng(seed: number): () => number {
  let s = (seed >>> 0) || 0x9e3779b9;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function operationStats(count: number, seconds: number, p50Ms: number, p99Ms: number, rand: () => number, errors: Record<string, number>): OperationStats {
  const h = hdr.build({ numberOfSignificantValueDigits: 3 });
  const sigma = Math.log(Math.max(p99Ms / p50Ms, 1.0001)) / 2.326;
  const samples = Math.min(count, 4000);
  const weight = Math.max(1, Math.round(count / samples));
  for (let i = 0; i < samples; i++) h.recordValueWithCount(Math.max(1, Math.round(p50Ms * 1000 * Math.exp(sigma * gaussian(rand)))), weight);
  const ms = (q: number): number => h.getValueAtPercentile(q) / 1000;
  const stats: OperationStats = {
    count,
    errors,
    opsPerSecond: count / seconds,
    megabytesPerSecond: (count * 4096) / seconds / 1e6,
    // p50 and p99 exactly as asked, so compare tests control them; the histogram is close to them.
    latency: { p50: p50Ms, p90: ms(90), p99: p99Ms, p999: ms(99.9), max: h.maxValue / 1000, mean: h.mean / 1000 },
    histogram: hdr.encodeIntoCompressedBase64(h),
  };
  h.destroy();
  return stats;
}

export function makeRunResult(o: FixtureOptions = {}): RunResult {
  const rand = prng(o.seed ?? 1);
  const seconds = o.durationSeconds ?? 10;
  const ops = o.opsPerSecond ?? 1000;
  const p50 = o.p50Ms ?? 2;
  const p99 = o.p99Ms ?? 10;
  const jitter = o.jitter ?? 0.05;
  const mix = o.mix ?? { upload: 0.25, download: 0.75 };
  const opNames = Object.keys(mix);
  const operations: Record<string, OperationStats> = {};
  opNames.forEach((op, i) => {
    const errors = i === 0 && o.errors ? o.errors : {};
    operations[op] = operationStats(Math.round(ops * seconds * mix[op]!), seconds, p50, p99, rand, errors);
  });
  const total = operationStats(Math.round(ops * seconds), seconds, p50, p99, rand, o.errors ?? {});
  const windows: WindowStats[] = Array.from({ length: seconds }, (_, i) => {
    const f = 1 + jitter * gaussian(rand);
    return { t: i + 1, opsPerSecond: ops * f, megabytesPerSecond: (ops * f * 4096) / 1e6, p50: p50 / f, p99: p99 / f, errors: 0 };
  });
  const samples = Array.from({ length: seconds }, (_, i) => ({ t: i + 1, rssMB: 80 + 5 * i + rand(), cpuPercent: 60 + 10 * rand() }));
  return {
    schema: 'boltstack-bench/1',
    workload: {
      name: o.workload ?? 's3-small-objects', service: 's3', concurrency: 16, durationSeconds: seconds, warmupSeconds: 1, rampSeconds: 0,
      mix: opNames.map((op) => ({ op, weight: mix[op]! })), size: { kind: 'fixed', bytes: 4096 },
      keys: { count: 1000, prefix: 'k', prefixes: 1, preload: 100 }, options: {}, seed: 42,
    },
    target: { endpoint: 'http://127.0.0.1:4566', label: o.target ?? 'boltstack', driver: o.driver ?? 'raw' },
    environment: {
      boltstackVersion: '0.1.0', node: 'v20.0.0', platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cores: 2, memoryGB: 4,
      ...(o.commit ? { commit: o.commit } : {}), date: '2025-01-01T00:00:00.000Z',
    },
    durationSeconds: seconds,
    total,
    operations,
    windows,
    client: { cpuPercent: 50, samples },
    ...(o.server === false ? {} : { server: { pid: 1234, peakRssMB: 80 + 5 * seconds, cpuPercent: 70, samples } }),
  };
}

/** One run per value: the same workload with the given ops/s (and p99 in ms when given). */
export function makeRuns(opsPerSecond: readonly number[], p99Ms?: readonly number[], o: FixtureOptions = {}): RunResult[] {
  return opsPerSecond.map((ops, i) => makeRunResult({ ...o, opsPerSecond: ops, p99Ms: p99Ms?.[i] ?? o.p99Ms ?? 10, seed: (o.seed ?? 1) * 1000 + i }));
}
