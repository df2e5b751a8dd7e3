/**
 * A server under test in its own process on 127.0.0.1: spawned, ready once it printed its ready
 * line on stdout (which may carry the endpoint, e.g. boltstack's "Ready. ... on URL") and answered
 * one HTTP request, and stopped by its PID: SIGTERM, then SIGKILL after a grace period. `stop()`
 * is idempotent and runs the caller's cleanup (temp dirs) last; callers use it in `finally`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PeerProcess {
  readonly name: string;
  readonly pid: number;
  readonly endpoint: string;
  /** spawn() → ready line and first HTTP answer, ms. */
  readonly startMs: number;
  stop(): Promise<void>;
}

export interface SpawnPeerOptions {
  name: string;
  command: string;
  args: string[];
  /** Matched against stdout; its first group, when present, is the endpoint. */
  ready: RegExp;
  /** The endpoint when the ready line does not carry it. */
  endpoint?: string;
  timeoutMs?: number;
  cleanup?: () => Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function kill(child: ChildProcess, graceMs: number): Promise<void> {
  if (exited(child) || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => { try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ } }, graceMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    try { process.kill(pid, 'SIGTERM'); } catch { clearTimeout(timer); resolve(); }
  });
}

/** Any HTTP answer (status irrelevant: an unsigned GET / is usually refused) means it serves. */
function probe(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${endpoint}/`, { agent: false }, (res) => { res.resume(); res.once('end', () => resolve(true)); });
    req.once('error', () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
    req.end();
  });
}

function waitReady(child: ChildProcess, o: SpawnPeerOptions, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${o.timeoutMs ?? 20_000} ms`)), o.timeoutMs ?? 20_000);
    const done = (err: Error | null, endpoint?: string): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err); else resolve(endpoint!);
    };
    const onData = (d: Buffer): void => {
      output.text = (output.text + d.toString()).slice(-8000);
      const m = o.ready.exec(output.text);
      if (!m) return;
      const endpoint = m[1] ?? o.endpoint;
      if (endpoint) done(null, endpoint.replace(/\/$/, ''));
      else done(new Error('ready line has no endpoint and none was given'));
    };
    const onExit = (code: number | null): void => done(new Error(`exited with ${code} before it was ready`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function spawnPeer(o: SpawnPeerOptions): Promise<PeerProcess> {
  const t0 = performance.now();
  const child = spawn(o.command, o.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  child.stderr?.on('data', (d: Buffer) => { output.text = (output.text + d.toString()).slice(-8000); });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= kill(child, 3000).then(() => o.cleanup?.()));
  try {
    const endpoint = await waitReady(child, o, output);
    // Past the ready line stdout is not needed, but must keep draining or the child blocks.
    child.stdout?.resume();
    while (!(await probe(endpoint))) {
      if (exited(child)) throw new Error('exited before it answered');
      if (performance.now() - t0 > (o.timeoutMs ?? 20_000)) throw new Error('did not answer HTTP');
      await new Promise((r) => setTimeout(r, 5));
    }
    if (child.pid === undefined) throw new Error('no pid');
    return { name: o.name, pid: child.pid, endpoint, startMs: Math.round(performance.now() - t0), stop };
  } catch (err) {
    await stop();
    throw new Error(`${o.name} did not start: ${(err as Error).message}\n${output.text}`);
  }
}

/** True while a process with this PID exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
