/**
 * An idle emulator loads no Node module it does not use (DESIGN.md §6a): node:worker_threads
 * (Node's Worker machinery) and node:perf_hooks (for the metrics' event-loop delay) cost about
 * 0.5 MiB of idle RSS together, and were loaded at start before they were made lazy.
 * process.moduleLoadList names every built-in module the process has loaded. On the node:http
 * front end (Node 24 on glibc < 2.38) Node's own http module loads worker_threads: what a bare
 * process that imports node:http loads is not counted against the emulator.
 */
import test from 'ava';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const INDEX = fileURLToPath(new URL('../../src/index.js', import.meta.url));

/**
 * The built-in modules an embedded emulator has loaded after `visit` (run by this process: a
 * fetch() in the emulator's own process would load undici and its modules there).
 */
async function loadedAfter(visit: (endpoint: string) => Promise<void>): Promise<{ loaded: string[]; adapter: string }> {
  const code = `import { createBoltstack } from ${JSON.stringify(INDEX)};
    const bs = await createBoltstack();
    process.stdout.write(bs.endpoint + '\\n');
    process.stdin.once('data', async () => {
      const loaded = process.moduleLoadList.filter((m) => m.startsWith('NativeModule '));
      await bs.stop();
      process.stdout.write(JSON.stringify({ loaded, adapter: bs.httpAdapter }));
    });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  while (!out.includes('\n')) await once(child.stdout, 'data');
  await visit(out.slice(0, out.indexOf('\n')));
  child.stdin.end('list\n');
  await once(child, 'exit');
  return JSON.parse(out.slice(out.indexOf('\n') + 1)) as { loaded: string[]; adapter: string };
}

/** The built-in modules a bare process loads for the same front end (node:http or none). */
function bareLoads(adapter: string): Promise<string[]> {
  const code = `${adapter === 'node-http' ? "await import('node:http');" : ''} process.stdout.write(JSON.stringify(process.moduleLoadList));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', code], (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as string[])));
  });
}

const UNUSED_AT_IDLE = ['NativeModule worker_threads', 'NativeModule internal/worker', 'NativeModule perf_hooks'];

test('an idle emulator answering health checks loads neither worker_threads nor perf_hooks', async (t) => {
  const { loaded, adapter } = await loadedAfter(async (endpoint) => { await (await fetch(`${endpoint}/_boltstack/health`)).text(); });
  const bare = await bareLoads(adapter);
  const ours = UNUSED_AT_IDLE.filter((name) => !bare.includes(name));
  if (ours.length === 0) t.pass(`node:http loads them all by itself on Node ${process.versions.node}`);
  for (const m of ours) t.false(loaded.includes(m), m);
});

test('the first metrics scrape loads perf_hooks for the event-loop delay', async (t) => {
  const { loaded } = await loadedAfter(async (endpoint) => { await (await fetch(`${endpoint}/_boltstack/metrics`)).text(); });
  t.true(loaded.includes('NativeModule perf_hooks'));
});
