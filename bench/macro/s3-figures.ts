/**
 * s3-figures: the S3 figures of the foundation issue, boltstack and the peer s3rver side by side,
 * each server a separate process on 127.0.0.1, the load generated from this process.
 *   1 idle VmRSS (< 50 MB) and spawn → first 200 from /_boltstack/health (< 300 ms)
 *   2 VmRSS after an AWS CLI session with a 100 MB multipart upload and download (< 50 MB)
 *   3 GetObject 4 KiB ops/s, autocannon, pipelining 1 and 10 (≥ 10× s3rver)
 *   4 PutObject / GetObject 64 MiB MB/s (≥ 5× s3rver), PutObject vs disk write speed (≥ 50 %)
 *   5 ListObjectsV2 of 1,000 keys ops/s (≥ 100× s3rver)
 *   6 peak RSS (VmHWM) while a 1 GiB object is put and got (< 100 MB)
 * Options: --duration S (autocannon seconds, 10), --connections N (50), --reps N (3),
 * --only 1,3 (figures to run), --no-peer (boltstack only), --huge-mib N (1024).
 * See docs/benchmarking.md for how each figure is measured.
 */
import { tmpdir } from 'node:os';
import { environment } from '../lib/environment.js';
import { diskSpeed } from '../lib/disk-speed.js';
import { measureServer, type MeasureOptions, type ServerResult } from './s3/measure-server.js';
import { buildFigures } from './s3/build-figures.js';

export const description = 'S3 figures of the foundation issue: boltstack vs s3rver (memory, start, GET/PUT/List throughput, peak RSS)';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export async function run(args: string[], log: (message: string) => void): Promise<unknown> {
  const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : '1,2,3,4,5,6';
  const o: MeasureOptions = {
    durationSec: option(args, '--duration', 10),
    connections: option(args, '--connections', 50),
    reps: option(args, '--reps', 3),
    largeBytes: 64 * 2 ** 20,
    hugeBytes: option(args, '--huge-mib', 1024) * 2 ** 20,
    listKeys: 1000,
    only: new Set(onlyArg.split(',').map(Number)),
    log,
  };
  const started = Date.now();
  const env = environment();
  const boltstack = await measureServer('boltstack', o);
  const peer: ServerResult | null = args.includes('--no-peer') ? null : await measureServer('s3rver', o);
  let disk = null;
  if (o.only.has(4)) {
    log('disk: sequential write 512 MiB, buffered and with fdatasync');
    disk = diskSpeed(tmpdir());
  }
  const figures = buildFigures(boltstack, peer, disk);
  const failing = figures.filter((f) => f.pass === false).map((f) => `${f.name}: ${f.boltstack} ${f.unit} (ratio ${f.ratio ?? '-'}), target ${f.target}`);
  for (const [figure, message] of Object.entries(boltstack.errors)) failing.push(`figure ${figure}: boltstack failed: ${message}`);
  return {
    benchmark: 's3-figures',
    environment: env,
    options: { durationSec: o.durationSec, connections: o.connections, reps: o.reps, largeBytes: o.largeBytes, hugeBytes: o.hugeBytes, listKeys: o.listKeys, only: [...o.only] },
    seconds: Math.round((Date.now() - started) / 1000),
    figures,
    failing,
    disk,
    errors: { boltstack: boltstack.errors, peer: peer?.errors ?? null },
    raw: { boltstack, peer },
  };
}
