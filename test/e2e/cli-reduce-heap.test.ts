/**
 * The CLI asks V8 for one memory-reducing collection a second after Ready when no load has begun
 * (src/cli-reduce-heap.ts), on V8 12 and later (Node 22, 24), so idle memory is low from the first
 * seconds rather than after V8's own memory reducer, 8-20 s later. V8 11 (Node 20) has no such
 * request, and there nothing happens before V8's reducer. --trace-gc names the collections.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { canReduceHeap } from '../../src/cli-reduce-heap.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

test('one memory-reducing collection follows Ready on V8 12 and later, none on V8 11', async (t) => {
  t.timeout(60_000);
  const child = spawn(process.execPath, ['--trace-gc', CLI, '--port', '0', '--ephemeral', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Ready line: ${out.slice(-2000)}`)), 15_000);
      child.stdout.on('data', () => { if (out.includes('Ready.')) { clearTimeout(timer); resolve(); } });
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const afterReady = out.slice(out.indexOf('Ready.'));
    if (canReduceHeap()) t.regex(afterReady, /Mark-Compact \(reduce\)/);
    else t.notRegex(afterReady, /Mark-Compact/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});

test('V8 12 and later can be asked for it; V8 11 cannot', (t) => {
  t.false(canReduceHeap('11.3.244.8-node.33'));
  t.true(canReduceHeap('12.4.254.21-node.33'));
  t.true(canReduceHeap('13.6.233.17-node.40'));
});
