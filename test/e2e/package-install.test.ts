/**
 * The npm package as a user gets it: `npm pack` (prepack builds), the tarball installed into an
 * empty project with its dependencies from the registry, then the bin, the server, the library
 * from ESM and from CommonJS, and the bench harness with its default driver, all from that
 * project. Logs the figures of issue #10 (packed and unpacked size, file count, the consumer's
 * node_modules and what it is made of).
 *
 * Needs the npm registry: where `npm ping` fails it is skipped with one visible line, except in CI
 * (`CI` set, as .ci/run has it), where it is required. It checks the package, not an HTTP
 * adapter, so the suite's re-runs (BOLTSTACK_TEST_HTTP_ADAPTER set) skip it.
 */
import test from 'ava';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inCi } from '../helpers/ci.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const run = promisify(execFile);
const MB = 1e6;
/** The uWS packages, whose size boltstack does not control (their builds for every platform). */
const UWS_PACKAGES = ['@based/uws', '@trufflesuite/uws-js-unofficial'];
/** Issue #10: the consumer's node_modules beyond the uWS packages. */
const REST_LIMIT_MB = 30;

async function registryReachable(): Promise<boolean> {
  try {
    await run('npm', ['ping'], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

function skipReason(): string | undefined {
  if (process.env.BOLTSTACK_TEST_HTTP_ADAPTER) return 'adapter re-run (the package test runs once, in the main pass)';
  return undefined;
}

/** Bytes of a directory tree as files (not blocks), without following links. */
function treeBytes(path: string): number {
  const st = lstatSync(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of readdirSync(path)) total += treeBytes(join(path, name));
  return total;
}

interface PackInfo { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }

interface Consumer { dir: string; pack: PackInfo }

/** Spawns `cmd` in its own process group, so the whole tree (npx, then node) can be stopped. */
function spawnGroup(cmd: string, args: string[], cwd: string): ChildProcess {
  return spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output:\n${out}`)), ms);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited (${code}) before ${pattern}; output:\n${out}`)); });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the group (npx and the server under it, as a CI runner or a terminal's Ctrl-C
 * reaches both); whether the server `pid` was gone within 10 s (else the group is killed).
 */
async function stopGroup(child: ChildProcess, pid: number): Promise<boolean> {
  try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + 10_000;
  while (pid && alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const stopped = !pid || !alive(pid);
  try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
  return stopped;
}

/** The SDK the scripts use comes from this repository (a devDependency), not from the consumer. */
const SDK_REQUIRE = `createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('@aws-sdk/client-s3')`;

const ESM_SCRIPT = `import { createRequire } from 'node:module';
import { createBoltstack } from 'boltstack';
const { S3Client, CreateBucketCommand, ListBucketsCommand } = ${SDK_REQUIRE};
const aws = await createBoltstack();
const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
await s3.send(new CreateBucketCommand({ Bucket: 'from-esm' }));
const { Buckets } = await s3.send(new ListBucketsCommand({}));
s3.destroy();
await aws.stop();
console.log('buckets: ' + Buckets.map((b) => b.Name).join(','));
`;

const CJS_SCRIPT = `const { createRequire } = require('node:module');
const { createBoltstack } = require('boltstack');
const { S3Client, CreateBucketCommand, ListBucketsCommand } = ${SDK_REQUIRE};
(async () => {
  const aws = await createBoltstack();
  const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'from-cjs' }));
  const { Buckets } = await s3.send(new ListBucketsCommand({}));
  s3.destroy();
  await aws.stop();
  console.log('buckets: ' + Buckets.map((b) => b.Name).join(','));
})().catch((err) => { console.error(err); process.exit(1); });
`;

let consumer: Consumer | undefined;
let setupError: Error | undefined;
const skip = skipReason();
const reachable = skip ? false : await registryReachable();
const required = inCi();
const active = !skip && (reachable || required);
if (!active) console.log(`package-install: skipped (${skip ?? 'the npm registry is unreachable (npm ping failed); CI requires it'})`);

test.before(async (t) => {
  if (!active) return;
  t.timeout(15 * 60_000, 'packing and installing from the registry');
  if (!reachable) {
    setupError = new Error('the npm registry is unreachable (npm ping failed), and CI requires this test');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'boltstack-consumer-'));
  try {
    // prepack builds (incremental: nothing to emit right after `npm test`'s build).
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 64 * MB, timeout: 300_000 });
    const pack = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as PackInfo[])[0]!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', join(dir, pack.filename)], { cwd: dir, maxBuffer: 64 * MB, timeout: 600_000 });
    writeFileSync(join(dir, 'esm.mjs'), ESM_SCRIPT);
    writeFileSync(join(dir, 'cjs.cjs'), CJS_SCRIPT);
    consumer = { dir, pack };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    setupError = err as Error;
  }
});

test.after.always(() => {
  if (consumer) rmSync(consumer.dir, { recursive: true, force: true });
});

function ready(): Consumer {
  if (setupError) throw setupError;
  return consumer!;
}

const maybe = active ? test.serial : test.skip;

maybe('the tarball holds what runs and nothing else', (t) => {
  const { pack } = ready();
  const paths = pack.files.map((f) => f.path);
  for (const needed of ['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js',
    'dist/workers/tasks.js', 'dist/native-store/level-meta-store.js', 'bench/workloads/s3-small-objects.yaml', 'docs/install.md']) {
    t.true(paths.includes(needed), `${needed} is shipped`);
  }
  const stray = paths.filter((p) => p.startsWith('dist/test/') || p.startsWith('dist/bench/') || p.includes('tsbuildinfo')
    || p.endsWith('.map') || p.startsWith('src/') || p.startsWith('test/') || p.startsWith('scripts/') || p.startsWith('dist/src/model/codegen/'));
  t.deepEqual(stray, []);
  t.log(`packed ${(pack.size / 1e3).toFixed(0)} kB, unpacked ${(pack.unpackedSize / MB).toFixed(2)} MB, ${pack.entryCount} files`);
});

maybe('the consumer node_modules stays within 30 MB beyond the uWS packages, with no AWS SDK', (t) => {
  const modules = join(ready().dir, 'node_modules');
  const total = treeBytes(modules);
  const uws = UWS_PACKAGES.map((p) => [p, treeBytes(join(modules, p))] as const);
  const rest = total - uws.reduce((s, [, b]) => s + b, 0);
  const top = readdirSync(modules).flatMap((n) => n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n])
    .filter((n) => !n.startsWith('.') && !UWS_PACKAGES.includes(n))
    .map((n) => [n, treeBytes(join(modules, n))] as const).sort((a, b) => b[1] - a[1]);
  t.log(`node_modules ${(total / MB).toFixed(1)} MB: ${uws.map(([p, b]) => `${p} ${(b / MB).toFixed(1)}`).join(', ')}, the rest ${(rest / MB).toFixed(1)} MB`);
  t.log(`largest of the rest: ${top.slice(0, 8).map(([n, b]) => `${n} ${(b / MB).toFixed(1)}`).join(', ')}`);
  t.false(existsSync(join(modules, '@aws-sdk')), 'no AWS SDK package is installed with boltstack');
  t.true(rest <= REST_LIMIT_MB * MB, `${(rest / MB).toFixed(1)} MB beyond uWS`);
});

maybe('npx boltstack --version prints the version', async (t) => {
  const { stdout } = await run('npx', ['--no-install', 'boltstack', '--version'], { cwd: ready().dir, timeout: 60_000 });
  t.is(stdout.trim(), VERSION);
});

maybe('npx boltstack starts, prints Ready. and answers /_boltstack/health', async (t) => {
  const child = spawnGroup('npx', ['--no-install', 'boltstack', '--ephemeral', '--port', '0'], ready().dir);
  let pid = 0;
  try {
    const m = await waitForLine(child, /Ready\. .* on (http:\/\/[\d.]+:\d+)/, 60_000);
    const res = await fetch(`${m[1]}/_boltstack/health`);
    t.is(res.status, 200);
    const health = (await res.json()) as { status: string; version: string; http: string; pid: number };
    t.is(health.status, 'ok');
    t.is(health.version, VERSION);
    pid = health.pid;
    t.log(`served on ${health.http}`);
  } finally {
    const stopped = await stopGroup(child, pid);
    if (pid) t.true(stopped, 'the server stops on SIGTERM');
  }
});

for (const [kind, file, bucket] of [['an ESM', 'esm.mjs', 'from-esm'], ['a CommonJS', 'cjs.cjs', 'from-cjs']] as const) {
  maybe(`${kind} script starts createBoltstack(), creates a bucket with the SDK and stops`, async (t) => {
    const { stdout } = await run(process.execPath, [file], { cwd: ready().dir, timeout: 60_000 });
    t.regex(stdout, new RegExp(`^buckets: ${bucket}$`, 'm'));
  });
}

maybe('npx boltstack bench run s3-small-objects --duration 2s works with the default driver', async (t) => {
  const { stdout } = await run('npx', ['--no-install', 'boltstack', 'bench', 'run', 's3-small-objects', '--duration', '2s'],
    { cwd: ready().dir, timeout: 180_000, maxBuffer: 16 * MB });
  t.regex(stdout, /s3-raw/);
  t.regex(stdout, /^total\s+\d+/m);
  t.regex(stdout, /^total(\s+\S+){8}\s+0$/m, 'no errors');
});

maybe('the sdk driver without the SDK installed says in one line what to install', async (t) => {
  const err = await t.throwsAsync(run('npx', ['--no-install', 'boltstack', 'bench', 'run', 's3-small-objects', '--duration', '1s', '--driver', 'sdk'],
    { cwd: ready().dir, timeout: 120_000 })) as Error & { stderr: string };
  t.regex(err.stderr, /^boltstack bench run: .*the sdk driver needs @aws-sdk\/client-s3 and @aws-sdk\/lib-storage: npm install --save-dev @aws-sdk\/client-s3 @aws-sdk\/lib-storage$/m);
});

maybe('bench peers from the installed package says in one line that it runs from a clone (no stack trace)', async (t) => {
  const err = await t.throwsAsync(run('npx', ['--no-install', 'boltstack', 'bench', 'peers', '--duration', '1s'],
    { cwd: ready().dir, timeout: 60_000 })) as Error & { stderr: string; code?: number };
  t.is(err.code, 1);
  t.regex(err.stderr, /^boltstack bench peers: needs the peer emulators .*missing: s3rver, dynalite, local-aws-sqs, .*npm ci && npx boltstack bench peers$/m);
  t.notRegex(err.stderr, /\n\s+at /, 'no stack trace');
});
