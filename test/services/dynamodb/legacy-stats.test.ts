/**
 * Table statistics moved from `s\0<tableId>` to right after the table's items (keys.ts): a data
 * dir whose statistics are still under the old key reports the same ItemCount and sizes after
 * the upgrade, and keeps counting from them.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { CreateTableCommand, DescribeTableCommand, PutItemCommand, type DescribeTableCommandOutput } from '@aws-sdk/client-dynamodb';
import { DDB_NS, LEGACY_STATS_RANGE, TABLE_RANGE, afterPrefix, itemPrefix, statsKey } from '../../../src/services/dynamodb/keys.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { ddbClient } from './helpers.js';

const figures = (d: DescribeTableCommandOutput): unknown[] =>
  [d.Table!.ItemCount, d.Table!.TableSizeBytes, d.Table!.GlobalSecondaryIndexes![0]!.ItemCount, d.Table!.GlobalSecondaryIndexes![0]!.IndexSizeBytes];

async function withServer<T>(dir: string, body: (endpoint: string) => Promise<T>): Promise<T> {
  const server = await startBoltstack({ ephemeral: false, dataDir: dir });
  try {
    return await body(server.endpoint);
  } finally {
    await server.stop();
  }
}

test('a table\'s statistics key sorts right after its items, outside every item range', (t) => {
  const ids = ['0b7e8a52-0000-4000-8000-000000000000', '0b7e8a52-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000000'];
  for (const [i, id] of ids.entries()) {
    t.true(statsKey(id) >= afterPrefix(itemPrefix(id)), 'after the last item of its table');
    t.false(statsKey(id).startsWith(itemPrefix(id)), 'not in its item range (a Scan never meets it)');
    if (i + 1 < ids.length) t.true(statsKey(id) < itemPrefix(ids[i + 1]!), 'before the next table\'s items');
  }
});

test('statistics under the legacy key are moved beside the items on open', async (t) => {
  const tmp = await tempDir();
  try {
    const put = (endpoint: string, id: string) => ddbClient(endpoint).send(new PutItemCommand({ TableName: 'old', Item: { id: { S: id }, g: { S: 'x' }, v: { S: 'y'.repeat(100) } } }));
    const before = await withServer(tmp.dir, async (endpoint) => {
      await ddbClient(endpoint).send(new CreateTableCommand({
        TableName: 'old', BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      }));
      for (const id of ['a', 'b', 'c']) await put(endpoint, id);
      return figures(await ddbClient(endpoint).send(new DescribeTableCommand({ TableName: 'old' })));
    });
    t.deepEqual(before.slice(0, 1), [3]);

    // What a boltstack from before the move left: the same record under `s\0<tableId>`.
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const ns = db.sublevel<string, string>(DDB_NS, {});
    const [record] = await ns.values(TABLE_RANGE).all();
    const id = (JSON.parse(record!) as { id: string }).id;
    const stats = await ns.get(statsKey(id));
    t.truthy(stats);
    await ns.batch([{ type: 'put', key: `s\u0000${id}`, value: stats! }, { type: 'del', key: statsKey(id) }]);
    await db.close();

    await withServer(tmp.dir, async (endpoint) => {
      t.deepEqual(figures(await ddbClient(endpoint).send(new DescribeTableCommand({ TableName: 'old' }))), before);
      await put(endpoint, 'd');
      t.is((await ddbClient(endpoint).send(new DescribeTableCommand({ TableName: 'old' }))).Table!.ItemCount, 4);
    });
    await withServer(tmp.dir, async (endpoint) => {
      t.is((await ddbClient(endpoint).send(new DescribeTableCommand({ TableName: 'old' }))).Table!.ItemCount, 4, 'the count written after the move survives a restart');
    });

    const after = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const afterNs = after.sublevel<string, string>(DDB_NS, {});
    t.deepEqual(await afterNs.keys(LEGACY_STATS_RANGE).all(), [], 'no legacy record is left');
    t.is((JSON.parse((await afterNs.get(statsKey(id)))!) as { count: number }).count, 4);
    await after.close();
  } finally {
    await tmp.remove();
  }
});
