/**
 * A host clock stepped forward by more than a day must not prune the records of sessions still
 * live in real time (services/sts/credential-pruning.ts, trustedNow). Before, a step run under
 * the jumped clock removed them, and once the clock came back their keys, live by their tokens,
 * resolved to nobody: GetCallerIdentity answered the account root instead of the session.
 * No AWS source applies (AWS keeps no such records visible); the invariant is the row: a key
 * whose session is live answers GetCallerIdentity as its session. Serial: the process's clock moves.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createStsService } from '../../../src/services/sts/index.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { withClockAhead } from '../../helpers/clock.js';

const ctx = (accessKeyId?: string): RequestContext => ({
  requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [],
  ...(accessKeyId !== undefined && { accessKeyId }),
});
const log = createLogger('error');
const start = (meta: MetaStore): Service => createStsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log, durability: 'process',
});
const DAY = 24 * 60 * 60 * 1000;

async function assume(sts: Service, RoleSessionName: string, DurationSeconds: number): Promise<string> {
  const out = await sts.operations.AssumeRole!(ctx(), { RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName, DurationSeconds });
  return (out as { Credentials: { AccessKeyId: string } }).Credentials.AccessKeyId;
}
const callerArn = async (sts: Service, key: string): Promise<string> =>
  ((await sts.operations.GetCallerIdentity!(ctx(key), {})) as { Arn: string }).Arn;

test.serial('a pruning step run while the clock is three days ahead keeps the records of live sessions; back in time, their keys still answer as their sessions', async (t) => {
  const storage = createMemoryStorage();
  // The sessions are issued by one run (its own first step finds nothing to remove) ...
  const first = start(storage.meta);
  const short = await assume(first, 'short', 900);
  const long = await assume(first, 'long', 43_200);
  await first.close?.();
  // ... and a later run's first step comes while the host clock is three days ahead.
  const later = start(storage.meta);
  try {
    await withClockAhead(3 * DAY, async () => {
      await assume(later, 'during-jump', 900);
      await later.close?.(); // waits for the step
    });
    t.is(await callerArn(later, long), 'arn:aws:sts::111122223333:assumed-role/r/long');
    t.is(await callerArn(later, short), 'arn:aws:sts::111122223333:assumed-role/r/short');
  } finally {
    await later.close?.();
    await storage.close();
  }
});
