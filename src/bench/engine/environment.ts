/** Where a result was measured: boltstack version, node, machine and git commit (when in a checkout). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Environment } from '../types.js';

/** The package root, from dist/src/bench/engine/environment.js. */
const PACKAGE_ROOT = new URL('../../../../', import.meta.url);

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function commit(): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: fileURLToPath(PACKAGE_ROOT), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000,
    }).trim();
    return /^[0-9a-f]{40}$/.test(out) ? out : undefined;
  } catch {
    return undefined; // not a git checkout (installed package) or no git: the field is optional
  }
}

export function environment(): Environment {
  const env: Environment = {
    boltstackVersion: version(),
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    date: new Date().toISOString(),
  };
  const sha = commit();
  if (sha) env.commit = sha;
  return env;
}
