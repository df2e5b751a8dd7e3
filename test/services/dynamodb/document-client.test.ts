/**
 * The DocumentClient of `@aws-sdk/lib-dynamodb` with default settings: native JS values in and
 * out (numbers, strings, sets, binary, nested maps), conditions, updates, queries, batches.
 */
import test from 'ava';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand, BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test('DocumentClient: put, get, update, query, scan, batch, delete with native values', async (t) => {
  const base = ddbClient(server.endpoint);
  const doc = DynamoDBDocumentClient.from(base);
  const TableName = uniqueTable('doc');
  await base.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'user', AttributeType: 'S' }, { AttributeName: 'at', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }, { AttributeName: 'at', KeyType: 'RANGE' }],
  }));
  const item = { user: 'ann', at: 1, name: 'Ann', tags: new Set(['a', 'b']), scores: [1, 2.5], meta: { nested: { ok: true, none: null } }, raw: new Uint8Array([1, 2, 3]) };
  await doc.send(new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(#u)', ExpressionAttributeNames: { '#u': 'user' } }));
  const got = await doc.send(new GetCommand({ TableName, Key: { user: 'ann', at: 1 } }));
  t.deepEqual(got.Item, item);
  const up = await doc.send(new UpdateCommand({
    TableName, Key: { user: 'ann', at: 1 }, UpdateExpression: 'SET visits = if_not_exists(visits, :zero) + :one, scores = list_append(scores, :more)',
    ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':more': [3] }, ReturnValues: 'UPDATED_NEW',
  }));
  t.deepEqual(up.Attributes, { visits: 1, scores: [1, 2.5, 3] });
  await doc.send(new BatchWriteCommand({ RequestItems: { [TableName]: [2, 3, 4].map((at) => ({ PutRequest: { Item: { user: 'ann', at, name: `n${at}` } } })) } }));
  const q = await doc.send(new QueryCommand({ TableName, KeyConditionExpression: '#u = :u AND #a > :a', ExpressionAttributeNames: { '#u': 'user', '#a': 'at' }, ExpressionAttributeValues: { ':u': 'ann', ':a': 1 }, ScanIndexForward: false }));
  t.deepEqual(q.Items!.map((i) => i.at), [4, 3, 2]);
  const s = await doc.send(new ScanCommand({ TableName, FilterExpression: 'begins_with(#n, :p)', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':p': 'n' } }));
  t.is(s.Count, 3);
  const b = await doc.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: [{ user: 'ann', at: 2 }, { user: 'ann', at: 9 }] } } }));
  t.deepEqual(b.Responses![TableName], [{ user: 'ann', at: 2, name: 'n2' }]);
  const failed = await ddbErrorOf(doc.send(new DeleteCommand({ TableName, Key: { user: 'ann', at: 1 }, ConditionExpression: 'visits > :v', ExpressionAttributeValues: { ':v': 5 } })));
  t.is(failed.name, 'ConditionalCheckFailedException');
  await doc.send(new DeleteCommand({ TableName, Key: { user: 'ann', at: 1 } }));
  t.is((await doc.send(new GetCommand({ TableName, Key: { user: 'ann', at: 1 } }))).Item, undefined);
});
