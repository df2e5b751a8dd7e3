/**
 * An ephemeral boltstack in its own process (`node dist/src/cli.js --ephemeral --port 0`), so the
 * harness can sample the server's RSS and CPU apart from its own. The endpoint is read from the
 * "Ready. ... on http://host:port" line. stop() sends SIGTERM (SIGKILL after a grace period) to
 * that PID only; an exit hook makes sure a crashed harness does not leave it running.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EphemeralServer {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/** dist/src/cli.js, from dist/src/bench/cli/ephemeral-server.js. */
const SERVER_CLI = fileURLToPath(new URL('../../cli.js', import.meta.url));

export function startEphemeralServer(opts: { args?: string[]; timeoutMs?: number } = {}): Promise<EphemeralServer> {
  const child = spawn(process.execPath, [SERVER_CLI, '--ephemeral', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn', ...(opts.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C at the terminal ends the measured phase, and the server
    // must keep serving the in-flight operations until stop() sends it SIGTERM.
    detached: true,
  });
  const killOnExit = (): void => { child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let ready = false;
    const fail = (why: string): void => {
      clearTimeout(timer);
      if (ready) return;
      void stop().then(() => reject(new Error(`boltstack did not start: ${why}${err ? `\n${err.trim()}` : ''}`)));
    };
    const timer = setTimeout(() => fail(`no "Ready." within ${opts.timeoutMs ?? 20_000} ms`), opts.timeoutMs ?? 20_000);
    child.stderr!.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
    child.stdout!.on('data', (d: Buffer) => {
      if (ready) return;
      out += d.toString();
      const m = /Ready\..* on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ready = true;
        resolve({ endpoint: m[1]!, pid: child.pid!, stop });
      }
    });
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was ready`));
  });
}
