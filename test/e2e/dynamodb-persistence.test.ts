/**
 * DynamoDB data survives a restart and a kill -9: tables (with their settings and statistics),
 * items and index entries; a table deleted just before the kill stays deleted and its items are
 * removed after the restart (the background removal resumes).
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, ListTablesCommand,
  PutItemCommand, ScanCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { startChild, tempDir } from '../helpers/server.js';
import { ddbClient } from '../services/dynamodb/helpers.js';

test('tables, items, index entries and settings survive kill -9 and a restart', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let ddb = ddbClient(server.endpoint);
    await ddb.send(new CreateTableCommand({
      TableName: 'kept', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    }));
    await ddb.send(new UpdateTimeToLiveCommand({ TableName: 'kept', TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true } }));
    for (let i = 0; i < 5; i++) await ddb.send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: `k${i}` }, g: { N: String(i) }, b: { B: new Uint8Array([i, 255]) } } }));
    await ddb.send(new CreateTableCommand({
      TableName: 'dropped', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    await ddb.send(new PutItemCommand({ TableName: 'dropped', Item: { pk: { S: 'x' } } }));
    await ddb.send(new DeleteTableCommand({ TableName: 'dropped' }));
    await server.kill9();

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    ddb = ddbClient(server.endpoint);
    t.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, ['kept']);
    const d = (await ddb.send(new DescribeTableCommand({ TableName: 'kept' }))).Table!;
    t.is(d.ItemCount, 5);
    t.is(d.GlobalSecondaryIndexes![0]!.IndexStatus, 'ACTIVE');
    t.deepEqual((await ddb.send(new DescribeTimeToLiveCommand({ TableName: 'kept' }))).TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' });
    t.deepEqual((await ddb.send(new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'k3' } } }))).Item, { pk: { S: 'k3' }, g: { N: '3' }, b: { B: new Uint8Array([3, 255]) } });
    t.is((await ddb.send(new ScanCommand({ TableName: 'kept', IndexName: 'byG' }))).Count, 5);
    // The same name again is a new, empty table.
    await ddb.send(new CreateTableCommand({
      TableName: 'dropped', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    t.is((await ddb.send(new ScanCommand({ TableName: 'dropped' }))).Count, 0);
    t.is(await server.stop(), 0);
  } finally {
    await tmp.remove();
  }
});
