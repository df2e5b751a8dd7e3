/**
 * Figure 3's workload: GetObject of one 4 KiB object through a presigned URL, driven by
 * autocannon (bounded duration), once without pipelining and once with 10 requests in flight
 * per connection.
 */
import { randomBytes } from 'node:crypto';
import { send } from '../../lib/http-stream.js';
import { runLoad, type LoadResult } from '../../lib/load.js';
import type { Presigner } from '../../lib/presign.js';

export interface SmallGetResult { pipelining1: LoadResult; pipelining10: LoadResult }

export async function smallGet(p: Presigner, o: { durationSec: number; connections: number; serverPid?: number }): Promise<SmallGetResult> {
  const bucket = 'bench-small';
  await expectOk(send('PUT', await p.createBucket(bucket)), 'CreateBucket');
  await expectOk(send('PUT', await p.putObject(bucket, 'obj-4k'), randomBytes(4096)), 'PutObject');
  const url = await p.getObject(bucket, 'obj-4k');
  // A short warm-up so JIT and lazy loading are not part of the measured window.
  await runLoad({ url, connections: o.connections, pipelining: 1, durationSec: 1 });
  const pipelining1 = await runLoad({ url, connections: o.connections, pipelining: 1, durationSec: o.durationSec, serverPid: o.serverPid });
  const pipelining10 = await runLoad({ url, connections: o.connections, pipelining: 10, durationSec: o.durationSec, serverPid: o.serverPid });
  return { pipelining1, pipelining10 };
}

export async function expectOk(p: Promise<{ status: number; body: string }>, what: string): Promise<void> {
  const r = await p;
  if (r.status !== 200) throw new Error(`${what} answered ${r.status}: ${r.body.slice(0, 300)}`);
}
