/**
 * Figure 2's workload: a basic session driven by the AWS CLI, as a developer would run it:
 * three buckets, ten small objects, a 100 MB file uploaded (the CLI goes multipart above 8 MB)
 * and downloaded again, MD5 compared. Files live in a temp dir removed afterwards.
 */
import { mkdtemp, rm, writeFile, open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { awsCli } from '../../lib/aws-cli.js';

export interface SessionResult { seconds: number; md5Match: boolean; largeBytes: number }

const LARGE = 100 * 1000 * 1000;

async function writeLargeFile(path: string): Promise<void> {
  const fh = await open(path, 'w');
  try {
    const block = randomBytes(1 << 20);
    for (let off = 0; off < LARGE; off += block.length) {
      block.writeUInt32LE(off >>> 20, 0);
      await fh.write(block, 0, Math.min(block.length, LARGE - off));
    }
  } finally {
    await fh.close();
  }
}

async function md5File(path: string): Promise<string> {
  const h = createHash('md5');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function cliSession(endpoint: string, log: (m: string) => void): Promise<SessionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-cli-'));
  const t0 = performance.now();
  try {
    const buckets = ['cli-one', 'cli-two', 'cli-three'];
    for (const b of buckets) await awsCli(endpoint, ['s3', 'mb', `s3://${b}`]);
    for (let i = 0; i < 10; i++) {
      const small = join(dir, `small-${i}.txt`);
      await writeFile(small, `object ${i} `.repeat(10 + i * 50));
      await awsCli(endpoint, ['s3', 'cp', small, `s3://${buckets[i % 3]}/small/${i}.txt`]);
    }
    await awsCli(endpoint, ['s3', 'ls', `s3://${buckets[0]}/small/`]);
    const up = join(dir, 'large.bin');
    const down = join(dir, 'large.down');
    await writeLargeFile(up);
    log('  cli: uploading 100 MB');
    await awsCli(endpoint, ['s3', 'cp', up, `s3://${buckets[0]}/large.bin`]);
    log('  cli: downloading 100 MB');
    await awsCli(endpoint, ['s3', 'cp', `s3://${buckets[0]}/large.bin`, down]);
    const [a, b] = await Promise.all([md5File(up), md5File(down)]);
    return { seconds: Math.round((performance.now() - t0) / 100) / 10, md5Match: a === b, largeBytes: LARGE };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
