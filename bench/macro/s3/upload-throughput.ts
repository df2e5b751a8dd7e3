/**
 * s3-upload-figures' workloads on one server: one large PutObject at a time, and `concurrency`
 * PutObjects at once, each a plain presigned PUT streamed by node:http (no SDK, no aws-chunked,
 * no hashing on the client while timed). Each object gets new content (no deduplicated blob), and
 * every answer is checked: status 200 and an ETag equal to the body's MD5 (computed untimed), and
 * the first object of each phase is downloaded and compared byte for byte (MD5 while streaming).
 */
import { performance } from 'node:perf_hooks';
import { bodySource } from '../../lib/body-source.js';
import { fetchHashed, send } from '../../lib/http-stream.js';
import type { Presigner } from '../../lib/presign.js';
import { readCpuMs, readMemory, resetPeak } from '../../lib/proc-status.js';
import { readThreadCpu, splitThreadCpu } from '../../lib/thread-cpu.js';

export interface UploadRound {
  /** Bytes uploaded over wall time, all uploads of the round together (10^6 bytes/s). */
  mbps: number;
  /** Server CPU (all threads), ms per GB uploaded. */
  cpuMsPerGB: number;
  /** Of which the server's main thread (receiving, copying, writing, inline hashing), ms per GB. */
  mainCpuMsPerGB: number;
  /** Of which its busiest other thread (a hash worker, when one hashed), ms per GB. */
  busiestOtherCpuMsPerGB: number;
  /** The load generator's own CPU (this process: node:http streaming the bodies), ms per GB. */
  clientCpuMsPerGB: number;
  /** VmHWM over the round, MiB (scoped to the round when `peakScoped`). */
  peakMiB: number;
  peakScoped: boolean;
  verified: boolean;
  /** What failed verification, if anything. */
  problem?: string;
}

export interface RoundOptions {
  bucket: string;
  bytes: number;
  /** Uploads at once (1: a single PUT). */
  concurrency: number;
  serverPid: number;
  /** Distinguishes this round's keys. */
  round: string;
}

export async function uploadRound(p: Presigner, o: RoundOptions): Promise<UploadRound> {
  const bodies = Array.from({ length: o.concurrency }, () => bodySource(o.bytes));
  const keys = bodies.map((_, i) => `${o.round}-${i}.bin`);
  // Presign first, so the timed window holds uploads only.
  const urls = await Promise.all(keys.map((k) => p.putObject(o.bucket, k)));
  const peakScoped = await resetPeak(o.serverPid);
  const c0 = await readCpuMs(o.serverPid);
  const threads0 = await readThreadCpu(o.serverPid);
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const answers = await Promise.all(bodies.map((b, i) => send('PUT', urls[i]!, b.chunks(), b.size)));
  const seconds = (performance.now() - t0) / 1000;
  const client = process.cpuUsage(client0);
  const cpuMs = (await readCpuMs(o.serverPid)) - c0;
  const threads = splitThreadCpu(o.serverPid, threads0, await readThreadCpu(o.serverPid));
  const peakMiB = (await readMemory(o.serverPid)).vmHwmMiB;
  let problem: string | undefined;
  for (const [i, r] of answers.entries()) {
    if (problem !== undefined) break;
    if (r.status !== 200) problem = `${keys[i]}: PutObject answered ${r.status}: ${r.body.slice(0, 200)}`;
    else if (r.etag !== `"${await bodies[i]!.md5()}"`) problem = `${keys[i]}: ETag ${r.etag} is not the body's MD5 ${await bodies[i]!.md5()}`;
  }
  if (problem === undefined) {
    const got = await fetchHashed(await p.getObject(o.bucket, keys[0]!));
    if (got.status !== 200 || got.bytes !== o.bytes || got.md5 !== await bodies[0]!.md5()) problem = `${keys[0]}: downloaded ${got.bytes} bytes (${got.status}) differ from the upload`;
  }
  const total = o.bytes * o.concurrency;
  const perGB = (ms: number): number => Math.round(ms / (total / 1e9));
  return {
    mbps: Math.round(total / 1e6 / seconds),
    cpuMsPerGB: perGB(cpuMs),
    mainCpuMsPerGB: perGB(threads.mainMs),
    busiestOtherCpuMsPerGB: perGB(threads.busiestOtherMs),
    clientCpuMsPerGB: perGB((client.user + client.system) / 1000),
    peakMiB, peakScoped, verified: problem === undefined,
    ...(problem !== undefined ? { problem } : {}),
  };
}
