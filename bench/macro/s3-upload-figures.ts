/**
 * s3-upload-figures: large uploads with checksums in parallel (issue #7, Deliver 3), boltstack and
 * the peer s3rver side by side in one run, each server its own process on 127.0.0.1, all started
 * at once and measured in alternation (round by round), so a shared machine's load drifts over
 * both alike.
 *   A  four concurrent 64 MiB PUTs (plain presigned PUT, no SDK): MB/s >= 2x s3rver's
 *   B  server peak VmRSS during those PUTs < 100 MB
 *   C  a single 64 MiB PUT >= 85% of this machine's single-core MD5 speed (node:crypto MD5 over
 *      64 MiB in this process, measured right before each single PUT)
 *   D  server CPU per GB uploaded (all threads), concurrent and single, against s3rver's
 * Where the time goes, per setting (`settings`): server CPU per GB split into the main thread and
 * the busiest other thread (the hash worker), and the client's own CPU per GB. And what the
 * machine allows (`bounds`, measured in the same run): MD5 and memcpy speed on one core, the
 * client's CPU for sending a body over loopback to a sink that does nothing, and from the single
 * PUTs' CPU two ceilings for figure C: the busiest thread's (1 / its CPU per GB) and the cores'
 * (cores / (server + client CPU per GB)), each also as a fraction of MD5 speed.
 * The CPU the targets leave the server (`budgets`, same run): for C, cores / (0.85 x MD5 speed)
 * less the single PUT's client CPU per GB, and how much of that MD5 itself takes; for A, cores /
 * (2 x s3rver's MB/s) less the concurrent rounds' client CPU per GB. A server spending more than
 * its budget per GB cannot meet the target on this machine, however its threads overlap.
 * Options: --reps N (rounds, 3), --mib N (object size, 64), --concurrency N (4),
 * --pool-threads a,b (boltstack settings measured side by side, e.g. "auto,1,2"; the first one is
 * the figures' subject), --compare DIR[,DIR] (also boltstack built elsewhere: DIR is a build's
 * dist directory, e.g. a copy of main's, for A/B in one run), --no-peer. See docs/benchmarking.md.
 */
import { environment } from '../lib/environment.js';
import { figure, type Figure } from '../lib/figure.js';
import { availableParallelism } from 'node:os';
import { loopbackCost, memcpySpeed, type LoopbackCost } from '../lib/machine-bounds.js';
import { md5Input, md5Speed } from '../lib/md5-speed.js';
import { createPresigner, type Presigner } from '../lib/presign.js';
import { send } from '../lib/http-stream.js';
import { startBoltstack, startS3rver } from '../lib/servers.js';
import { startServer, type ServerProcess } from '../lib/server-process.js';
import { freePort } from '../../src/bench/peers/free-port.js';
import { join } from 'node:path';
import { median } from '../lib/stats.js';
import { uploadRound, type UploadRound } from './s3/upload-throughput.js';

/** Untimed uploads per server before the rounds (see the warm-up in run()). */
const WARM_UP_MS = 4000;

export const description = 'Large uploads, checksums in parallel: 4 concurrent and single 64 MiB PUTs vs s3rver and single-core MD5, CPU/GB, peak RSS';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

interface Subject {
  label: string;
  server: ServerProcess;
  presigner: Presigner;
  single: UploadRound[];
  concurrent: UploadRound[];
  /** MD5 MB/s measured right before each of this subject's single PUTs. */
  md5: number[];
}

interface Summary {
  label: string;
  concurrentMBps: number;
  concurrentCpuMsPerGB: number;
  concurrentPeakMiB: number;
  singleMBps: number;
  singleCpuMsPerGB: number;
  singlePeakMiB: number;
  /** Median over rounds of (single PUT MB/s / the MD5 MB/s measured just before it). */
  singleOverMd5: number;
  md5MBps: number;
  /** Per thread and client, medians over rounds, ms per GB. */
  singleMainCpuMsPerGB: number;
  singleBusiestOtherCpuMsPerGB: number;
  singleClientCpuMsPerGB: number;
  concurrentMainCpuMsPerGB: number;
  concurrentBusiestOtherCpuMsPerGB: number;
  concurrentClientCpuMsPerGB: number;
  /** Server threads other than the main one and the busiest other (libuv's file writes, V8's helpers), ms per GB. */
  singleRestCpuMsPerGB: number;
  concurrentRestCpuMsPerGB: number;
  verified: boolean;
  problems: string[];
  samples: { concurrentMBps: number[]; singleMBps: number[]; md5MBps: number[] };
}

const rest = (r: UploadRound): number => Math.max(0, r.cpuMsPerGB - r.mainCpuMsPerGB - r.busiestOtherCpuMsPerGB);

function summarize(s: Subject): Summary {
  const all = [...s.single, ...s.concurrent];
  return {
    label: s.label,
    concurrentMBps: median(s.concurrent.map((r) => r.mbps)),
    concurrentCpuMsPerGB: median(s.concurrent.map((r) => r.cpuMsPerGB)),
    concurrentPeakMiB: Math.max(...s.concurrent.map((r) => r.peakMiB)),
    singleMBps: median(s.single.map((r) => r.mbps)),
    singleCpuMsPerGB: median(s.single.map((r) => r.cpuMsPerGB)),
    singlePeakMiB: Math.max(...s.single.map((r) => r.peakMiB)),
    singleOverMd5: Math.round(median(s.single.map((r, i) => r.mbps / s.md5[i]!)) * 100) / 100,
    md5MBps: median(s.md5),
    singleMainCpuMsPerGB: median(s.single.map((r) => r.mainCpuMsPerGB)),
    singleBusiestOtherCpuMsPerGB: median(s.single.map((r) => r.busiestOtherCpuMsPerGB)),
    singleClientCpuMsPerGB: median(s.single.map((r) => r.clientCpuMsPerGB)),
    concurrentMainCpuMsPerGB: median(s.concurrent.map((r) => r.mainCpuMsPerGB)),
    concurrentBusiestOtherCpuMsPerGB: median(s.concurrent.map((r) => r.busiestOtherCpuMsPerGB)),
    concurrentClientCpuMsPerGB: median(s.concurrent.map((r) => r.clientCpuMsPerGB)),
    singleRestCpuMsPerGB: median(s.single.map(rest)),
    concurrentRestCpuMsPerGB: median(s.concurrent.map(rest)),
    verified: all.every((r) => r.verified),
    problems: all.flatMap((r) => (r.problem !== undefined ? [r.problem] : [])),
    samples: { concurrentMBps: s.concurrent.map((r) => r.mbps), singleMBps: s.single.map((r) => r.mbps), md5MBps: s.md5 },
  };
}

interface Bounds {
  cores: number;
  md5MBps: number;
  memcpyGBps: number;
  /** The client alone, sending one body to a sink over loopback. */
  loopback: LoopbackCost;
  /** Ceilings of the subject's single PUT, from its median CPU per GB: MB/s and fraction of MD5. */
  busiestThreadMBps: number;
  busiestThreadOverMd5: number;
  coresMBps: number;
  coresOverMd5: number;
}

function bounds(b: Summary, memcpyGBps: number, loopback: LoopbackCost): Bounds {
  const cores = availableParallelism();
  const busiest = Math.max(b.singleMainCpuMsPerGB, b.singleBusiestOtherCpuMsPerGB);
  const busiestThreadMBps = Math.round(1e6 / busiest);
  const coresMBps = Math.round((cores * 1e6) / (b.singleCpuMsPerGB + b.singleClientCpuMsPerGB));
  const frac = (mbps: number): number => Math.round((mbps / b.md5MBps) * 100) / 100;
  return {
    cores, md5MBps: b.md5MBps, memcpyGBps, loopback,
    busiestThreadMBps, busiestThreadOverMd5: frac(busiestThreadMBps), coresMBps, coresOverMd5: frac(coresMBps),
  };
}

/** Server CPU per GB each target leaves on this machine (see the file comment), ms. */
interface Budgets {
  /**
   * C at 0.85 of MD5 speed: cores / (0.85 x MD5 MB/s) less the single PUT's client CPU. MD5 speed
   * is the fastest sample of the run: the core's own speed, which other load only lowers (a lower
   * one would lower the target and so inflate the budget).
   */
  cServerMsPerGB: number;
  /** Of which MD5 itself takes (1 / MD5 speed); the rest is all the server may spend on anything else. */
  cMd5MsPerGB: number;
  cServerMeasuredMsPerGB: number;
  /** A at 2x s3rver: cores / (2 x s3rver MB/s) less the concurrent rounds' client CPU; null without the peer. */
  aServerMsPerGB: number | null;
  aServerMeasuredMsPerGB: number;
}

function budgets(b: Summary, p: Summary | null): Budgets {
  const cores = availableParallelism();
  const md5 = Math.max(...b.samples.md5MBps);
  return {
    cServerMsPerGB: Math.round((cores * 1e6) / (0.85 * md5) - b.singleClientCpuMsPerGB),
    cMd5MsPerGB: Math.round(1e6 / md5),
    cServerMeasuredMsPerGB: b.singleCpuMsPerGB,
    aServerMsPerGB: p === null ? null : Math.round((cores * 1e6) / (2 * p.concurrentMBps) - b.concurrentClientCpuMsPerGB),
    aServerMeasuredMsPerGB: b.concurrentCpuMsPerGB,
  };
}

/** A boltstack from another build (DIR: its dist directory), started as bench/lib/servers.ts starts ours. */
async function startBoltstackBuild(dist: string, extraArgs: string[]): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: `boltstack@${dist}`, command: process.execPath, port, readyPath: '/_boltstack/health',
    args: [join(dist, 'src/cli.js'), '--host', '127.0.0.1', '--port', String(port), '--ephemeral', '--log-level', 'warn', ...extraArgs],
  });
}

function buildFigures(b: Summary, p: Summary | null, concurrency: number, mib: number, bound: Bounds): Figure[] {
  const cpu = { on: 'ratio', op: '<', limit: 1, text: '< s3rver (ms per GB)' } as const;
  const out = [
    figure(`A ${concurrency} concurrent ${mib} MiB PUTs`, 'MB/s', b.concurrentMBps, p?.concurrentMBps ?? null, { on: 'ratio', op: '>=', limit: 2, text: '>= 2x s3rver' }, {
      boltstackSamples: b.samples.concurrentMBps, peerSamples: p?.samples.concurrentMBps ?? null, verified: b.verified && (p?.verified ?? true),
    }),
    figure(`B peak VmRSS, ${concurrency} concurrent ${mib} MiB PUTs`, 'MiB', b.concurrentPeakMiB, p?.concurrentPeakMiB ?? null, { on: 'value', op: '<', limit: 100, text: '< 100 MB (MiB, VmHWM)' }),
    figure(`C single ${mib} MiB PUT / single-core MD5`, 'fraction', b.singleOverMd5, p?.singleOverMd5 ?? null, { on: 'value', op: '>=', limit: 0.85, text: '>= 0.85 of MD5 speed' }, {
      boltstackPutMBps: b.singleMBps, peerPutMBps: p?.singleMBps ?? null, md5MBps: b.md5MBps, boltstackSamples: b.samples.singleMBps, md5Samples: b.samples.md5MBps,
      boltstackPeakMiB: b.singlePeakMiB, peerPeakMiB: p?.singlePeakMiB ?? null,
      mainCpuMsPerGB: b.singleMainCpuMsPerGB, hashWorkerCpuMsPerGB: b.singleBusiestOtherCpuMsPerGB, clientCpuMsPerGB: b.singleClientCpuMsPerGB,
      busiestThreadBound: bound.busiestThreadOverMd5, coresBound: bound.coresOverMd5,
    }),
    figure(`D server CPU per GB, ${concurrency} concurrent PUTs`, 'ms/GB', b.concurrentCpuMsPerGB, p?.concurrentCpuMsPerGB ?? null, cpu),
    figure(`D server CPU per GB, single PUT`, 'ms/GB', b.singleCpuMsPerGB, p?.singleCpuMsPerGB ?? null, cpu),
  ];
  for (const f of out) if (!b.verified) f.pass = false;
  return out;
}

export async function run(args: string[], log: (message: string) => void): Promise<unknown> {
  const reps = option(args, '--reps', 3);
  const mib = option(args, '--mib', 64);
  const concurrency = option(args, '--concurrency', 4);
  const threads = (args.includes('--pool-threads') ? args[args.indexOf('--pool-threads') + 1] ?? 'auto' : 'auto').split(',');
  const compare = args.includes('--compare') ? (args[args.indexOf('--compare') + 1] ?? '').split(',').filter((d) => d !== '') : [];
  const bytes = mib * 2 ** 20;
  const started = Date.now();
  const subjects: Subject[] = [];
  let memcpy = 0;
  let loopback: LoopbackCost = { mbps: 0, clientCpuMsPerGB: 0, sinkCpuMsPerGB: 0 };
  const subject = (label: string, server: ServerProcess): Subject => ({ label, server, presigner: createPresigner(server.endpoint), single: [], concurrent: [], md5: [] });
  try {
    for (const t of threads) {
      log(`[boltstack --pool-threads ${t}] starting`);
      subjects.push(subject(`boltstack --pool-threads ${t}`, await startBoltstack(['--pool-threads', t])));
    }
    for (const dist of compare) {
      log(`[boltstack@${dist} --pool-threads ${threads[0]}] starting`);
      subjects.push(subject(`boltstack@${dist} --pool-threads ${threads[0]}`, await startBoltstackBuild(dist, ['--pool-threads', threads[0]!])));
    }
    if (!args.includes('--no-peer')) {
      log('[s3rver] starting');
      subjects.push(subject('s3rver', await startS3rver()));
    }
    for (const s of subjects) {
      const r = await send('PUT', await s.presigner.createBucket('uploads'));
      if (r.status !== 200) throw new Error(`${s.label}: CreateBucket answered ${r.status}`);
      // Untimed: compiles each server's upload path (and starts boltstack's hash worker), so
      // round 1 measures what rounds 2.. do. For WARM_UP_MS, not one upload: boltstack turns
      // TurboFan on once busy (a quarter of a core for two seconds, src/cli-cpu-busy.ts), which
      // one upload is not, so rounds 1-3 measured its main thread at 1.3-1.7 s/GB against
      // 1.0-1.2 in the rounds after (same server, alternating, loaded machine).
      const warmUntil = Date.now() + WARM_UP_MS;
      for (let i = 0; i === 0 || Date.now() < warmUntil; i++) {
        await uploadRound(s.presigner, { bucket: 'uploads', bytes, concurrency: 1, serverPid: s.server.pid, round: `warm-up-${i}` });
      }
    }
    const md5Data = md5Input(bytes);
    md5Speed(md5Data); // warm-up: the first pass pays for page faults
    memcpy = memcpySpeed(md5Data);
    log('[bounds] client sending over loopback to a sink');
    loopback = await loopbackCost(bytes);
    // Each server's concurrent round, then its single PUT: the single PUT finds the server as an
    // upload in a stream of uploads finds it (boltstack's hash worker running; a lone upload after
    // 10 s without any hashes inline, see src/pool/body-hashing.ts), however long the other
    // servers' rounds took. Servers still alternate round by round.
    for (let rep = 0; rep < reps; rep++) {
      for (const s of subjects) {
        s.concurrent.push(await uploadRound(s.presigner, { bucket: 'uploads', bytes, concurrency, serverPid: s.server.pid, round: `concurrent-${rep}` }));
        const c = s.concurrent.at(-1)!;
        log(`[${s.label}] round ${rep + 1}/${reps}: ${concurrency} concurrent PUTs ${c.mbps} MB/s, ${c.cpuMsPerGB} ms CPU/GB, peak ${c.peakMiB} MiB${c.verified ? '' : ` UNVERIFIED: ${c.problem}`}`);
        s.md5.push(md5Speed(md5Data));
        s.single.push(await uploadRound(s.presigner, { bucket: 'uploads', bytes, concurrency: 1, serverPid: s.server.pid, round: `single-${rep}` }));
        const one = s.single.at(-1)!;
        log(`[${s.label}] round ${rep + 1}/${reps}: single PUT ${one.mbps} MB/s (MD5 ${s.md5.at(-1)} MB/s), CPU ms/GB main ${one.mainCpuMsPerGB} / busiest other ${one.busiestOtherCpuMsPerGB} / rest ${rest(one)} / client ${one.clientCpuMsPerGB}`);
      }
    }
  } finally {
    for (const s of subjects) {
      s.presigner.destroy();
      await s.server.stop();
    }
  }
  const summaries = subjects.map(summarize);
  const peer = summaries.find((s) => s.label === 's3rver') ?? null;
  const bound = bounds(summaries[0]!, memcpy, loopback);
  const figures = buildFigures(summaries[0]!, peer, concurrency, mib, bound);
  const failing = figures.filter((f) => f.pass === false).map((f) => `${f.name}: ${f.boltstack} ${f.unit} (ratio ${f.ratio ?? '-'}), target ${f.target}`);
  return {
    benchmark: 's3-upload-figures',
    environment: environment(),
    options: { reps, mib, concurrency, poolThreads: threads, compare, peer: peer !== null },
    seconds: Math.round((Date.now() - started) / 1000),
    figures,
    failing,
    bounds: bound,
    budgets: budgets(summaries[0]!, peer),
    settings: summaries,
  };
}
