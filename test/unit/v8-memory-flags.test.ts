import test from 'ava';
import { memoryFlags } from '../../src/v8-memory-flags.js';

const YOUNG = ['--semi-space-growth-factor=1', '--no-separate-gc-phases'];
const OLD = '--heap-growing-percent=20';
const BOTH = [...YOUNG, OLD];
const flags = (execArgv: string[], nodeOptions?: string, override?: string): string[] => memoryFlags({ execArgv, nodeOptions, override });

test('with no flags of the user, both memory settings apply', (t) => {
  t.deepEqual(flags([]), BOTH);
  t.deepEqual(flags(['--enable-source-maps'], '--trace-warnings'), BOTH);
});

test('a young-generation flag of the user, on the command line or in NODE_OPTIONS, wins', (t) => {
  t.deepEqual(flags(['--max-semi-space-size=16']), [OLD]);
  t.deepEqual(flags([], '--max_semi_space_size=8'), [OLD]);
  t.deepEqual(flags(['--semi-space-growth-factor=2']), [OLD]);
  t.deepEqual(flags(['--max-heap-size=512']), [OLD]);
  t.deepEqual(flags(['--separate-gc-phases']), [OLD]);
});

test('an old-generation flag of the user wins, and both can be turned away', (t) => {
  t.deepEqual(flags(['--no-optimize-for-size']), YOUNG);
  t.deepEqual(flags([], undefined), BOTH);
  t.deepEqual(flags(['--heap_growing_percent=50']), YOUNG);
  t.deepEqual(flags(['--optimize-for-size', '--min-semi-space-size=2']), []);
});

test('BOLTSTACK_V8_FLAGS replaces the defaults; empty means none', (t) => {
  t.deepEqual(flags([], undefined, ''), []);
  t.deepEqual(flags([], undefined, ' --semi-space-growth-factor=1  '), ['--semi-space-growth-factor=1']);
});

test('a flag that only starts like one of ours is not taken for it', (t) => {
  t.deepEqual(flags(['--max-semi-space-size-foo'], 'max-semi-space-size=1'), BOTH);
});
