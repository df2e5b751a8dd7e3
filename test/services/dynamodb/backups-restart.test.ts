/**
 * Backups are durable: a backup survives a restart and restores after it, and a copy cut short
 * (a stop or kill -9 before CreateBackup or RestoreTableFromBackup answered, so its pending mark
 * is left: backups/pending-copies.ts) is dropped by the background removal when the service opens.
 * Failed before the backup operations existed (NotImplemented; no pending marks were read).
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  CreateBackupCommand, DescribeBackupCommand, DescribeTableCommand, ListBackupsCommand, PutItemCommand, RestoreTableFromBackupCommand, ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { DDB_NS, afterPrefix, itemKey, itemPrefix, pendingCopyKey } from '../../../src/services/dynamodb/keys.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { createKeyedTable, ddbClient } from './helpers.js';

async function withServer<T>(dir: string, body: (endpoint: string) => Promise<T>): Promise<T> {
  const server = await startBoltstack({ ephemeral: false, dataDir: dir });
  try {
    return await body(server.endpoint);
  } finally {
    await server.stop();
  }
}

test('a backup survives a restart and restores after it', async (t) => {
  const tmp = await tempDir();
  try {
    const BackupArn = await withServer(tmp.dir, async (endpoint) => {
      const ddb = ddbClient(endpoint);
      await createKeyedTable(ddb, 'source', [['pk', 'S']]);
      for (const pk of ['a', 'b', 'c']) await ddb.send(new PutItemCommand({ TableName: 'source', Item: { pk: { S: pk }, v: { N: '1' } } }));
      return (await ddb.send(new CreateBackupCommand({ TableName: 'source', BackupName: 'before-restart' }))).BackupDetails!.BackupArn!;
    });
    await withServer(tmp.dir, async (endpoint) => {
      const ddb = ddbClient(endpoint);
      t.deepEqual((await ddb.send(new ListBackupsCommand({ TableName: 'source' }))).BackupSummaries!.map((b) => b.BackupArn), [BackupArn]);
      t.is((await ddb.send(new DescribeBackupCommand({ BackupArn }))).BackupDescription!.SourceTableDetails!.ItemCount, 3);
      await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: 'restored', BackupArn }));
      const items = (await ddb.send(new ScanCommand({ TableName: 'restored' }))).Items!.map((i) => i.pk!.S).sort();
      t.deepEqual(items, ['a', 'b', 'c']);
    });
    // The restored table, its items and statistics are durable too.
    await withServer(tmp.dir, async (endpoint) => {
      t.is((await ddbClient(endpoint).send(new DescribeTableCommand({ TableName: 'restored' }))).Table!.ItemCount, 3);
    });
  } finally {
    await tmp.remove();
  }
});

test('a copy cut short before its answer is dropped when the service opens', async (t) => {
  const tmp = await tempDir();
  try {
    await withServer(tmp.dir, async (endpoint) => { await createKeyedTable(ddbClient(endpoint), 'keep', [['pk', 'S']]); });
    // What a kill -9 in the middle of a copy leaves: the mark and some of the copy's items.
    const copyId = '0d1e2f30-0000-4000-8000-00000000abcd';
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const ns = db.sublevel<string, string>(DDB_NS, {});
    await ns.batch([
      { type: 'put', key: pendingCopyKey(copyId), value: '' },
      ...['1', '2', '3'].map((k) => ({ type: 'put' as const, key: itemKey(copyId, `S${k}\u0000`), value: JSON.stringify({ pk: { S: k } }) })),
    ]);
    await db.close();
    await withServer(tmp.dir, async (endpoint) => {
      // Any request opens the service; the removal then runs in the background.
      await ddbClient(endpoint).send(new ListBackupsCommand({}));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const after = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const left = after.sublevel<string, string>(DDB_NS, {});
    const prefix = itemPrefix(copyId);
    t.deepEqual(await left.keys({ gte: prefix, lt: afterPrefix(prefix) }).all(), [], 'the partial copy is gone');
    t.is(await left.get(pendingCopyKey(copyId)), undefined, 'and so is its mark');
    await after.close();
  } finally {
    await tmp.remove();
  }
});
