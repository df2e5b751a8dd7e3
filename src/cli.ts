#!/usr/bin/env node
/**
 * The `boltstack` command's entry. It sets V8 flags and then loads the command (cli-main.ts):
 * the flags have to be in place before any other module of the start path is even resolved.
 *
 * TurboFan, why: resolving the ~30 modules of the start path makes V8 optimise one function of
 * Node's own module loader (getPathFromURLPosix) with TurboFan, and that first optimisation maps
 * about 3.8 MB of the optimising compiler's code into RSS: idle VmRSS 52.4 MiB with it, 48.6
 * without (DESIGN.md §6a: < 50 MB). Loading the request pipeline and a service on the first
 * requests does the same (measured after the AWS CLI basic session: 62.8 MiB with TurboFan on
 * once listening, 59.2 without). So TurboFan is off until the server is busy (1,000 AWS
 * requests, src/gateway/busy-signal.ts, or a quarter of a core for two seconds, cli-cpu-busy.ts),
 * and from then on code is optimised as usual.
 * test/e2e/cli-turbofan.test.ts checks that it comes back on, since a server left without
 * TurboFan would be several times slower under load.
 *
 * Memory after start: one memory-reducing collection a second after Ready, on Node 22 and later
 * (cli-reduce-heap.ts).
 *
 * Memory under load: v8-memory-flags.ts bounds the young generation and keeps the old one near
 * its live size, unless the user chose those settings with node flags or NODE_OPTIONS, or set
 * BOLTSTACK_V8_FLAGS (test/e2e/cli-memory-flags.test.ts).
 *
 * glibc's malloc arenas: where node has process.execve (Node 22.15+, 24) and glibc, the command
 * first starts node again in its own place with MALLOC_ARENA_MAX=2 and the settings below on
 * node's command line, as the container image has them (cli-malloc-arenas.ts).
 *
 * The container image gives all of these on node's command line instead (Dockerfile, ENTRYPOINT:
 * `--max-semi-space-size=1`, the command-line form of the young-generation bound, and
 * `--expose-gc` for the collection after Ready), so this process never loads node:v8 before it is
 * busy: idle VmRSS in the container 47.7-48.1 MiB, against 50.0-50.3 with the same build and the
 * flags set here (node:v8 loads node:stream, which util/node-builtins.ts otherwise keeps out;
 * docs/configuration.md, "Memory").
 */
import { commandLineForm, keepAcrossWorkerThreads, memoryFlags } from './v8-memory-flags.js';
import { canReduceHeap, reduceHeap } from './cli-reduce-heap.js';
import { arenaRestartEnv } from './cli-malloc-arenas.js';
import { whenCpuBusy } from './cli-cpu-busy.js';
import { nodeFs, nodeV8 } from './util/node-builtins.js';

// Not for `boltstack bench`: a load generator should not trade speed for memory.
const sources = { execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS, override: process.env.BOLTSTACK_V8_FLAGS };
const memory = process.argv[2] === 'bench' ? [] : memoryFlags(sources);
// `--no-turbofan` on node's command line (the container image's) means it is off already; it
// still comes back on when the server is busy, as when it is set here.
const onNodeCommandLine = (flag: string): boolean => process.execArgv.some((arg) => arg.replaceAll('_', '-') === flag);
// Maglev, V8's mid tier (built in and on by default from Node 24; Node 20 and 22 leave it off),
// stays off until busy as well: functions Maglev compiles while TurboFan is off are not tiered up
// to TurboFan later, so a server whose hot paths got Maglev code before the switch kept it under
// load (Node 24, node:http: 28 functions optimised by TurboFan in 10,000 requests, 381 left at
// Maglev; with both off until busy, 90 by TurboFan). `--no-maglev` on node's command line (the
// container image's) means off already, as above.
const maglevByDefault = (process.config.variables as { v8_enable_maglev?: number }).v8_enable_maglev === 1;
// glibc's arenas (cli-malloc-arenas.ts): node starts again in this process's place with
// MALLOC_ARENA_MAX set, and with the V8 settings on its command line as the container image has
// them, so the new process loads no node:v8 at start. Nothing after this line runs when it does.
type Execve = (file: string, args: string[], env: NodeJS.ProcessEnv) => never;
const execve = (process as { execve?: Execve }).execve;
const restartEnv = arenaRestartEnv({
  platform: process.platform, env: process.env, hasExecve: typeof execve === 'function', args: process.argv.slice(2),
  isMusl: () => { try { return nodeFs().readdirSync('/lib').some((name) => name.startsWith('ld-musl-')); } catch { return false; } },
});
if (restartEnv !== undefined) {
  const extra = [...commandLineForm(memory), '--no-turbofan', ...(maglevByDefault ? ['--no-maglev'] : []), '--expose-gc'];
  try {
    execve!(process.execPath, [process.execPath, ...process.execArgv, ...extra.filter((f) => !onNodeCommandLine(f)), ...process.argv.slice(1)], restartEnv);
  } catch {
    // The executable cannot be started again (e.g. removed since): run on as started, with glibc's own arenas.
  }
}
const atStart = [...memory];
if (!onNodeCommandLine('--no-turbofan')) atStart.push('--no-turbofan');
if (maglevByDefault && !onNodeCommandLine('--no-maglev')) atStart.push('--no-maglev');
// node:v8 only when a flag is left to set: the module brings node:stream and 20 more of Node's
// modules with it (about 1 MiB of idle RSS). The image gives every flag on node's command line.
// Taken synchronously, so the flags are set before anything else runs, as a static import would.
if (atStart.length > 0) {
  const { setFlagsFromString } = nodeV8();
  for (const flag of atStart) setFlagsFromString(flag);
  keepAcrossWorkerThreads(memory, setFlagsFromString);
}
// Busy: 1,000 AWS requests (src/gateway/busy-signal.ts), or a quarter of a core for two seconds
// (cli-cpu-busy.ts), whichever comes first: heavy requests (a Scan of 10,000 items) are few.
let busy = false;
let stopCpuWatch = (): void => {};
const becomeBusy = (): void => {
  if (busy) return;
  busy = true;
  stopCpuWatch();
  const { setFlagsFromString } = nodeV8();
  if (maglevByDefault) setFlagsFromString('--maglev');
  setFlagsFromString('--turbofan');
};
const { runCli } = await import('./cli-main.js');
runCli(process.argv.slice(2), {
  busy: becomeBusy,
  ready: () => {
    if (!busy) stopCpuWatch = whenCpuBusy(becomeBusy);
    // Start-up's garbage back to the OS at once (cli-reduce-heap.ts), unless load has begun.
    if (canReduceHeap()) setTimeout(() => { if (!busy) void reduceHeap(); }, 1000).unref();
  },
});
