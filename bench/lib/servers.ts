/**
 * The two servers under test, each spawned as its own process on a free 127.0.0.1 port:
 * boltstack (dist/src/cli.js, ephemeral store in os.tmpdir()) and the peer s3rver
 * (dist/bench/peers/s3rver-server.js, data in a temp dir removed on stop).
 */
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/bench/peers/free-port.js';
import { startServer, type ServerProcess } from './server-process.js';

export type ServerName = 'boltstack' | 's3rver';

const distRoot = fileURLToPath(new URL('../../', import.meta.url));

/** How to run node for a boltstack under test: its own flags (e.g. V8's) and extra environment. */
export interface NodeSetup {
  nodeArgs?: string[];
  env?: Record<string, string>;
}

export async function startBoltstack(extraArgs: string[] = [], node: NodeSetup = {}): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: 'boltstack', command: process.execPath, port, readyPath: '/_boltstack/health',
    args: [...(node.nodeArgs ?? []), join(distRoot, 'src/cli.js'), '--host', '127.0.0.1', '--port', String(port), '--ephemeral', '--log-level', 'warn', ...extraArgs],
    ...(node.env ? { env: { ...process.env, ...node.env } } : {}),
  });
}

export async function startS3rver(): Promise<ServerProcess> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'bench-s3rver-'));
  try {
    const server = await startServer({
      name: 's3rver', command: process.execPath, port, readyPath: '/',
      // s3rver has no health endpoint: any HTTP answer (an unsigned ListBuckets is refused) means it serves.
      accept: () => true,
      args: [join(distRoot, 'bench/peers/s3rver-server.js'), '--port', String(port), '--dir', dir],
    });
    return { ...server, stop: async () => { await server.stop(); await rm(dir, { recursive: true, force: true }); } };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

export function startByName(name: ServerName): Promise<ServerProcess> {
  return name === 'boltstack' ? startBoltstack() : startS3rver();
}
