/**
 * An idle emulator loads no Node module it does not use (DESIGN.md §6a): node:worker_threads
 * (Node's Worker machinery) and node:perf_hooks (for the metrics' event-loop delay) cost about
 * 0.5 MiB of idle RSS together, and were loaded at start before they were made lazy.
 * process.moduleLoadList names every built-in module the process has loaded. On the node:http
 * front end (Node 24 on glibc < 2.38) Node's own http module loads worker_threads: what a bare
 * process that imports node:http loads is not counted against the emulator.
 *
 * The command started as the container image starts it (the Dockerfile's ENTRYPOINT flags) loads
 * neither node:v8, node:stream, node:net nor node:fs/promises while idle: 3.5 MiB of the
 * container's idle VmRSS (src/util/node-builtins.ts, src/cli.ts).
 */
import test from 'ava';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INDEX = fileURLToPath(new URL('../../src/index.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const DOCKERFILE = fileURLToPath(new URL('../../../Dockerfile', import.meta.url));

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

/** The node flags of the Dockerfile's ENTRYPOINT (between `node` and the script). */
async function imageNodeFlags(): Promise<string[]> {
  const line = (await readFile(DOCKERFILE, 'utf8')).split('\n').find((l) => l.startsWith('ENTRYPOINT '));
  const argv = JSON.parse(line!.slice('ENTRYPOINT '.length)) as string[];
  return argv.slice(1, -1);
}

test('the command started as the image starts it loads neither node:v8, node:stream, node:net nor node:fs/promises while idle', async (t) => {
  const flags = await imageNodeFlags();
  t.true(flags.includes('--no-turbofan') && flags.includes('--no-maglev') && flags.includes('--expose-gc'), `image flags: ${flags.join(' ')}`);
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-idle-'));
  // A CommonJS preload: it must not load node:fs's ESM namespace itself.
  const preload = join(dir, 'list.cjs');
  await writeFile(preload, `process.on('SIGUSR2', () => require('fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.json'))}, JSON.stringify(process.moduleLoadList)));`);
  const child = spawn(process.execPath, [...flags, '-r', preload, CLI, '--port', '0', '--data-dir', join(dir, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    while (!/Ready\. .* on (\S+) .*http: (\w+)/.test(out)) await once(child.stdout, 'data');
    const [, endpoint, adapter] = /Ready\. .* on (\S+) .*http: ([\w-]+)/.exec(out)!;
    for (let i = 0; i < 3; i++) await (await fetch(`${endpoint}/_localstack/health`)).text();
    // Past the collection a second after Ready (Node 22 and later), which used to load node:v8.
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGUSR2');
    let loaded: string[] | undefined;
    for (let i = 0; i < 100 && !loaded; i++) {
      await new Promise((r) => setTimeout(r, 20));
      loaded = await readFile(join(dir, 'loaded.json'), 'utf8').then((text) => JSON.parse(text) as string[], () => undefined);
    }
    if (adapter === 'node-http') {
      t.pass(`node:http serves on Node ${process.versions.node} here, and it needs node:net and node:stream itself`);
      t.false(loaded!.includes('NativeModule v8'));
      return;
    }
    for (const m of ['NativeModule v8', 'NativeModule stream', 'NativeModule net', 'NativeModule vm', 'NativeModule fs/promises']) t.false(loaded!.includes(m), m);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await rm(dir, { recursive: true, force: true });
  }
});
