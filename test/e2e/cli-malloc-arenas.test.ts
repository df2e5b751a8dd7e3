/**
 * The CLI restarts itself in place with MALLOC_ARENA_MAX=2 and the V8 settings on node's command
 * line where node has process.execve (Node 22.15+, 24; src/cli-malloc-arenas.ts): the same pid,
 * the variable in its environment, TurboFan back once busy, and a user's own value left alone.
 * On Node 20 it cannot: the test checks that it runs on unchanged.
 */
import test from 'ava';
import { readFile } from 'node:fs/promises';
import { startChild } from '../helpers/server.js';

const canRestart = 'execve' in process;
const onLinux = process.platform === 'linux';

async function processOf(pid: number): Promise<{ env: string[]; cmdline: string[] }> {
  const split = async (file: string): Promise<string[]> => (await readFile(`/proc/${pid}/${file}`, 'utf8')).split('\0');
  return { env: await split('environ'), cmdline: await split('cmdline') };
}

// Values of undefined leave the variable out of the child's environment (child_process skips them).
const WITHOUT_USER_SETTINGS = { MALLOC_ARENA_MAX: undefined, NODE_OPTIONS: undefined, BOLTSTACK_V8_FLAGS: undefined };

(onLinux ? test : test.skip)('the CLI gives itself two malloc arenas and the V8 settings on its command line', async (t) => {
  t.timeout(60_000);
  const server = await startChild(['--port', '0', '--ephemeral', '--log-level', 'error'], WITHOUT_USER_SETTINGS);
  try {
    const { env, cmdline } = await processOf(server.child.pid!);
    if (!canRestart) {
      t.log(`node ${process.version} has no process.execve: the CLI runs on as started`);
      t.false(env.some((v) => v.startsWith('MALLOC_ARENA_MAX=')));
      return;
    }
    t.true(env.includes('MALLOC_ARENA_MAX=2'), 'MALLOC_ARENA_MAX=2 in the server process');
    for (const flag of ['--max-semi-space-size=1', '--no-separate-gc-phases', '--heap-growing-percent=20', '--no-turbofan', '--expose-gc']) {
      t.true(cmdline.includes(flag), `${flag} on the command line: ${cmdline.join(' ')}`);
    }
    const answer = await fetch(`${server.endpoint}/_boltstack/health`);
    t.is(answer.status, 200);
  } finally {
    await server.stop();
  }
});

(onLinux ? test : test.skip)('a MALLOC_ARENA_MAX of the user stays as it is, and the CLI does not restart', async (t) => {
  t.timeout(60_000);
  const server = await startChild(['--port', '0', '--ephemeral', '--log-level', 'error'], { ...WITHOUT_USER_SETTINGS, MALLOC_ARENA_MAX: '4' });
  try {
    const { env, cmdline } = await processOf(server.child.pid!);
    t.true(env.includes('MALLOC_ARENA_MAX=4'));
    t.false(cmdline.includes('--expose-gc'), cmdline.join(' '));
  } finally {
    await server.stop();
  }
});
