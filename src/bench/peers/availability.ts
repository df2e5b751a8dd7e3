/**
 * Whether `bench peers` can run here. The peer emulators (s3rver, dynalite, local-aws-sqs) are
 * development dependencies, and their launch scripts and the S3 figures live under bench/, which
 * the npm package does not ship: from an installed package every peer would fail with a module
 * stack trace. So the command checks first and says in one line what it needs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What `bench peers` needs: peer packages to resolve and files to exist (relative to dist/). */
const PEER_PACKAGES = ['s3rver', 'dynalite', 'local-aws-sqs'] as const;
const PEER_FILES = ['bench/peers/s3rver-server.js', 'bench/macro/s3-figures.js'] as const;

export interface PeerProbe {
  resolves(pkg: string): boolean;
  exists(distRelativePath: string): boolean;
}

/** dist/ (this file is dist/src/bench/peers/availability.js). */
const distRoot = new URL('../../../', import.meta.url);

const realProbe: PeerProbe = {
  resolves(pkg) {
    try {
      createRequire(import.meta.url).resolve(`${pkg}/package.json`);
      return true;
    } catch {
      return false;
    }
  },
  exists: (path) => existsSync(fileURLToPath(new URL(path, distRoot))),
};

/** Undefined when the peers can run; otherwise the one line to print. */
export function peersUnavailable(probe: PeerProbe = realProbe): string | undefined {
  const missing = [
    ...PEER_PACKAGES.filter((p) => !probe.resolves(p)),
    ...PEER_FILES.filter((f) => !probe.exists(f)).map((f) => f.replace(/\.js$/, '.ts')),
  ];
  if (missing.length === 0) return undefined;
  return `needs the peer emulators and benchmarks of a boltstack clone (missing: ${missing.join(', ')}); ` +
    'run it from a clone: git clone <boltstack repository> && cd boltstack && npm ci && npx boltstack bench peers';
}
