/**
 * Sequential write speed of the filesystem holding `dir`: `totalBytes` written in 1 MiB writes
 * to a fresh file, timed without and with a final fdatasync. The file is removed afterwards.
 * The first write to a fresh filesystem region is often the slowest, hence the warm-up.
 */
import { openSync, writeSync, fdatasyncSync, closeSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface DiskSpeed { bytes: number; bufferedMBps: number; fdatasyncMBps: number }

function writeOnce(path: string, total: number, sync: boolean): number {
  const buf = randomBytes(1 << 20);
  const t0 = performance.now();
  const fd = openSync(path, 'w');
  try {
    for (let off = 0; off < total; off += buf.length) writeSync(fd, buf, 0, Math.min(buf.length, total - off));
    if (sync) fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const ms = performance.now() - t0;
  unlinkSync(path);
  return Math.round(total / 1e6 / (ms / 1000));
}

/** Each mode twice, alternating after an unmeasured warm-up write; the better run of each counts. */
export function diskSpeed(dir: string, totalBytes = 512 * 2 ** 20): DiskSpeed {
  const path = join(dir, 'disk-speed.bin');
  writeOnce(path, 64 * 2 ** 20, true);
  const buffered: number[] = [];
  const synced: number[] = [];
  for (let i = 0; i < 2; i++) {
    buffered.push(writeOnce(path, totalBytes, false));
    synced.push(writeOnce(path, totalBytes, true));
  }
  return { bytes: totalBytes, bufferedMBps: Math.max(...buffered), fdatasyncMBps: Math.max(...synced) };
}
