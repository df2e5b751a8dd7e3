/**
 * Figures 4 and 6's workload: PutObject then GetObject of one large object through presigned
 * URLs with plain node:http streaming (UNSIGNED-PAYLOAD, no aws-chunked), `reps` times; MB/s of
 * each repetition and their median. The timed transfers do no hashing on the client; every
 * object is then checked byte-exactly by an untimed download hashed with MD5 while it streams,
 * against the MD5 of the generated body. With `partSize`, the upload is multipart instead.
 */
import { performance } from 'node:perf_hooks';
import { bodySource } from '../../lib/body-source.js';
import { send, fetchHashed } from '../../lib/http-stream.js';
import { uploadMultipart } from '../../lib/multipart.js';
import type { Presigner } from '../../lib/presign.js';
import { median } from '../../lib/stats.js';
import { readCpuMs } from '../../lib/proc-status.js';
import { expectOk } from './small-get.js';

export interface ThroughputResult {
  bytes: number;
  putMBps: number;
  getMBps: number;
  putSamples: number[];
  getSamples: number[];
  verified: boolean;
  multipartPartSize?: number;
  /** Server CPU (all threads) per GB moved, in ms: steadier than MB/s on a shared machine. */
  serverCpuMsPerGBPut: number | null;
  serverCpuMsPerGBGet: number | null;
}

export interface ThroughputOptions {
  bucket: string;
  bytes: number;
  reps: number;
  partSize?: number;
  /** Hash the timed download itself (figure 6: verify while streaming, no second download). */
  hashWhileTiming?: boolean;
  serverPid?: number;
  onPhase?: (phase: 'put' | 'get', rep: number) => Promise<void>;
}

const mbps = (bytes: number, t0: number): number => Math.round(bytes / 1e6 / ((performance.now() - t0) / 1000));

export async function objectThroughput(p: Presigner, o: ThroughputOptions): Promise<ThroughputResult> {
  await expectOk(send('PUT', await p.createBucket(o.bucket)), 'CreateBucket');
  const putSamples: number[] = [];
  const getSamples: number[] = [];
  let verified = true;
  const cpu = { put: 0, get: 0 };
  const cpuNow = async (): Promise<number> => (o.serverPid ? readCpuMs(o.serverPid) : 0);
  for (let rep = 0; rep < o.reps; rep++) {
    // A new key and new content each time, so no repetition hits a deduplicated blob.
    const key = `large-${rep}.bin`;
    const body = bodySource(o.bytes);
    await o.onPhase?.('put', rep);
    let c0 = await cpuNow();
    let t0 = performance.now();
    if (o.partSize) await uploadMultipart(p, o.bucket, key, body, o.partSize);
    else await expectOk(send('PUT', await p.putObject(o.bucket, key), body.chunks(), o.bytes), 'PutObject');
    putSamples.push(mbps(o.bytes, t0));
    cpu.put += (await cpuNow()) - c0;
    await o.onPhase?.('get', rep);
    const url = await p.getObject(o.bucket, key);
    c0 = await cpuNow();
    t0 = performance.now();
    const got = await fetchHashed(url, o.hashWhileTiming === true);
    getSamples.push(mbps(o.bytes, t0));
    cpu.get += (await cpuNow()) - c0;
    const check = o.hashWhileTiming ? got : await fetchHashed(url);
    if (got.status !== 200 || got.bytes !== o.bytes || check.md5 !== await body.md5()) verified = false;
  }
  return {
    bytes: o.bytes, putMBps: median(putSamples), getMBps: median(getSamples), putSamples, getSamples, verified,
    ...(o.partSize ? { multipartPartSize: o.partSize } : {}),
    serverCpuMsPerGBPut: o.serverPid ? Math.round(cpu.put / ((o.bytes * o.reps) / 1e9)) : null,
    serverCpuMsPerGBGet: o.serverPid ? Math.round(cpu.get / ((o.bytes * o.reps) / 1e9)) : null,
  };
}
