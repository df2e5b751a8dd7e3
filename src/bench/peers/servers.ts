/**
 * The servers `bench peers` compares, each started as its own process on a free 127.0.0.1 port
 * with its data in memory or in a temp dir removed on stop:
 *   boltstack      node dist/src/cli.js --ephemeral --port 0 (endpoint from its "Ready." line)
 *   s3rver         dist/bench/peers/s3rver-server.js (credentials S3RVER/S3RVER, path-style)
 *   dynalite       dynalite's own CLI, in memory, tables ACTIVE at once (--createTableMs 0)
 *   local-aws-sqs  dist/src/bench/peers/local-sqs-server.js (the library has no CLI)
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../types.js';
import { spawnPeer, type PeerProcess } from './child.js';
import { freePort } from './free-port.js';

export { freePort } from './free-port.js';

export type ServerName = 'boltstack' | 's3rver' | 'dynalite' | 'local-aws-sqs';

/** dist/ (this file is dist/src/bench/peers/servers.js). */
const distRoot = fileURLToPath(new URL('../../../', import.meta.url));


export function startBoltstack(extraArgs: string[] = []): Promise<PeerProcess> {
  return spawnPeer({
    name: 'boltstack', command: process.execPath,
    args: [join(distRoot, 'src/cli.js'), '--ephemeral', '--host', '127.0.0.1', '--port', '0', '--log-level', 'warn', ...extraArgs],
    ready: /^Ready\. .* on (http:\/\/[^\s]+)/m,
  });
}

export async function startS3rver(): Promise<PeerProcess> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'bench-peers-s3rver-'));
  return spawnPeer({
    name: 's3rver', command: process.execPath,
    args: [join(distRoot, 'bench/peers/s3rver-server.js'), '--port', String(port), '--dir', dir],
    ready: /^Ready\. s3rver on (http:\/\/[^\s]+)/m,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  });
}

export async function startDynalite(): Promise<PeerProcess> {
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve('dynalite/cli.js');
  return spawnPeer({
    name: 'dynalite', command: process.execPath,
    // In memory (no --path): the peer's fastest mode, as boltstack --ephemeral is boltstack's.
    args: [cli, '--host', '127.0.0.1', '--port', String(port), '--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'],
    ready: /Dynalite listening at: (http:\/\/[^\s]+)/,
  });
}

export async function startLocalSqs(): Promise<PeerProcess> {
  const port = await freePort();
  return spawnPeer({
    name: 'local-aws-sqs', command: process.execPath,
    args: [join(distRoot, 'src/bench/peers/local-sqs-server.js'), '--port', String(port)],
    ready: /^Ready\. local-aws-sqs on (http:\/\/[^\s]+)/m,
  });
}

export function startServer(name: ServerName): Promise<PeerProcess> {
  switch (name) {
    case 'boltstack': return startBoltstack();
    case 's3rver': return startS3rver();
    case 'dynalite': return startDynalite();
    case 'local-aws-sqs': return startLocalSqs();
  }
}

/** How a driver reaches `server`: s3rver accepts only its own fixed credentials. */
export function targetFor(server: { name: string; endpoint: string }): Target {
  const key = server.name === 's3rver' ? 'S3RVER' : 'bench';
  return {
    endpoint: server.endpoint, region: 'us-east-1',
    credentials: { accessKeyId: key, secretAccessKey: key },
    forcePathStyle: true,
  };
}
