/**
 * receive-attempts.ts oneAtATime with a deadline (hostile pass 20): a receive behind a longer
 * poll with the same ReceiveRequestAttemptId answers at its own deadline (a long poll answers when
 * its WaitTimeSeconds end), yet keeps its place in line, so a third call still waits for the
 * first; an earlier receive that is only finishing is waited for; the map of running attempts
 * ends empty. Before the fix a 1 s poll behind a 20 s one answered after 20 s.
 */
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { oneAtATime } from '../../src/services/sqs/receive-attempts.js';
import type { QueueState } from '../../src/services/sqs/queue-state.js';

/** Only the map oneAtATime uses. */
const fakeState = (): QueueState => ({ attemptsRunning: new Map<string, Promise<void>>() }) as unknown as QueueState;

test('behind a long receive: answers empty at its deadline, and a third call still waits for the first', async (t) => {
  const state = fakeState();
  const log: string[] = [];
  const first = oneAtATime(state, 'x', async () => { await sleep(1500); log.push('first done'); return ['m1']; });
  const started = Date.now();
  const second = await oneAtATime(state, 'x', async () => ['took'], { deadline: Date.now() + 1100, ranOut: () => [] as string[] });
  const took = Date.now() - started;
  t.deepEqual(second, []);
  t.true(took >= 1000 && took < 1400, `${took} ms`);
  const third = await oneAtATime(state, 'x', async () => { log.push('third runs'); return ['m1 again']; });
  t.deepEqual(log, ['first done', 'third runs']);
  t.deepEqual(await first, ['m1']);
  t.deepEqual(third, ['m1 again']);
  t.is(state.attemptsRunning.size, 0);
});

test('a deadline already past still waits for an earlier receive that is finishing', async (t) => {
  const state = fakeState();
  const first = oneAtATime(state, 'x', async () => { await sleep(50); return ['m1']; });
  let ran = false;
  const second = await oneAtATime(state, 'x', async () => { ran = true; return ['retry of m1']; }, { deadline: Date.now() - 1, ranOut: () => [] as string[] });
  t.true(ran);
  t.deepEqual(second, ['retry of m1']);
  await first;
  t.is(state.attemptsRunning.size, 0);
});

test('50 overlapping calls, every other one giving up: they run one at a time, in order, and the map ends empty', async (t) => {
  const state = fakeState();
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const calls = Array.from({ length: 50 }, (_, i) => oneAtATime(state, 'x', async () => {
    running++;
    most = Math.max(most, running);
    await sleep(i === 0 ? 1200 : 5);
    order.push(i);
    running--;
    return i;
  }, i % 2 === 1 ? { deadline: Date.now() + 100, ranOut: () => -1 } : undefined));
  const answers = await Promise.all(calls);
  t.is(most, 1);
  t.deepEqual(order, order.slice().sort((a, b) => a - b));
  t.deepEqual(answers.filter((a) => a === -1).length, 25);
  t.is(state.attemptsRunning.size, 0);
});
