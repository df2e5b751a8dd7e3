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

test('FreshLog runs: messages of one millisecond with evenly spaced numbers share a run, and come out one by one as they went in', (t) => {
  // A reference list against the log, through random pushes (runs of equal timestamps, strides
  // of 1 and more, gaps in the numbers, runs longer than one run holds) and shifts, across
  // wrap-around and growth.
  const log = new FreshLog();
  const model: Array<[number, number]> = [];
  let seed = 7;
  const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  let seq = 1;
  let sent = 1_764_900_000_000;
  for (let step = 0; step < 3_000; step++) {
    const r = rand(10);
    if (r < 6) {
      const burst = rand(25) === 0 ? 1500 : 1 + rand(12);
      const stride = rand(3) === 0 ? 1 + rand(12) : 1;
      for (let i = 0; i < burst; i++) {
        if (rand(20) === 0) seq += 1 + rand(3); // a delayed or failed send leaves a gap
        if (rand(4) === 0) sent += rand(3);
        log.push(seq, sent);
        model.push([seq, sent]);
        seq += stride;
      }
    } else {
      const n = 1 + rand(60);
      for (let i = 0; i < n && model.length > 0; i++) {
        const [s, at] = model.shift()!;
        if (log.frontSeq() !== s || log.frontSent() !== at) { t.fail(`front ${log.frontSeq()}/${log.frontSent()} against ${s}/${at}`); return; }
        log.shift();
      }
    }
    if (log.size !== model.length) { t.fail(`size ${log.size} against ${model.length}`); return; }
    if (log.lastSeq() !== (model.length === 0 ? 0 : model[model.length - 1]![0])) { t.fail('lastSeq'); return; }
  }
  t.deepEqual(log.seqs(), model.map(([s]) => s));
  t.true(model.length > 1000, `a backlog was left to compare (${model.length})`);
});

test('FreshLog: a backlog of 3,000 messages per millisecond (more than one run holds) comes out in order', (t) => {
  const log = new FreshLog();
  for (let seq = 1; seq <= 64 * 1024; seq++) log.push(seq, 1_764_900_000_000 + Math.floor(seq / 3000));
  t.is(log.size, 64 * 1024);
  t.is(log.lastSeq(), 64 * 1024);
  t.is(log.frontSent(), 1_764_900_000_000);
  t.true(log.seqs().every((s, i) => s === i + 1));
  for (let seq = 1; seq <= 64 * 1024; seq++) {
    if (log.frontSeq() !== seq || log.frontSent() !== 1_764_900_000_000 + Math.floor(seq / 3000)) { t.fail(`at ${seq}`); return; }
    log.shift();
  }
  t.is(log.size, 0);
  t.is(log.lastSeq(), 0);
});

test('FreshLog: an SNS fan-out backlog (every eleventh number, five per millisecond) is one run of 16 bytes per millisecond', (t) => {
  // Sequence numbers come from one counter for all queues (log-numbers.ts): a publish to ten
  // queues draws ten copies and a shared body, so each queue gets every eleventh number.
  const log = new FreshLog();
  const first = 2 ** 40 + 3;
  const t0 = 1_764_900_000_000;
  const n = 50_000;
  for (let i = 0; i < n; i++) log.push(first + 11 * i, t0 + Math.floor(i / 5));
  t.is(log.size, n);
  t.is(log.runs, n / 5, 'one run per millisecond, not one per message');
  // Chunks, never a doubled copy: the runs' 16 bytes and at most one chunk (16 KiB) unfilled.
  t.true(log.bytes <= (n / 5) * 16 + 16 * 1024, `${log.bytes} bytes for ${log.runs} runs`);
  t.is(log.lastSeq(), first + 11 * (n - 1));
  // Another stride in the same millisecond starts a run; so does a number out of order.
  log.push(first + 11 * n + 1, t0 + Math.floor((n - 1) / 5));
  log.push(first + 11 * n, t0 + Math.floor((n - 1) / 5));
  t.is(log.runs, n / 5 + 2);
  const seqs = log.seqs();
  t.is(seqs.length, n + 2);
  for (let i = 0; i < n; i++) {
    if (log.frontSeq() !== first + 11 * i || log.frontSent() !== t0 + Math.floor(i / 5) || seqs[i] !== first + 11 * i) { t.fail(`at ${i}`); return; }
    log.shift();
  }
  t.deepEqual([log.frontSeq(), log.lastSeq(), log.size], [first + 11 * n + 1, first + 11 * n, 2]);
});

test('FreshLog: SentTimestamps weeks apart (a clock moved) keep their exact values; one 50 days from the others is refused, and QueueState holds it as a Msg', (t) => {
  const log = new FreshLog();
  const t0 = 1_764_900_000_000;
  const day = 86_400_000;
  const pushed: Array<[number, number]> = [];
  const push = (seq: number, sent: number): void => { t.true(log.push(seq, sent), `push ${seq}`); pushed.push([seq, sent]); };
  push(1, t0);
  push(2, t0);
  push(3, t0 + 20 * day); // past the first base's half range: a rebase
  push(4, t0 - 4 * day); // back again, still within 24.8 days of all
  push(5, t0 + 20 * day);
  t.false(log.push(6, t0 + 50 * day), 'a span past the 32-bit offsets is not held as a run');
  t.false(log.push(7, t0 - 35 * day));
  t.deepEqual(log.seqs(), pushed.map(([s]) => s));
  for (const [seq, sent] of pushed) {
    t.deepEqual([log.frontSeq(), log.frontSent()], [seq, sent]);
    log.shift();
  }
  // Drained: the next push starts afresh, whatever its time.
  t.true(log.push(8, t0 + 400 * day));
  t.is(log.frontSent(), t0 + 400 * day);

  const state = new QueueState(false);
  const now = t0 + 60 * day;
  state.addSent(10, t0, t0, undefined, now);
  state.addSent(11, now, now, undefined, now);
  t.deepEqual(state.counters(now), { visible: 2, notVisible: 0, delayed: 0 });
  t.is(state.lastSeq(), 11);
  const got = [state.takeReady(now)!, state.takeReady(now)!].map((m) => [m.seq, m.sent]).sort((a, b) => a[0]! - b[0]!);
  t.deepEqual(got, [[10, t0], [11, now]]);
  t.is(state.takeReady(now), undefined);
});

test('FreshLog: a drained backlog gives its chunks back; a backlog drained from the front holds only the chunks it still needs', (t) => {
  const log = new FreshLog();
  const t0 = 1_764_900_000_000;
  // 40,000 runs of one message (a new millisecond each), then the oldest 30,000 taken.
  for (let i = 0; i < 40_000; i++) log.push(1 + i, t0 + i);
  const full = log.bytes;
  t.true(full <= 40_000 * 16 + 16 * 1024, `${full} bytes for 40,000 runs`);
  for (let i = 0; i < 30_000; i++) { t.is(log.frontSeq(), 1 + i); log.shift(); }
  t.true(log.bytes <= 10_000 * 16 + 2 * 16 * 1024, `${log.bytes} bytes for the 10,000 runs left`);
  t.deepEqual([log.frontSeq(), log.frontSent(), log.lastSeq(), log.size], [30_001, t0 + 30_000, 40_000, 10_000]);
  while (log.size > 0) log.shift();
  t.is(log.bytes, 0);
  // A small queue keeps its one small chunk through being drained and filled again.
  log.push(50_000, t0);
  const small = log.bytes;
  log.shift();
  log.push(50_001, t0 + 1);
  t.deepEqual([log.bytes, log.frontSeq(), log.frontSent(), log.size], [small, 50_001, t0 + 1, 1]);
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
