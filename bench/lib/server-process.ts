/**
 * Spawns a server as a separate process on 127.0.0.1 and waits until it answers over HTTP.
 * Records the time from spawn to the first accepted answer. `stop()` kills it by PID (SIGTERM,
 * then SIGKILL after a grace period) and is safe to call twice; callers use it in `finally`.
 *
 * glibc's arenas: boltstack's command gives itself MALLOC_ARENA_MAX=2 where node can restart in
 * place (process.execve: Node 22.15+ and 24; src/cli-malloc-arenas.ts), and the container image
 * sets it. Where node cannot (Node 20), the servers started here get it in their environment
 * instead, unless the environment given (or the bench's own) sets it: so boltstack runs under the
 * bench with the arenas it has in the image and on current Node, and on Node 20 the figures hold
 * for users who set it themselves (docs/configuration.md, "Memory"). The peers started here get
 * the same, so neither side of a comparison has an environment the other lacks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { waitForHttp } from './wait-http.js';
import { ARENA_MAX } from '../../src/cli-malloc-arenas.js';

export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  readonly endpoint: string;
  /** spawn() → first accepted answer from the ready URL, ms. */
  readonly startMs: number;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  port: number;
  /** Path polled for readiness, e.g. /_boltstack/health. */
  readyPath: string;
  accept?: (status: number) => boolean;
  env?: NodeJS.ProcessEnv;
}

function killAndWait(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

export async function startServer(o: SpawnOptions): Promise<ServerProcess> {
  const endpoint = `http://127.0.0.1:${o.port}`;
  const t0 = performance.now();
  const given = o.env ?? process.env;
  const env = given.MALLOC_ARENA_MAX === undefined && !('execve' in process) ? { ...given, MALLOC_ARENA_MAX: ARENA_MAX } : given;
  const child = spawn(o.command, o.args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  try {
    const t1 = await waitForHttp(endpoint + o.readyPath, { accept: o.accept, isAlive: alive });
    if (child.pid === undefined) throw new Error('no pid');
    const pid = child.pid;
    return {
      name: o.name, pid, endpoint, startMs: Math.round(t1 - t0),
      stop: () => killAndWait(child, 3000),
    };
  } catch (err) {
    await killAndWait(child, 1000);
    throw new Error(`${o.name} did not start: ${(err as Error).message}\n${stderr}`);
  }
}
