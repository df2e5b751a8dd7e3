import test from 'ava';
import { arenaRestartEnv, type ArenaRestartSources } from '../../src/cli-malloc-arenas.js';
import { commandLineForm, COMMAND_LINE_DEFAULTS, memoryFlags } from '../../src/v8-memory-flags.js';

const sources = (o: Partial<ArenaRestartSources> = {}): ArenaRestartSources => ({
  platform: 'linux', env: { PATH: '/usr/bin' }, hasExecve: true, isMusl: () => false, args: ['--port', '4566'], ...o,
});

test('a server on Linux with glibc restarts with two malloc arenas, keeping the rest of its environment', (t) => {
  t.deepEqual(arenaRestartEnv(sources()), { PATH: '/usr/bin', MALLOC_ARENA_MAX: '2' });
});

test('a MALLOC_ARENA_MAX of the user wins, whatever its value', (t) => {
  t.is(arenaRestartEnv(sources({ env: { MALLOC_ARENA_MAX: '8' } })), undefined);
  t.is(arenaRestartEnv(sources({ env: { MALLOC_ARENA_MAX: '' } })), undefined);
});

test('no restart without process.execve, off Linux, on musl, for bench, --help or --version', (t) => {
  t.is(arenaRestartEnv(sources({ hasExecve: false })), undefined);
  t.is(arenaRestartEnv(sources({ platform: 'darwin' })), undefined);
  t.is(arenaRestartEnv(sources({ isMusl: () => true })), undefined);
  for (const args of [['bench', 'run', 's3-small-objects'], ['--help'], ['-h'], ['--version']]) t.is(arenaRestartEnv(sources({ args })), undefined, args.join(' '));
});

test('the default V8 settings have a command-line form, and a new process given it sets nothing more', (t) => {
  const defaults = memoryFlags({ execArgv: [], nodeOptions: undefined, override: undefined });
  t.deepEqual(commandLineForm(defaults), COMMAND_LINE_DEFAULTS);
  t.deepEqual(memoryFlags({ execArgv: [...COMMAND_LINE_DEFAULTS], nodeOptions: undefined, override: undefined }), []);
});

test('a user\'s own V8 memory settings keep the run-time path (no command-line form)', (t) => {
  t.deepEqual(commandLineForm(memoryFlags({ execArgv: ['--max-semi-space-size=16'], nodeOptions: undefined, override: undefined })), []);
  t.deepEqual(commandLineForm(memoryFlags({ execArgv: [], nodeOptions: undefined, override: '--semi-space-growth-factor=1' })), []);
  t.deepEqual(commandLineForm([]), []);
});
