/**
 * Records of issued credentials are removed a day after their session ended
 * (services/sts/credential-pruning.ts), in bounded background steps started by issuing; a live
 * session's record, and what its key resolves to, never change. Before, every record was kept
 * forever. The service runs over an in-memory store; the process's clock is moved (serial).
 * No AWS source applies (AWS keeps no such records visible); the invariant is the row: a live
 * key answers GetCallerIdentity as its session, and the store does not grow without end.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { CredentialStore } from '../../../src/services/sts/credentials.js';
import { PRUNE_GRACE_MS } from '../../../src/services/sts/credential-pruning.js';
import { createStsService } from '../../../src/services/sts/index.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { KeyRange, MetaStore } from '../../../src/storage/meta-store.js';

const ctx = (accessKeyId?: string): RequestContext => ({
  requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [],
  ...(accessKeyId !== undefined && { accessKeyId }),
});

const log = createLogger('error');
const start = (meta: MetaStore): Service => createStsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log, durability: 'process',
});

/** The access key ids whose records are stored. */
async function storedKeys(meta: MetaStore): Promise<string[]> {
  const out: string[] = [];
  for await (const [key] of meta.iterate('credentials', { gt: 'cred/', lt: 'cred0' })) out.push(key.slice('cred/'.length));
  return out.sort();
}

let offset = 0;
const realNow = Date.now;
const realMonotonic = performance.now.bind(performance);
/**
 * Moves time `ms` further ahead (restored after each test): the wall clock and the monotonic one
 * together, as time really passing does (a wall clock moved alone is a clock jump, which pruning
 * does not trust: credential-pruning-clock-jump.test.ts).
 */
const advance = (ms: number): void => {
  offset += ms;
  Date.now = () => realNow() + offset;
  performance.now = () => realMonotonic() + offset;
};
/** Sets the process's clock to `at` (ms). */
const advanceTo = (at: number): void => advance(at - Date.now());
test.afterEach.always(() => {
  offset = 0;
  Date.now = realNow;
  // Removes the own property the test set: performance.now is the prototype's again.
  Reflect.deleteProperty(performance, 'now');
});

interface Issued { AccessKeyId: string; Expiration: Date }

test.serial('a day after their end records are removed on the next issue; live and recently ended ones stay, and a live key still answers as its session', async (t) => {
  const storage = createMemoryStorage();
  const sts = start(storage.meta);
  const assume = async (RoleSessionName: string, DurationSeconds: number): Promise<Issued> =>
    ((await sts.operations.AssumeRole!(ctx(), { RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName, DurationSeconds })) as { Credentials: Issued }).Credentials;
  const idle = (): Promise<void> | undefined => sts.close?.();
  try {
    const old = [await assume('old-1', 900), await assume('old-2', 900)];
    const long = await assume('long', 43_200);
    await idle();
    t.is((await storedKeys(storage.meta)).length, 3, 'the first step found nothing to remove');
    // A day and 16 minutes on: the 900 s sessions ended a day and a minute ago; the 12 h one is live.
    advance(900_000 + PRUNE_GRACE_MS + 60_000);
    const recent = await assume('recent', 900);
    await idle();
    t.deepEqual(await storedKeys(storage.meta), [long.AccessKeyId, recent.AccessKeyId].sort());
    t.false((await storedKeys(storage.meta)).some((k) => old.some((o) => o.AccessKeyId === k)));
    const who = await sts.operations.GetCallerIdentity!(ctx(long.AccessKeyId), {}) as { Arn: string };
    t.is(who.Arn, 'arn:aws:sts::111122223333:assumed-role/r/long');
    // The 12 h session ends; a day later it is not yet past its grace, a day and a minute it is.
    advanceTo(long.Expiration.getTime() + PRUNE_GRACE_MS - 60_000);
    await assume('later-1', 900);
    await idle();
    t.true((await storedKeys(storage.meta)).includes(long.AccessKeyId), 'ended less than a day ago: kept');
    advance(2 * 60_000);
    await assume('later-2', 900);
    await idle();
    t.false((await storedKeys(storage.meta)).includes(long.AccessKeyId));
  } finally {
    await sts.close?.();
    await storage.close();
  }
});

test.serial('each step reads a bounded number of records (twice those issued since the last, at least its minimum), at most one step a minute, and the next goes on where it stopped', async (t) => {
  const storage = createMemoryStorage();
  const limits: number[] = [];
  const iterate = storage.meta.iterate.bind(storage.meta);
  storage.meta.iterate = (ns: string, range?: KeyRange) => {
    if (ns === 'credentials' && range?.limit !== undefined) limits.push(range.limit);
    return iterate(ns, range);
  };
  const store = new CredentialStore(storage.meta, log, { minStep: 2 });
  const principal = { account: '111122223333', arn: 'arn:aws:iam::111122223333:root', userId: '111122223333' };
  try {
    for (let i = 0; i < 4; i++) await store.issue(principal, 900);
    await store.pruner.idle();
    t.deepEqual(limits, [2], 'one step for four issues within a minute');
    // The three issued after the step count towards the next one's budget: twice four.
    advance(61_000);
    await store.issue(principal, 900);
    await store.pruner.idle();
    t.deepEqual(limits, [2, 8]);
    // Then one issue a minute, so each step's budget is its minimum: two records.
    limits.length = 0;
    advance(900_000 + PRUNE_GRACE_MS + 60_000);
    const live: string[] = [];
    for (let step = 0; step < 10; step++) {
      live.push((await store.issue(principal, 43_200)).AccessKeyId);
      await store.pruner.idle();
      advance(61_000);
    }
    t.deepEqual(limits, Array(10).fill(2), 'one step a minute, two records each');
    // Ten steps of two records, going on where the last one stopped: every stale record was
    // reached, though live ones came first in key order as often as not; no live one removed.
    t.deepEqual(await storedKeys(storage.meta), [...live].sort());
    const who = await store.principalOf(live[0]);
    t.is(who?.arn, principal.arn);
  } finally {
    await store.pruner.idle();
    await storage.close();
  }
});
