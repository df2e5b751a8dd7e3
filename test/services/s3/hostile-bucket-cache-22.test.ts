/**
 * The bucket record cache across a DeleteBucket (hostile input, twenty-second pass). A bucket's
 * record is cached on its first read after a start (store.ts). A read that missed the cache and
 * was answered before a DeleteBucket committed, but came back after it, put the deleted bucket
 * back in the cache: every later request found the bucket, and writes landed in it, to reappear
 * in a bucket re-created with its name. The race needs a read slower than the delete's batch,
 * so it is held here deterministically through a MetaStore whose read of the bucket's record
 * waits for the test (S3Store over the in-memory storage, as the storage suite uses it).
 * Invariant only: no capture records it.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import * as keys from '../../../src/services/s3/keys.js';
import { S3Store } from '../../../src/services/s3/store.js';
import type { ObjectRecord } from '../../../src/services/s3/records.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';

test('a bucket read that misses the cache before a DeleteBucket and returns after it does not put the deleted bucket back in the cache', async (t) => {
  const storage = createMemoryStorage();
  const log = createLogger('error');
  // Written by one store; read by a fresh one, as after a restart (nothing cached).
  await new S3Store(storage.meta, storage.blobs, log).putBucket({ name: 'held', region: 'us-east-1', created: Date.now(), owner: '000000000000' });
  const store = new S3Store(storage.meta, storage.blobs, log);

  const realGet = storage.meta.get.bind(storage.meta);
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let holdNext = true;
  storage.meta.get = async (ns: string, key: string) => {
    const value = await realGet(ns, key);
    if (holdNext && key === keys.bucketKey('held')) {
      holdNext = false;
      await released; // answered now, delivered after the delete
    }
    return value;
  };

  const slowRead = store.getBucket('held');
  await store.deleteBucket('held');
  release();
  t.truthy(await slowRead, 'the read was answered before the delete');
  t.is(store.cachedBucket('held'), undefined, 'the cache says the bucket exists');
  const record = { spans: [], size: 0 } as unknown as ObjectRecord;
  await t.throwsAsync(store.replaceObject('held', 'k', record), { message: /bucket does not exist/ });
  await storage.close();
});

test('a bucket read begun while a DeleteBucket commits, and returned after it, does not cache the deleted bucket either', async (t) => {
  const storage = createMemoryStorage();
  const log = createLogger('error');
  await new S3Store(storage.meta, storage.blobs, log).putBucket({ name: 'held', region: 'us-east-1', created: Date.now(), owner: '000000000000' });
  const store = new S3Store(storage.meta, storage.blobs, log);
  await store.getBucket('other'); // a read before: the store is started

  const gate = () => { let open!: () => void; const opened = new Promise<void>((resolve) => { open = resolve; }); return { open, opened }; };
  const batchReached = gate();
  const batchGo = gate();
  const readGo = gate();
  const realBatch = storage.meta.batch.bind(storage.meta);
  storage.meta.batch = async (ops) => {
    batchReached.open();
    await batchGo.opened; // the delete's batch is under way while the read is made
    return await realBatch(ops);
  };
  const realGet = storage.meta.get.bind(storage.meta);
  storage.meta.get = async (ns: string, key: string) => {
    const value = await realGet(ns, key);
    if (key === keys.bucketKey('held')) await readGo.opened;
    return value;
  };

  // The delete reads the record first (the cache is empty): let that read through.
  readGo.open();
  const deleting = store.deleteBucket('held');
  await batchReached.opened;
  const held = gate();
  storage.meta.get = async (ns: string, key: string) => {
    const value = await realGet(ns, key);
    if (key === keys.bucketKey('held')) await held.opened;
    return value;
  };
  const slowRead = store.getBucket('held');
  await new Promise((resolve) => setImmediate(resolve)); // the read has been answered
  batchGo.open();
  await deleting;
  held.open();
  t.truthy(await slowRead, 'the read was answered before the delete committed');
  t.is(store.cachedBucket('held'), undefined, 'the cache says the bucket exists');
  await storage.close();
});
