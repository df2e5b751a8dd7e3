/**
 * A CreateBackup cut short by kill -9 leaves nothing behind: no backup is listed, and the part of
 * the copy already written is dropped when the service next opens (services/dynamodb/backups/
 * pending-copies.ts). The server is a child process killed in the middle of the copy; what is on
 * disk is read with classic-level once it has exited (LevelDB's LOCK keeps a second process out
 * while it runs), as test/e2e/dynamodb-start-resume.test.ts does.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { CreateBackupCommand, DescribeTableCommand, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import { DDB_NS, PENDING_COPY_RANGE, afterPrefix } from '../../src/services/dynamodb/keys.js';
import { startChild, tempDir } from '../helpers/server.js';
import { createKeyedTable, ddbClient } from '../services/dynamodb/helpers.js';
import { loadItems } from '../services/dynamodb/gsi-backfill-helpers.js';

const ITEMS = 20_000;
const TableName = 'orders';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Item keys (not table statistics) and pending-copy marks on disk; the server must have exited. */
async function onDisk(dir: string): Promise<{ items: number; pending: number }> {
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  try {
    const ns = db.sublevel<string, string>(DDB_NS, {});
    const items = (await ns.keys({ gte: 'i\u0000', lt: afterPrefix('i\u0000') }).all()).filter((k) => k.split('\u0000').length > 2).length;
    const pending = (await ns.keys(PENDING_COPY_RANGE).all()).length;
    return { items, pending };
  } finally {
    await db.close();
  }
}

test('kill -9 during CreateBackup: no backup, and the partial copy is dropped at the next start', async (t) => {
  const tmp = await tempDir();
  try {
    const args = ['--port', '0', '--data-dir', tmp.dir];
    let server = await startChild(args);
    await createKeyedTable(ddbClient(server.endpoint), TableName, [['pk', 'S']]);
    await loadItems(ddbClient(server.endpoint), TableName, ITEMS, (i) => ({ pk: { S: `k${String(i).padStart(6, '0')}` }, v: { S: 'x'.repeat(50) } }));
    // Killed a few ms into the copy; a later try waits longer if the first kill came too early.
    let cut: { items: number; pending: number } | undefined;
    for (const delay of [20, 40, 80, 10]) {
      const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
      const answer = ddb.send(new CreateBackupCommand({ TableName, BackupName: 'cut-short' })).catch(() => undefined);
      await sleep(delay);
      await server.kill9();
      await answer;
      const state = await onDisk(tmp.dir);
      server = await startChild(args);
      if (state.pending > 0 && state.items > ITEMS) { cut = state; break; }
      // Too early (nothing copied) or too late (the backup completed): try again on a clean slate.
      const listed = (await ddbClient(server.endpoint).send(new ListBackupsCommand({}))).BackupSummaries ?? [];
      if (listed.length > 0) t.log(`delay ${delay} ms: the backup completed before the kill`);
    }
    t.truthy(cut, 'one kill landed in the middle of a copy');
    t.log(`killed with ${cut!.items - ITEMS} items copied`);
    const ddb = ddbClient(server.endpoint);
    const listed = (await ddb.send(new ListBackupsCommand({ TableName }))).BackupSummaries ?? [];
    t.true(listed.every((b) => b.BackupName !== 'cut-short' || b.BackupStatus === 'AVAILABLE'), 'no half-made backup is listed');
    t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount, ITEMS, 'the source is untouched');
    // The background removal drops the copy; the stop waits for it or leaves it marked.
    await sleep(1500);
    await server.stop();
    const after = await onDisk(tmp.dir);
    t.is(after.pending, 0, 'no pending mark is left');
    // What remains: the source's items and the copies of backups that completed on earlier tries.
    t.is((after.items - ITEMS) % ITEMS, 0, 'no partial copy is left');
    t.is(after.items, ITEMS * (1 + listed.length));
  } finally {
    await tmp.remove();
  }
});
