/**
 * Figure 5's workload: ListObjectsV2 (max-keys 1000) of a bucket holding 1,000 small objects,
 * through a presigned URL driven by autocannon. The bucket is filled with 16 uploads in flight.
 */
import { send } from '../../lib/http-stream.js';
import { runLoad, type LoadResult } from '../../lib/load.js';
import type { Presigner } from '../../lib/presign.js';
import { expectOk } from './small-get.js';

export async function listObjects(p: Presigner, o: { durationSec: number; connections: number; keys: number; serverPid?: number }): Promise<LoadResult & { keysListed: number }> {
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
  await runLoad({ url, connections: o.connections, pipelining: 1, durationSec: 1 });
  const r = await runLoad({ url, connections: o.connections, pipelining: 1, durationSec: o.durationSec, serverPid: o.serverPid });
  return { ...r, keysListed };
}
