/**
 * bench/lib/thread-cpu: the upload figures split server CPU by thread from it, and with stat's
 * 10 ms ticks one 64 MiB upload had about 150 ms per GB of resolution. Read from schedstat, the
 * main thread's share of a busy spin is in fractions of a millisecond and matches the process's.
 */
import test from 'ava';
import { existsSync } from 'node:fs';
import { readThreadCpu, splitThreadCpu } from '../../bench/lib/thread-cpu.js';

function spinCpuMs(ms: number): number {
  const start = process.cpuUsage();
  let spent = 0;
  let x = 0;
  while (spent < ms * 1000) {
    for (let i = 0; i < 10_000; i++) x += i;
    const d = process.cpuUsage(start);
    spent = d.user + d.system;
  }
  return x > 0 ? spent / 1000 : 0;
}

test('the main thread\'s CPU is read in sub-millisecond units and matches the busy spin', async (t) => {
  if (!existsSync(`/proc/${process.pid}/task/${process.pid}/schedstat`)) {
    t.log('this kernel has no schedstat: thread CPU falls back to 10 ms ticks, not tested here');
    t.pass();
    return;
  }
  const before = await readThreadCpu(process.pid);
  const processMs = spinCpuMs(60);
  const after = await readThreadCpu(process.pid);
  const { mainMs } = splitThreadCpu(process.pid, before, after);
  t.true(mainMs >= processMs * 0.7, `main ${mainMs} ms against the process's ${processMs} ms`);
  t.true(mainMs <= processMs + 15, `main ${mainMs} ms against the process's ${processMs} ms`);
  t.not(Math.round(mainMs * 1000) % 10_000, 0, `${mainMs} ms is a whole number of 10 ms ticks`);
});
