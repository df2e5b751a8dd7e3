/**
 * Everything the s3-figures benchmark measures on one server process:
 * start time and idle memory, the AWS CLI session and the memory after it, small GETs,
 * 64 MiB PUT/GET throughput, ListObjectsV2 of 1,000 keys; then, in a fresh process, the peak RSS
 * while a 1 GiB object goes in and out. The server is always stopped, also when a step fails.
 */
import { readMemory, resetPeak, type MemoryStatus } from '../../lib/proc-status.js';
import { createPresigner } from '../../lib/presign.js';
import { closeConnections } from '../../lib/http-stream.js';
import type { LoadResult } from '../../lib/load.js';
import { startByName, type ServerName } from '../../lib/servers.js';
import { cliSession, type SessionResult } from './cli-session.js';
import { smallGet, type SmallGetResult } from './small-get.js';
import { listObjects } from './list-objects.js';
import { objectThroughput, type ThroughputResult } from './object-throughput.js';

export interface MeasureOptions {
  durationSec: number;
  connections: number;
  reps: number;
  largeBytes: number;
  hugeBytes: number;
  listKeys: number;
  /** Figures to run (1..6); the start figure always runs. */
  only: Set<number>;
  log: (message: string) => void;
}

export interface ServerResult {
  server: ServerName;
  startMs: number;
  idle: MemoryStatus;
  session?: SessionResult & { after: MemoryStatus };
  smallGet?: SmallGetResult;
  large?: ThroughputResult;
  list?: LoadResult & { keysListed: number };
  huge?: ThroughputResult & { peakMiB: number; peakScoped: boolean; after: MemoryStatus };
  /** Figures whose workload failed, with the error: the run goes on with the next figure. */
  errors: Record<string, string>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function measureServer(name: ServerName, o: MeasureOptions): Promise<ServerResult> {
  o.log(`[${name}] starting`);
  let server = await startByName(name);
  let presigner = createPresigner(server.endpoint);
  try {
    // Let start-up work that follows the first answer (timers, lazy GC) settle before reading.
    await sleep(1000);
    const result: ServerResult = { server: name, startMs: server.startMs, idle: await readMemory(server.pid), errors: {} };
    const step = async (figure: number, work: () => Promise<void>): Promise<void> => {
      if (!o.only.has(figure)) return;
      try {
        await work();
      } catch (err) {
        result.errors[String(figure)] = (err as Error).message;
        o.log(`[${name}] figure ${figure} failed: ${(err as Error).message}`);
      }
    };
    o.log(`[${name}] start ${server.startMs} ms, idle VmRSS ${result.idle.vmRssMiB} MiB`);
    await step(2, async () => {
      o.log(`[${name}] AWS CLI session`);
      const s = await cliSession(server.endpoint, o.log);
      await sleep(1000);
      result.session = { ...s, after: await readMemory(server.pid) };
      o.log(`[${name}] after session VmRSS ${result.session.after.vmRssMiB} MiB`);
    });
    await step(3, async () => {
      o.log(`[${name}] GetObject 4 KiB, autocannon ${o.durationSec}s x2`);
      result.smallGet = await smallGet(presigner, { ...o, serverPid: server.pid });
    });
    await step(4, async () => {
      o.log(`[${name}] PUT/GET ${o.largeBytes / 2 ** 20} MiB x${o.reps}`);
      result.large = await objectThroughput(presigner, { bucket: 'bench-large', bytes: o.largeBytes, reps: o.reps, serverPid: server.pid });
    });
    await step(5, async () => {
      o.log(`[${name}] ListObjectsV2 of ${o.listKeys} keys, autocannon ${o.durationSec}s`);
      result.list = await listObjects(presigner, { ...o, keys: o.listKeys, serverPid: server.pid });
    });
    await step(6, async () => {
      // A fresh process: after figures 2-5 the old one's RSS (freed-but-kept malloc heap, see
      // docs/benchmarking.md) would be the floor of the peak, measuring history, not this transfer.
      await server.stop();
      server = await startByName(name);
      presigner.destroy();
      presigner = createPresigner(server.endpoint);
      o.log(`[${name}] multipart PUT (128 MiB parts) and GET of ${o.hugeBytes / 2 ** 30} GiB, peak RSS`);
      let peakScoped = false;
      const r = await objectThroughput(presigner, {
        // Multipart: this uWS build drops any request whose Content-Length has 10 digits (>= 1e9
        // bytes), so a 1 GiB single PUT cannot reach boltstack; clients upload that size in parts.
        bucket: 'bench-huge', bytes: o.hugeBytes, reps: 1, partSize: 128 * 2 ** 20, hashWhileTiming: true, serverPid: server.pid,
        onPhase: async (phase) => { if (phase === 'put') peakScoped = await resetPeak(server.pid); },
      });
      const after = await readMemory(server.pid);
      result.huge = { ...r, peakMiB: after.vmHwmMiB, peakScoped, after };
    });
    return result;
  } finally {
    presigner.destroy();
    closeConnections();
    await server.stop();
    o.log(`[${name}] stopped`);
  }
}
