/**
 * Figures 4 and 6's workload: PutObject then GetObject of one large object through presigned
 * URLs with plain node:http streaming (UNSIGNED-PAYLOAD, no aws-chunked), `reps` times; MB/s of
 * each repetition and their median, and a byte-exact check (MD5 while streaming) of every download.
 */
import { performance } from 'node:perf_hooks';
import { bodySource } from '../../lib/body-source.js';
import { send, fetchHashed } from '../../lib/http-stream.js';
import type { Presigner } from '../../lib/presign.js';
import { median } from '../../lib/stats.js';
import { expectOk } from './small-get.js';

export interface ThroughputResult {
  bytes: number;
  putMBps: number;
  getMBps: number;
  putSamples: number[];
  getSamples: number[];
  verified: boolean;
}

export async function objectThroughput(p: Presigner, o: { bucket: string; bytes: number; reps: number; onPhase?: (phase: 'put' | 'get', rep: number) => Promise<void> }): Promise<ThroughputResult> {
  await expectOk(send('PUT', await p.createBucket(o.bucket)), 'CreateBucket');
  const putSamples: number[] = [];
  const getSamples: number[] = [];
  let verified = true;
  for (let rep = 0; rep < o.reps; rep++) {
    // A new key and new content each time, so no repetition hits a deduplicated blob.
    const key = `large-${rep}.bin`;
    const body = bodySource(o.bytes);
    await o.onPhase?.('put', rep);
    let t0 = performance.now();
    await expectOk(send('PUT', await p.putObject(o.bucket, key), body.chunks(), o.bytes), 'PutObject');
    putSamples.push(Math.round(o.bytes / 1e6 / ((performance.now() - t0) / 1000)));
    await o.onPhase?.('get', rep);
    const url = await p.getObject(o.bucket, key);
    t0 = performance.now();
    const got = await fetchHashed(url);
    getSamples.push(Math.round(o.bytes / 1e6 / ((performance.now() - t0) / 1000)));
    if (got.status !== 200 || got.bytes !== o.bytes || got.md5 !== body.md5()) verified = false;
  }
  return { bytes: o.bytes, putMBps: median(putSamples), getMBps: median(getSamples), putSamples, getSamples, verified };
}
