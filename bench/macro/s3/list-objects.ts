/**
 * Figure 5's workload: ListObjectsV2 (max-keys 1000) of a bucket holding 1,000 small objects,
 * through a presigned URL driven by autocannon. The bucket is filled with 16 uploads in flight.
 * Only 4 connections: s3rver needs about 0.9 s of CPU per listing, so with 50 in flight every one
 * of them would take ~45 s and none would finish inside the measured window (0 ops/s, no ratio);
 * 4 are enough to keep boltstack's single thread busy.
 */
const LIST_CONNECTIONS = 4;
import { send } from '../../lib/http-stream.js';
import { runLoad, type LoadResult } from '../../lib/load.js';
import type { Presigner } from '../../lib/presign.js';
import { expectOk } from './small-get.js';

export async function listObjects(p: Presigner, o: { durationSec: number; keys: number; serverPid?: number }): Promise<LoadResult & { keysListed: number }> {
  const bucket = 'bench-list';
  await expectOk(send('PUT', await p.createBucket(bucket)), 'CreateBucket');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < o.keys) {
      const i = next++;
      const key = `dir-${String(i % 10).padStart(2, '0')}/object-${String(i).padStart(5, '0')}.txt`;
      await expectOk(send('PUT', await p.putObject(bucket, key), Buffer.from(`body of ${key}\n`)), 'PutObject');
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const url = await p.listObjectsV2(bucket, 1000);
  const check = await send('GET', url);
  const keysListed = (check.body.match(/<Key>/g) ?? []).length;
  if (check.status !== 200 || keysListed !== o.keys) throw new Error(`ListObjectsV2 answered ${check.status} with ${keysListed} keys`);
  // No autocannon warm-up: requests still in flight when it stops would keep a slow server busy
  // inside the measured window. The check above already warmed the path.
  const r = await runLoad({ url, connections: LIST_CONNECTIONS, pipelining: 1, durationSec: o.durationSec, serverPid: o.serverPid, timeoutSec: 30 });
  return { ...r, keysListed };
}
