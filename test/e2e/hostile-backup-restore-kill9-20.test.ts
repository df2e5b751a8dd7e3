/**
 * Hostile pass 20: a RestoreTableFromBackup cut short by kill -9 leaves either no table (and the
 * items already written are dropped when the service next opens, pending-copies.ts) or the whole
 * table, never a partial one. As test/e2e/dynamodb-backup-kill9.test.ts does for CreateBackup:
 * the server is a child process killed in the middle of the restore, the disk read with
 * classic-level once it has exited.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { CreateBackupCommand, DescribeTableCommand, RestoreTableFromBackupCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DDB_NS, PENDING_COPY_RANGE, afterPrefix } from '../../src/services/dynamodb/keys.js';
import { startChild, tempDir } from '../helpers/server.js';
import { createKeyedTable, ddbClient } from '../services/dynamodb/helpers.js';
import { loadItems } from '../services/dynamodb/gsi-backfill-helpers.js';

const ITEMS = 20_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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

async function countItems(endpoint: string, TableName: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const page = await ddbClient(endpoint).send(new ScanCommand({ TableName, Select: 'COUNT', ExclusiveStartKey }));
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

test('kill -9 during RestoreTableFromBackup: no table or the whole table, and no partial copy left', async (t) => {
  const tmp = await tempDir();
  try {
    const args = ['--port', '0', '--data-dir', tmp.dir];
    let server = await startChild(args);
    await createKeyedTable(ddbClient(server.endpoint), 'source', [['pk', 'S']]);
    await loadItems(ddbClient(server.endpoint), 'source', ITEMS, (i) => ({ pk: { S: `k${String(i).padStart(6, '0')}` }, v: { S: 'x'.repeat(50) } }));
    const BackupArn = (await ddbClient(server.endpoint).send(new CreateBackupCommand({ TableName: 'source', BackupName: 'whole' }))).BackupDetails!.BackupArn!;
    let cut = false;
    const targets: string[] = [];
    // Short delays first; the longer ones catch a restore on a loaded machine, where the copy
    // starts later (the fresh-clone run of session 23, with other work on both cores, missed all four).
    for (const delay of [20, 40, 80, 10, 160, 320, 640, 1280]) {
      const TargetTableName = `restored-${delay}`;
      targets.push(TargetTableName);
      const answer = ddbClient(server.endpoint, { maxAttempts: 1 }).send(new RestoreTableFromBackupCommand({ BackupArn, TargetTableName })).catch(() => undefined);
      await sleep(delay);
      await server.kill9();
      await answer;
      const state = await onDisk(tmp.dir);
      server = await startChild(args);
      if (state.pending > 0 && state.items > 2 * ITEMS) { cut = true; break; }
    }
    t.true(cut, 'one kill landed in the middle of a restore');
    // Every target is either absent or whole.
    let whole = 0;
    for (const TargetTableName of targets) {
      const described = await ddbClient(server.endpoint).send(new DescribeTableCommand({ TableName: TargetTableName })).catch((e: Error) => e);
      if (described instanceof Error) { t.is(described.name, 'ResourceNotFoundException'); continue; }
      t.is(await countItems(server.endpoint, TargetTableName), ITEMS, `${TargetTableName} is whole`);
      whole++;
    }
    await sleep(1500);
    await server.stop();
    const after = await onDisk(tmp.dir);
    t.is(after.pending, 0, 'no pending mark is left');
    t.is(after.items, ITEMS * (2 + whole), 'the source, the backup\'s copy and the whole restores: nothing partial');
  } finally {
    await tmp.remove();
  }
});
