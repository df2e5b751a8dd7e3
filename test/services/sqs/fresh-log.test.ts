/**
 * The compact backlog of never-received messages (fresh-log.ts): first in, first out across the
 * ring's wrap-around and its growth, and QueueState keeps counting and receiving them in order.
 */
import test from 'ava';
import { FreshLog } from '../../../src/services/sqs/fresh-log.js';
import { QueueState, type Msg } from '../../../src/services/sqs/queue-state.js';

test('FreshLog keeps send order across wrap-around and growth', (t) => {
  const log = new FreshLog();
  let next = 1;
  let expected = 1;
  // Interleave pushes and shifts so the head moves around the ring before it grows.
  for (let round = 0; round < 50; round++) {
    for (let i = 0; i < 40; i++) { log.push(next, next * 10); next++; }
    for (let i = 0; i < 30; i++) {
      t.is(log.frontSeq(), expected);
      t.is(log.frontSent(), expected * 10);
      log.shift();
      expected++;
    }
  }
  t.is(log.size, next - expected);
  t.is(log.lastSeq(), next - 1);
  while (log.size > 0) { t.is(log.frontSeq(), expected++); log.shift(); }
  t.is(log.lastSeq(), 0);
});

test('QueueState receives fresh messages in send order and counts them as visible', (t) => {
  const state = new QueueState(false);
  const now = Date.now();
  for (let seq = 1; seq <= 1000; seq++) state.addSent(seq, now - 1000 + seq, now - 1000 + seq, undefined, now);
  state.addSent(1001, now, now + 60_000, undefined, now); // delayed: not fresh
  t.deepEqual(state.counters(now), { visible: 1000, notVisible: 0, delayed: 1 });
  t.is(state.size, 1001);
  t.is(state.lastSeq(), 1001);
  const first = state.takeReady(now)!;
  t.is(first.seq, 1);
  t.is(first.sent, now - 999);
  t.is(state.messages.get(1), first);
  const expired: Msg[] = [];
  state.takeExpiredFresh(now - 990, expired);
  t.deepEqual(expired.map((m) => m.seq), [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  t.is(state.takeReady(now)!.seq, 11);
  state.clear();
  t.is(state.size, 0);
  t.is(state.takeReady(now), undefined);
});
