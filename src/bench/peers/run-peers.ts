/**
 * `bench peers` as a library call: each workload of the plan runs against a fresh boltstack and
 * a fresh peer (each its own process, stopped by PID before the next starts, so one run's memory
 * and CPU do not leak into the next), then the S3 figures of the foundation issue (s3-figures).
 * A service boltstack does not serve yet (setup or every operation answers NotImplemented) is
 * reported as such, with the peer's figures alone; any other failure is reported, not thrown.
 */
import type { RunResult, ServiceKind } from '../types.js';
import { runBench, type BenchRunOptions } from '../run-bench.js';
import type { PeerProcess } from './child.js';
import { PEER_PLAN } from './plan.js';
import { ratioRows, type RatioRow } from './ratios.js';
import { runS3Figures, type S3FiguresResult } from './s3-figures.js';
import { startServer, targetFor, type ServerName } from './servers.js';

export type PeerRunStatus = 'ok' | 'not-implemented' | 'failed';

export interface PeerRun {
  server: ServerName;
  status: PeerRunStatus;
  result?: RunResult;
  /** Why it is not ok: the error code or message. */
  note?: string;
}

export interface PeerPair {
  service: ServiceKind;
  workload: string;
  boltstack: PeerRun;
  peer: PeerRun | null;
}

export interface PeersReport {
  schema: 'boltstack-bench-peers/1';
  date: string;
  driver: string;
  durationSeconds: number | null;
  pairs: PeerPair[];
  ratios: RatioRow[];
  s3Figures: S3FiguresResult | null;
}

export interface PeersOptions {
  only?: readonly ServiceKind[];
  /** Measured seconds per workload (the workload files' own when unset). */
  durationSeconds?: number;
  warmupSeconds?: number;
  /** Driver kind for every workload (default: raw). */
  driver?: string;
  /** Arguments for s3-figures (e.g. ["--only", "1,3"]); null skips it. Runs only with s3 selected. */
  s3FiguresArgs?: string[] | null;
  log?: (message: string) => void;
  /** Injected for tests: how a server is started and a workload run. */
  start?: (name: ServerName) => Promise<PeerProcess>;
  run?: (o: BenchRunOptions) => Promise<RunResult>;
}

/** Every measured operation failed with NotImplemented: the endpoint does not serve it yet. */
function allNotImplemented(r: RunResult): boolean {
  return r.total.count > 0 && (r.total.errors.NotImplemented ?? 0) === r.total.count;
}

/** The AWS error code of a setup failure, also when the engine wrapped it (Error.cause). */
function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

async function runOn(name: ServerName, workload: string, o: PeersOptions): Promise<PeerRun> {
  const start = o.start ?? startServer;
  const run = o.run ?? runBench;
  const log = o.log ?? (() => undefined);
  let server: PeerProcess | undefined;
  try {
    server = await start(name);
    log(`${workload} → ${name} (${server.endpoint}, pid ${server.pid})`);
    const target = targetFor(server);
    const result = await run({
      workload, endpoint: server.endpoint, label: name, serverPid: server.pid, driver: o.driver ?? 'raw',
      credentials: target.credentials, region: target.region, forcePathStyle: true,
      overrides: {
        ...(o.durationSeconds !== undefined ? { durationSeconds: o.durationSeconds } : {}),
        ...(o.warmupSeconds !== undefined ? { warmupSeconds: o.warmupSeconds } : {}),
      },
    });
    if (allNotImplemented(result)) return { server: name, status: 'not-implemented', result, note: 'NotImplemented' };
    return { server: name, status: 'ok', result };
  } catch (err) {
    const code = errorCode(err);
    if (code === 'NotImplemented') return { server: name, status: 'not-implemented', note: 'NotImplemented' };
    return { server: name, status: 'failed', note: code ?? (err instanceof Error ? err.message : String(err)) };
  } finally {
    await server?.stop();
  }
}

export async function runPeers(o: PeersOptions = {}): Promise<PeersReport> {
  const only = new Set(o.only ?? PEER_PLAN.map((p) => p.service));
  const pairs: PeerPair[] = [];
  for (const plan of PEER_PLAN.filter((p) => only.has(p.service))) {
    for (const workload of plan.workloads) {
      const boltstack = await runOn('boltstack', workload, o);
      const peer = plan.peer ? await runOn(plan.peer, workload, o) : null;
      pairs.push({ service: plan.service, workload, boltstack, peer });
    }
  }
  const figuresArgs = o.s3FiguresArgs === undefined ? [] : o.s3FiguresArgs;
  const s3Figures = only.has('s3') && figuresArgs !== null
    ? await runS3Figures(figuresArgs, o.log ?? (() => undefined))
    : null;
  return {
    schema: 'boltstack-bench-peers/1',
    date: new Date().toISOString(),
    driver: o.driver ?? 'raw',
    durationSeconds: o.durationSeconds ?? null,
    pairs,
    ratios: ratioRows(pairs),
    s3Figures,
  };
}
