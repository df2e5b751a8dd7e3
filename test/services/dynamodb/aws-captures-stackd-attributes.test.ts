/**
 * A failed condition's answer as native AWS DynamoDB gave it in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/attributes.json, calls of 2026-09-17). The capture probes IAM's
 * dynamodb:Attributes condition key, which boltstack does not evaluate (no IAM): only the
 * answers that do not depend on a policy are pinned (seq 7, 13-15).
 */
import test from 'ava';
import { GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient, type UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/attributes.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

test(`a failed condition answers the whole old item with ALL_OLD, nothing without it; the item is unchanged (${SRC} seq 13-15)`, async (t) => {
  const TableName = uniqueTable('attrs');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const Item = { pk: { S: 'attributes-probe' }, allowed: { S: 'public-value' }, secret: { S: 'owned-test-secret-value' } };
  await ddb.send(new PutItemCommand({ TableName, Item }));
  const update: UpdateItemCommandInput = {
    TableName, Key: { pk: { S: 'attributes-probe' } }, UpdateExpression: 'SET allowed = :new', ConditionExpression: 'allowed = :impossible',
    ExpressionAttributeValues: { ':new': { S: 'changed' }, ':impossible': { S: 'not-current' } },
  };
  const withOld = await ddbErrorOf(ddb.send(new UpdateItemCommand({ ...update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })));
  t.deepEqual([withOld.name, withOld.message, (withOld as { Item?: unknown }).Item], ['ConditionalCheckFailedException', 'The conditional request failed', Item], 'seq 13');
  const bare = await ddbErrorOf(ddb.send(new UpdateItemCommand(update)));
  t.deepEqual([bare.name, bare.message, (bare as { Item?: unknown }).Item], ['ConditionalCheckFailedException', 'The conditional request failed', undefined], 'seq 14');
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'attributes-probe' } }, ConsistentRead: true }))).Item, Item, 'seq 15');
});
