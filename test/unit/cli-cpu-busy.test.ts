import test from 'ava';
import { whenCpuBusy, type CpuClock } from '../../src/cli-cpu-busy.js';

/** A clock whose CPU time the test advances, and whose timer the test ticks. */
function fakeClock(): CpuClock & { use: (ms: number) => void; tick: () => void; running: () => boolean } {
  let cpu = 0;
  let tick: (() => void) | undefined;
  return {
    cpuMicros: () => cpu,
    every: (_ms, t) => { tick = t; return { stop: () => { tick = undefined; } }; },
    use: (ms) => { cpu += ms * 1000; },
    tick: () => tick?.(),
    running: () => tick !== undefined,
  };
}

const OPTIONS = { windowMs: 1000, share: 0.5, windows: 2 };

test('two windows in a row at half a core make the server busy, once', (t) => {
  const clock = fakeClock();
  let calls = 0;
  whenCpuBusy(() => calls++, OPTIONS, clock);
  clock.use(600); clock.tick();
  t.is(calls, 0);
  clock.use(500); clock.tick();
  t.is(calls, 1);
  t.false(clock.running(), 'the timer ends once busy');
});

test('a burst shorter than two windows (start-up, a first session) does not', (t) => {
  const clock = fakeClock();
  let calls = 0;
  whenCpuBusy(() => calls++, OPTIONS, clock);
  for (const ms of [900, 100, 700, 0, 499, 499, 800]) { clock.use(ms); clock.tick(); }
  t.is(calls, 0);
  t.true(clock.running());
});

test('the returned function stops the watch', (t) => {
  const clock = fakeClock();
  let calls = 0;
  const stop = whenCpuBusy(() => calls++, OPTIONS, clock);
  stop();
  t.false(clock.running());
});
