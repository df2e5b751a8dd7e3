/**
 * The CLI bounds V8's young generation in its own process (src/v8-memory-flags.ts), unless the
 * user chose a young-generation setting of their own. A probe preloaded into the CLI's process
 * allocates the way a loaded server does and reports the largest new space it saw.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
const PROBE = fileURLToPath(new URL('../fixtures/young-generation-probe.js', import.meta.url));

interface ProbeResult { maxMiB: number; stderr: string }

async function youngGenerationMaxMiB(env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  const child = spawn(process.execPath, ['--import', PROBE, CLI, '--port', '0', '--ephemeral', '--log-level', 'error'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  try {
    return await new Promise<ProbeResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no probe line: ${err.slice(-2000)}`)), 45_000);
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /young-generation-max-mib=([\d.]+)/.exec(err);
        if (m) { clearTimeout(timer); resolve({ maxMiB: Number(m[1]), stderr: err }); }
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`CLI exited (${code}): ${err.slice(-2000)}`)); });
    });
  } finally {
    child.kill('SIGTERM');
  }
}

/** The test's environment without the variables that change the CLI's flags, plus `extra`. */
const envWith = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.BOLTSTACK_V8_FLAGS;
  return { ...env, ...extra };
};

test('the CLI keeps the young generation at its initial size under allocation pressure', async (t) => {
  t.timeout(60_000);
  const { maxMiB: max, stderr } = await youngGenerationMaxMiB(envWith({}));
  t.log(`new space at most ${max} MiB`);
  // 2 x 1 MiB semi-spaces. Regression: on Node 24 new space grew to 5-7 MiB while full GCs were
  // marking (V8 13's --separate-gc-phases, src/v8-memory-flags.ts).
  t.true(max <= 4, `new space grew to ${max} MiB`);
  // A flag this node's V8 no longer knows is reported by V8 on stderr rather than thrown.
  t.false(/unrecognized flag/i.test(stderr), stderr);
});

test('a worker thread started by the server does not lift the young-generation bound', async (t) => {
  t.timeout(60_000);
  // Regression: each new isolate's heap set-up raises --semi-space-growth-factor back to 2 for
  // the whole process, so after the first hash worker new space grew to 32 MiB on Node 20/22.
  const { maxMiB: max } = await youngGenerationMaxMiB(envWith({ YOUNG_PROBE_WORKER: '1' }));
  t.log(`new space at most ${max} MiB after a worker thread ran`);
  t.true(max <= 4, `new space grew to ${max} MiB after a worker thread started`);
});

test('a young-generation size in NODE_OPTIONS wins over the CLI\'s bound', async (t) => {
  t.timeout(60_000);
  const { maxMiB: max } = await youngGenerationMaxMiB(envWith({ NODE_OPTIONS: '--max-semi-space-size=16' }));
  t.log(`new space at most ${max} MiB`);
  t.true(max > 4, `new space stayed at ${max} MiB: the user's flag was overridden`);
});

test('BOLTSTACK_V8_FLAGS="" leaves V8 to its own heuristics', async (t) => {
  t.timeout(60_000);
  const { maxMiB: max } = await youngGenerationMaxMiB(envWith({ BOLTSTACK_V8_FLAGS: '' }));
  t.log(`new space at most ${max} MiB`);
  t.true(max > 4, `new space stayed at ${max} MiB: the defaults were still set`);
});
