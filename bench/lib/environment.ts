/** Where a result was measured: node, CPU, cores, memory, OS, commit and date. */
import { cpus, totalmem, release, platform } from 'node:os';
import { execFileSync } from 'node:child_process';

export interface Environment {
  node: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  commit: string | null;
  dirty: boolean | null;
  date: string;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function environment(): Environment {
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    node: process.version,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    commit: git(['rev-parse', 'HEAD']),
    dirty: status === null ? null : status.length > 0,
    date: new Date().toISOString(),
  };
}
