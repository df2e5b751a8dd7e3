import test from 'ava';
import { ItemLocks } from '../../../src/services/dynamodb/item-locks.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('sections on one item run one at a time, in arrival order', async (t) => {
  const locks = new ItemLocks();
  const log: string[] = [];
  let inside = 0;
  const section = (name: string) => async (): Promise<string> => {
    inside++;
    t.is(inside, 1, `${name} runs alone`);
    log.push(`${name} in`);
    await tick();
    log.push(`${name} out`);
    inside--;
    return name;
  };
  const results = await Promise.all([locks.run('a', section('1')), locks.runAll(['a'], section('2')), locks.run('a', section('3'))]);
  t.deepEqual(results, ['1', '2', '3']);
  t.deepEqual(log, ['1 in', '1 out', '2 in', '2 out', '3 in', '3 out']);
  t.is(locks.size, 0);
});

test('different items run at once', async (t) => {
  const locks = new ItemLocks();
  let inside = 0;
  let most = 0;
  const section = async (): Promise<void> => {
    most = Math.max(most, ++inside);
    await tick();
    inside--;
  };
  await Promise.all([locks.run('a', section), locks.run('b', section), locks.runAll(['c', 'd'], section)]);
  t.is(most, 3);
  t.is(locks.size, 0);
});

test('writers over overlapping items named in opposite orders never wait on each other in a cycle', async (t) => {
  const locks = new ItemLocks();
  const held = new Set<string>();
  const section = (keys: string[]) => async (): Promise<void> => {
    for (const k of keys) { t.false(held.has(k), `${k} has one holder`); held.add(k); }
    await tick();
    for (const k of keys) held.delete(k);
  };
  const runs: Promise<void>[] = [];
  for (let i = 0; i < 50; i++) {
    const keys = i % 2 === 0 ? ['x', 'y', 'z'] : ['z', 'y', 'x'];
    runs.push(locks.runAll(keys, section(keys)));
    // Single-item writers meet the multi-item ones on each key.
    runs.push(locks.run(keys[i % 3]!, section([keys[i % 3]!])));
  }
  await Promise.all(runs);
  t.is(locks.size, 0);
});

test('a key named twice is one lock, and a failing section releases every lock', async (t) => {
  const locks = new ItemLocks();
  await t.throwsAsync(locks.runAll(['a', 'b', 'a'], async () => {
    t.is(locks.size, 2);
    throw new Error('refused');
  }), { message: 'refused' });
  t.is(locks.size, 0);
  // A waiter queued behind a failing holder still gets the lock.
  const first = locks.run('a', async () => { await tick(); throw new Error('first fails'); });
  const second = locks.runAll(['a', 'b'], async () => 'second ran');
  await t.throwsAsync(first, { message: 'first fails' });
  t.is(await second, 'second ran');
  t.is(locks.size, 0);
});
