/**
 * Durability contract (DESIGN.md §5): every acknowledged write survives kill -9, and after the
 * crash metadata and blobs agree — no record or reference points at a missing or partial blob,
 * no temp file or orphan blob remains once the store is reopened (which sweeps).
 * A child process (test/fixtures/crash-writer.ts) writes until SIGKILLed at a random moment;
 * two rounds on the same directory also check that a recovered store keeps working.
 */
import test from 'ava';
import { blobFiles } from './blob-files.js';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openNativeStore } from '../../native-store/index.js';
import { BLOB_REFS_NS, hasBlobRefs } from '../../src/storage/blob-refs.js';

const WRITER = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'crash-writer.js');
const NS = 'crash';

interface CrashRecord { id: string; size: number; sha256: string }
type CrashAck = { op: 'put'; key: string; record: CrashRecord } | { op: 'del' | 'deleting'; key: string };
/** What a key must be after the crash: its record, gone, or either (a delete was unacknowledged). */
type Expected = { record: CrashRecord; maybeDeleted: boolean } | undefined;

/** Runs the writer until it has acknowledged `minAcks` operations plus a random delay, then SIGKILLs it. */
async function runAndKill(dir: string, prefix: string, minAcks: number): Promise<CrashAck[]> {
  const child = spawn(process.execPath, [WRITER, dir, 'process', prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acks: CrashAck[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let killTimer: NodeJS.Timeout | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') continue;
    acks.push(JSON.parse(line) as CrashAck);
    if (acks.length === minAcks) killTimer = setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 60);
  }
  clearTimeout(killTimer);
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`crash writer ended with ${signal ?? 'an exit code'} before it was killed`);
  return acks;
}


test('native: acknowledged writes survive kill -9; metadata and blobs agree after recovery', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-crash-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const expected = new Map<string, Expected>();
  let tempFilesSwept = 0;
  let orphansSwept = 0;

  for (const round of ['a', 'b']) {
    for (const ack of await runAndKill(dir, round, 120)) {
      if (ack.op === 'put') expected.set(ack.key, { record: ack.record, maybeDeleted: false });
      else if (ack.op === 'del') expected.set(ack.key, undefined);
      else expected.set(ack.key, { record: expected.get(ack.key)!.record, maybeDeleted: true });
    }
    const store = await openNativeStore({ dir, durability: 'process' });
    try {
      tempFilesSwept += store.swept.tempFilesRemoved;
      orphansSwept += store.swept.orphansRemoved;
      t.deepEqual(await readdir(join(dir, 'blobs', 'tmp')), [], 'no temp file after the sweep at open');

      for (const [key, want] of expected) {
        const stored = await store.meta.get(NS, key);
        if (want === undefined) {
          t.is(stored, undefined, `${key} was deleted`);
          continue;
        }
        // A delete whose batch was written but whose ack the kill cut off may have been applied.
        if (want.maybeDeleted && stored === undefined) {
          expected.set(key, undefined);
          continue;
        }
        const record = want.record;
        if (want.maybeDeleted) expected.set(key, { record, maybeDeleted: false }); // seen: it stays now
        t.deepEqual(JSON.parse(stored ?? 'null'), record, `${key} is present`);
        const hash = createHash('sha256');
        for await (const chunk of store.blobs.read(record.id)) hash.update(chunk as Buffer);
        t.is(hash.digest('hex'), record.sha256, `${key}: blob intact and byte-exact`);
      }

      const files = new Set(await blobFiles(dir));
      for (const id of files) t.true(await hasBlobRefs(store.meta, id), `blob ${id} is referenced (no orphan)`);
      for await (const [refKey] of store.meta.iterate(BLOB_REFS_NS)) {
        t.true(files.has(refKey.slice(0, refKey.indexOf('\u0000'))), `reference ${JSON.stringify(refKey)} has its blob`);
      }
      for await (const [key, value] of store.meta.iterate(NS)) {
        t.true(files.has((JSON.parse(value) as CrashRecord).id), `record ${key} has its blob`);
      }
    } finally {
      await store.close();
    }
  }
  t.log(`${expected.size} acknowledged keys checked; ${tempFilesSwept} interrupted temp files and ${orphansSwept} orphan blobs swept`);
});
